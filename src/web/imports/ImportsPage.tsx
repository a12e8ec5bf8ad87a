/**
 * "Nhập dữ liệu từ tệp Excel/CSV": the user picks an xlsx (MoJ template) or
 * CSV file and, optionally, the book it goes into (otherwise books are
 * created per quyển số and year). The upload starts a background job whose
 * progress (rows read, checked, written) shows as a bar; its answer is the import: what went in
 * (books, records, warnings the user accepts by importing) or, all or
 * nothing, the rows with errors and the error report to download and fix.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { FilePicker, getJson } from '../shared/index.js';
import { ImportProgressBar } from './ImportProgressBar.js';
import { followImport, uploadImport, type Book, type ImportProgress, type ImportView } from './imports.api.js';

function RowList({ view }: { view: ImportView }) {
  const failed = view.status === 'failed';
  const rows = view.report.rows.filter((r) => (failed ? r.errors.length > 0 : r.warnings.length > 0));
  if (rows.length === 0) return null;
  return (
    <table aria-label={failed ? 'Các dòng có lỗi' : 'Các dòng có cảnh báo'}>
      <thead>
        <tr>
          <th>Dòng</th>
          <th>{failed ? 'Lỗi' : 'Cảnh báo (đã xác nhận khi nhập)'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <td>{r.row}</td>
            <td>
              <ul className="import-messages">
                {(failed ? r.errors : r.warnings).map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportResult({ view }: { view: ImportView }) {
  return (
    <section className={`import-result ${view.status}`} data-testid="import-result">
      <p role={view.status === 'failed' ? 'alert' : 'status'}>{view.summary}</p>
      <ul className="hint">
        {view.report.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {view.errorReportUrl && (
        <p>
          <a className="file-button" href={view.errorReportUrl} download>
            Tải báo cáo lỗi (.xlsx)
          </a>
        </p>
      )}
      {view.status === 'imported' && (
        <ul>
          {view.report.books.map((b) => (
            <li key={b.id}>
              <a href={`#/books/${b.id}`}>{b.title}</a>: {b.records} bản ghi
            </li>
          ))}
        </ul>
      )}
      <RowList view={view} />
    </section>
  );
}

export function ImportsPage() {
  const [books, setBooks] = useState<Book[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<ImportView>();
  const [progress, setProgress] = useState<ImportProgress>();
  const loadBooks = () =>
    getJson<{ items: Book[] }>('/api/books?limit=200')
      .then((p) => setBooks(p.items))
      .catch((e: Error) => setError(e.message));
  useEffect(() => void loadBooks(), []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const file = f.get('file');
    if (!(file instanceof File) || file.size === 0) return setError('Hãy chọn tệp Excel (.xlsx) hoặc CSV.');
    setError(undefined);
    setResult(undefined);
    setProgress(undefined);
    setBusy(true);
    try {
      const jobId = await uploadImport(file, String(f.get('bookId') ?? ''), f.get('fixEncoding') === 'on');
      const view = await followImport(jobId, setProgress);
      setResult(view);
      // Imported: the file is done (a second upload would be refused) and new books can now be chosen.
      if (view.status === 'imported') {
        form.reset();
        void loadBooks();
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2>Nhập dữ liệu từ tệp Excel/CSV</h2>
      <p className="hint">
        Tệp Excel theo mẫu của Bộ Tư pháp (trang "DL Import", dòng đầu là tên cột) hoặc tệp CSV UTF-8. Nếu còn một dòng có lỗi thì không dòng nào được nhập: hãy tải báo cáo lỗi, sửa theo sổ rồi nhập
        lại chính tệp đó. Cùng một tệp chỉ nhập một lần.
      </p>
      <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Nhập dữ liệu từ tệp">
        <FilePicker label="Tệp (.xlsx, .csv)" name="file" accept=".xlsx,.csv,text/csv" />
        <label>
          Quyển sổ nhận dữ liệu
          <select name="bookId" defaultValue="">
            <option value="">Tạo quyển mới theo quyển số và năm trong tệp</option>
            {books.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title} — {b.authority} ({b.yearFrom})
              </option>
            ))}
          </select>
        </label>
        <label title="Áp dụng các đề xuất 'Chuyển sang Unicode' và 'Sửa thành' của báo cáo lỗi; mỗi chỗ chuyển được ghi là cảnh báo">
          <input name="fixEncoding" type="checkbox" /> Chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI) và chữ cái lạ (Ð…) theo đề xuất
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Đang nhập…' : 'Nhập'}
        </button>
      </form>
      {busy && <ImportProgressBar progress={progress} />}
      {error && <p role="alert">{error}</p>}
      {result && <ImportResult view={result} />}
    </section>
  );
}
