/**
 * Export to the Ministry of Justice from the book page: the button starts the
 * export as a background job (202 + job id) and the panel polls
 * GET /api/jobs/:id every second until it is done (the list reloads) or
 * failed (the server's gate answers in Vietnamese with the records and fields
 * to fix), then every export of the book is listed with its files to
 * download, its warnings count and the reviewer's sign-off (or a button to
 * sign the warnings report off). When the gate refuses, each listed record
 * links to its keying screen so it can be fixed from there.
 * Who sees what: the export button and the data files (xlsx, zip, manifest)
 * need exports.download; the warnings report also shows to, and the sign-off
 * button only to, records.review holders; users with neither see no panel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportView, GateProblem } from '../../exchange/index.js';
import { can, type SignedInUser } from '../auth/index.js';
import { ApiError, followJob, getJson, jobResult, sendJson } from '../shared/index.js';

const KIND_LABELS: Record<string, string> = { xlsx: 'Tệp Excel (DL Import)', zip: 'Tệp nén PDF', report: 'Báo cáo cảnh báo', manifest: 'Bản kê (manifest)' };
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');
/** Follows the export job every second until it ends (its answer), or until the panel is left (undefined); a failure rejects with its message. */
async function waitForJob<T>(jobId: string, alive: () => boolean): Promise<T | undefined> {
  const job = await followJob(jobId, { alive, pollMs: 1000 });
  return job && jobResult<T>(job, 'Xuất dữ liệu không thành công.');
}

function SignOff({ exp, canSign, onDone, onError }: { exp: ExportView; canSign: boolean; onDone: () => void; onError: (e: Error) => void }) {
  const [note, setNote] = useState('');
  if (exp.signedOff) {
    return (
      <p className="signed-off">
        Đã ký duyệt: {exp.signedOff.by ?? 'không rõ'} lúc {when(exp.signedOff.at)}
        {exp.signedOff.note && <> — “{exp.signedOff.note}”</>}
      </p>
    );
  }
  if (!canSign) return null;
  const sign = () => void sendJson('POST', `/api/exports/${exp.id}/sign-off`, { note }).then(onDone, onError);
  return (
    <p className="sign-off">
      <label>
        Ý kiến người kiểm tra <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>{' '}
      <button type="button" onClick={sign}>
        Ký duyệt báo cáo
      </button>
    </p>
  );
}

/** An export signed off and changed since: it no longer says what the book says; the next export lists these changes. */
function Stale({ stale }: { stale: NonNullable<ExportView['stale']> }) {
  return (
    <div className="stale" role="status" data-testid="export-stale">
      <p>
        <strong>Bản xuất này đã cũ:</strong> {stale.records} bản ghi đã được đính chính hoặc mở lại sau khi ký duyệt. Hãy xuất lại; lần xuất sau sẽ liệt kê các thay đổi này.
      </p>
      <ul>
        {stale.changes.map((c, i) => (
          <li key={i}>
            <a href={`#/history/records/${c.recordId}`}>{c.so ? `Số ${c.so}` : 'Bản ghi'}</a>: {c.kind === 'reopened' ? 'mở lại' : `đính chính ${c.fields.join(', ')}`} — {c.by ?? 'không rõ'},{' '}
            {when(c.at)}
            {c.reason && <> — lý do: “{c.reason}”</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The gate's refusal: its message line by line, each "- Số …" line linked to the record it names (the server lists problems in that order). */
function ExportError({ error }: { error: Error }) {
  const problems = error instanceof ApiError && error.code === 'export.blocked' ? ((error.details as { problems?: GateProblem[] } | undefined)?.problems ?? []) : [];
  const [head, ...lines] = error.message.split('\n');
  if (problems.length === 0)
    return (
      <p role="alert" style={{ whiteSpace: 'pre-line' }}>
        {error.message}
      </p>
    );
  return (
    <div role="alert">
      <p>{head}</p>
      <ul>
        {lines.map((line, i) => {
          const p = line.startsWith('- ') ? problems[i] : undefined;
          return (
            <li key={i}>
              {line.replace(/^- /, '')}
              {p && (
                <>
                  {' '}
                  — <a href={`#/records/${p.recordId}`}>Mở bản ghi để sửa</a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ExportPanel({ bookId, user }: { bookId: string; user: SignedInUser }) {
  const [exports, setExports] = useState<ExportView[]>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);
  const load = useCallback(() => {
    getJson<ExportView[]>(`/api/books/${bookId}/exports`).then(setExports, setError);
  }, [bookId]);
  useEffect(load, [load]);
  const exporter = can(user, 'exports.download');
  const reviewer = can(user, 'records.review');
  const run = () => {
    setRunning(true);
    setError(undefined);
    sendJson<{ jobId: string }>('POST', `/api/books/${bookId}/exports`, {})
      .then(({ jobId }) => waitForJob<ExportView>(jobId, () => alive.current))
      .then(load, setError)
      .finally(() => setRunning(false));
  };
  if (!exporter && !reviewer) return null;
  return (
    <section className="export-panel" aria-label="Xuất dữ liệu Bộ Tư pháp">
      <h3>Xuất dữ liệu Bộ Tư pháp</h3>
      {exports?.length === 0 && <p className="hint">Quyển sổ này chưa được xuất lần nào.</p>}
      {exporter && (
        <button type="button" onClick={run} disabled={running}>
          {running ? 'Đang xuất…' : 'Xuất dữ liệu Bộ Tư pháp'}
        </button>
      )}
      {running && (
        <p role="status" className="hint">
          Đang xuất… (có thể mất vài phút với quyển lớn)
        </p>
      )}
      {error && <ExportError error={error} />}
      <ol className="exports">
        {exports?.map((exp) => (
          <li key={exp.id} data-testid="export">
            <div>
              Lần xuất {when(exp.createdAt)}
              {exp.createdBy && <> bởi {exp.createdBy}</>}: {exp.registrations} bản ghi, {exp.warnings} cảnh báo
            </div>
            <ul>
              {exp.files
                .filter((f) => exporter || f.kind === 'report')
                .map((f) => (
                  <li key={f.name}>
                    <a href={f.url} download={f.name}>
                      {KIND_LABELS[f.kind] ?? f.kind}: {f.name}
                    </a>{' '}
                    ({kb(f.bytes)})
                  </li>
                ))}
            </ul>
            <SignOff exp={exp} canSign={reviewer} onDone={load} onError={setError} />
            {exp.stale && <Stale stale={exp.stale} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
