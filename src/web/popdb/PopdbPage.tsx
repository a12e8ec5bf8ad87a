/**
 * "Đối chiếu CSDL dân cư" (#/popdb): upload the file the population side
 * returned (a background job with the import's progress bar; all or
 * nothing, the error report to download when a row is wrong), the batches
 * imported with their counts and correction list, and the queue of
 * differences waiting for the officer's decision, each opening
 * #/popdb/conflicts/<id>.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ImportProgressBar } from '../imports/index.js';
import { FilePicker } from '../shared/index.js';
import { followResult, listBatches, listConflicts, uploadResult, type ConflictView, type PopdbBatchView, type PopdbProgress } from './popdb.api.js';

function BatchResult({ view }: { view: PopdbBatchView }) {
  return (
    <section className={`import-result ${view.status}`} data-testid="popdb-result">
      <p role={view.status === 'failed' ? 'alert' : 'status'}>{view.summary}</p>
      {view.errorReportUrl && (
        <p>
          <a className="file-button" href={view.errorReportUrl} download>
            Tải báo cáo lỗi (.xlsx)
          </a>
        </p>
      )}
      {view.rows.length > 0 && (
        <ul className="import-messages" aria-label="Các dòng có lỗi">
          {view.rows.map((r) => (
            <li key={r.row}>
              Dòng {r.row}: {r.errors.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Batches({ batches }: { batches: PopdbBatchView[] }) {
  if (batches.length === 0) return <p className="hint">Chưa nhập tệp kết quả nào.</p>;
  return (
    <table aria-label="Các lần nhập kết quả đối chiếu">
      <thead>
        <tr>
          <th>Tệp</th>
          <th>Trùng khớp</th>
          <th>Khác nhau</th>
          <th>Không có trong CSDL</th>
          <th>Xung đột số định danh</th>
          <th>Chờ quyết định</th>
          <th>Danh sách gửi lại</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((b) => (
          <tr key={b.id}>
            <td>{b.fileName}</td>
            <td>{b.counts.same}</td>
            <td>{b.counts.differs}</td>
            <td>{b.counts.not_found}</td>
            <td>{b.counts.id_conflict}</td>
            <td>{b.open}</td>
            <td>{b.correctionsUrl && <a href={b.correctionsUrl}>Tải danh sách đề nghị điều chỉnh (.xlsx)</a>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Queue({ items }: { items: ConflictView[] }) {
  if (items.length === 0) return <p className="hint">Không còn chỗ khác nhau nào chờ quyết định.</p>;
  return (
    <table aria-label="Chỗ khác nhau chờ quyết định">
      <thead>
        <tr>
          <th>Quyển sổ</th>
          <th>Họ tên theo sổ</th>
          <th>Loại</th>
          <th>Thông tin khác</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-testid="popdb-conflict">
            <td>
              Quyển {c.book.volumeNo} ({c.book.year})
            </td>
            <td>{c.fields.find((f) => f.key === 'hoTen')?.keyed}</td>
            <td>{c.classLabel}</td>
            <td>{[...c.fields.filter((f) => f.differs).map((f) => f.label), ...(c.conflict ? [c.conflict.message] : [])].join('; ')}</td>
            <td>
              <a href={`#/popdb/conflicts/${c.id}`}>Xem và quyết định</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PopdbPage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<PopdbBatchView>();
  const [progress, setProgress] = useState<PopdbProgress>();
  const [batches, setBatches] = useState<PopdbBatchView[]>([]);
  const [queue, setQueue] = useState<ConflictView[]>([]);
  const reload = () =>
    Promise.all([listBatches(), listConflicts()])
      .then(([b, q]) => {
        setBatches(b);
        setQueue(q);
      })
      .catch((e: Error) => setError(e.message));
  useEffect(() => void reload(), []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = new FormData(form).get('file');
    if (!(file instanceof File) || file.size === 0) return setError('Hãy chọn tệp kết quả (.xlsx hoặc .csv).');
    setError(undefined);
    setResult(undefined);
    setProgress(undefined);
    setBusy(true);
    try {
      const view = await followResult(await uploadResult(file), setProgress);
      setResult(view);
      if (view.status === 'imported') form.reset();
      await reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2>Đối chiếu với Cơ sở dữ liệu quốc gia về dân cư</h2>
      <p className="hint">
        Nhập tệp kết quả do cơ quan dân cư gửi lại (chính tệp khóa đối chiếu đã xuất bằng lệnh <code>hotich popdb export</code>, đã điền cột trạng thái và giá trị trong CSDL). Khi thông tin khác nhau,
        Sổ hộ tịch là căn cứ (Điều 60 khoản 2 Luật Hộ tịch): giá trị của CSDL dân cư không bao giờ tự ghi vào bản ghi.
      </p>
      <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Nhập tệp kết quả đối chiếu">
        <FilePicker label="Tệp kết quả (.xlsx, .csv)" name="file" accept=".xlsx,.csv,text/csv" />
        <button type="submit" disabled={busy}>
          {busy ? 'Đang nhập…' : 'Nhập'}
        </button>
      </form>
      {busy && <ImportProgressBar progress={progress} />}
      {error && <p role="alert">{error}</p>}
      {result && <BatchResult view={result} />}
      <h3>Chỗ khác nhau chờ quyết định</h3>
      <Queue items={queue} />
      <h3>Các lần nhập</h3>
      <Batches batches={batches} />
    </section>
  );
}
