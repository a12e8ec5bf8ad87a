/**
 * Export to the Ministry of Justice from the book page: the button runs the
 * export (the server's gate answers in Vietnamese with the records and fields
 * to fix), then every export of the book is listed with its files to
 * download, its warnings count and the reviewer's sign-off (or a button to
 * sign the warnings report off).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExportView } from '../../exchange/index.js';
import { getJson, sendJson } from '../shared/index.js';

const KIND_LABELS: Record<string, string> = { xlsx: 'Tệp Excel (DL Import)', zip: 'Tệp nén PDF', report: 'Báo cáo cảnh báo', manifest: 'Bản kê (manifest)' };
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');

function SignOff({ exp, onDone, onError }: { exp: ExportView; onDone: () => void; onError: (m: string) => void }) {
  const [note, setNote] = useState('');
  if (exp.signedOff) {
    return <p className="signed-off">Đã ký duyệt: {exp.signedOff.by ?? 'không rõ'} lúc {when(exp.signedOff.at)}{exp.signedOff.note && <> — “{exp.signedOff.note}”</>}</p>;
  }
  const sign = () => void sendJson('POST', `/api/exports/${exp.id}/sign-off`, { note }).then(onDone, (e: Error) => onError(e.message));
  return (
    <p className="sign-off">
      <label>Ý kiến người kiểm tra <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label>{' '}
      <button type="button" onClick={sign}>Ký duyệt báo cáo</button>
    </p>
  );
}

export function ExportPanel({ bookId }: { bookId: string }) {
  const [exports, setExports] = useState<ExportView[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    getJson<ExportView[]>(`/api/books/${bookId}/exports`).then(setExports, (e: Error) => setError(e.message));
  }, [bookId]);
  useEffect(load, [load]);
  const run = () => {
    setRunning(true);
    setError(undefined);
    sendJson<ExportView>('POST', `/api/books/${bookId}/exports`, {})
      .then(load, (e: Error) => setError(e.message))
      .finally(() => setRunning(false));
  };
  return (
    <section className="export-panel" aria-label="Xuất dữ liệu Bộ Tư pháp">
      <h3>Xuất dữ liệu Bộ Tư pháp</h3>
      <button type="button" onClick={run} disabled={running}>{running ? 'Đang xuất…' : 'Xuất dữ liệu Bộ Tư pháp'}</button>
      {error && <p role="alert" style={{ whiteSpace: 'pre-line' }}>{error}</p>}
      <ol className="exports">
        {exports.map((exp) => (
          <li key={exp.id} data-testid="export">
            <div>Lần xuất {when(exp.createdAt)}{exp.createdBy && <> bởi {exp.createdBy}</>}: {exp.registrations} bản ghi, {exp.warnings} cảnh báo</div>
            <ul>
              {exp.files.map((f) => <li key={f.name}><a href={f.url} download={f.name}>{KIND_LABELS[f.kind] ?? f.kind}: {f.name}</a> ({kb(f.bytes)})</li>)}
            </ul>
            <SignOff exp={exp} onDone={load} onError={setError} />
          </li>
        ))}
      </ol>
    </section>
  );
}
