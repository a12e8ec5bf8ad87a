/**
 * "Kế hoạch từ tệp Excel": download the template (drop-downs of units and
 * organizations) or the current plan; upload a filled template — imported
 * all or nothing, as a background job whose progress shows (rows checked,
 * written); a refused file shows each row's errors and offers the file back
 * with a "Lỗi" column (the job's file).
 */
import { useState, type FormEvent } from 'react';
import { planUrl, templateUrl, uploadPlan, type ImportOutcome, type PlanImportProgress } from './plans.api.js';

const PHASES: Record<PlanImportProgress['phase'], string> = { checking: 'Đang kiểm tra từng dòng', writing: 'Đang ghi gói công việc', done: 'Đã xong' };

function ImportProgressLine({ p }: { p: PlanImportProgress | undefined }) {
  if (!p) return <p role="status">Đang chờ máy chủ nhận việc nhập…</p>;
  const done = p.phase === 'checking' ? p.rowsChecked : p.rowsWritten;
  return (
    <p role="status" data-testid="plan-import-progress">
      <progress max={Math.max(1, p.rowsTotal)} value={done} aria-label="Tiến độ nhập kế hoạch" /> {PHASES[p.phase]}: {done} / {p.rowsTotal} dòng
    </p>
  );
}

export function PlanFiles({ campaignId, canManage, onImported }: { campaignId: string; canManage: boolean; onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const [progress, setProgress] = useState<PlanImportProgress>();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const picked = new FormData(form).get('file');
    if (!(picked instanceof File) || picked.size === 0) return setError('Hãy chọn tệp kế hoạch (.xlsx).');
    setError(undefined);
    setOutcome(undefined);
    setProgress(undefined);
    setBusy(true);
    try {
      const result = await uploadPlan(campaignId, picked, setProgress);
      setOutcome(result);
      if (result.ok) {
        form.reset();
        onImported();
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="plan-files" aria-labelledby="plan-files-h">
      <h3 id="plan-files-h">Kế hoạch từ tệp Excel</h3>
      <p>
        <a className="file-button" href={templateUrl(campaignId)} download>
          Tải mẫu kế hoạch (.xlsx)
        </a>{' '}
        <a className="file-button" href={planUrl(campaignId)} download>
          Xuất kế hoạch hiện tại (.xlsx)
        </a>
      </p>
      {canManage && (
        <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Nhập kế hoạch">
          <label>
            Tệp kế hoạch đã điền (.xlsx)
            <input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Đang nhập…' : 'Nhập kế hoạch'}
          </button>
        </form>
      )}
      {canManage && <p className="hint">Tệp được nhập toàn bộ hoặc không nhập dòng nào: nếu một dòng có lỗi, cả tệp bị từ chối. Dòng có mã gói sẽ sửa gói đó, dòng không có mã sẽ thêm gói mới.</p>}
      {busy && <ImportProgressLine p={progress} />}
      {error && <p role="alert">{error}</p>}
      {outcome?.ok && (
        <p role="status" className="import-result">
          Đã nhập kế hoạch: thêm {outcome.added} gói, sửa {outcome.changed} gói.
        </p>
      )}
      {outcome && !outcome.ok && (
        <div className="import-result failed">
          <p role="alert">{outcome.message} Không dòng nào được nhập.</p>
          <p>
            <a className="file-button" href={outcome.errorFileUrl} download>
              Tải tệp kèm cột “Lỗi”
            </a>
          </p>
          <table aria-label="Các dòng có lỗi">
            <thead>
              <tr>
                <th>Dòng</th>
                <th>Lỗi</th>
              </tr>
            </thead>
            <tbody>
              {outcome.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>
                    <ul className="import-messages">
                      {r.errors.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
