/**
 * The machine next to the keyers (#/qc/machine[/<bookId>]): per field kind,
 * how often the value the OCR read equals the accepted value (errors with
 * 95 % Clopper–Pearson interval), the pre-fill threshold in force and the
 * one the measured accuracy suggests; below it, the keyers' accuracy table.
 * With a book chosen, its pages as the OCR stage sees them, and an officer
 * (books.write) marks a page handwritten: the machine's reading of it is
 * dropped and people key it as before.
 */
import { useCallback, useEffect, useState } from 'react';
import { can, type SignedInUser } from '../auth/index.js';
import { KeyerAccuracyTable } from './KeyerAccuracyTable.js';
import { listBooks, listMachineAccuracy, listOcrPages, markHandwritten, pct, type BookView, type MachineAccuracy, type OcrPageStatus } from './acceptance.api.js';

const NEVER = 1.01;
const threshold = (t: number) => (t >= NEVER ? 'không điền sẵn' : t.toFixed(2).replace('.', ','));
const STATUS = { pending: 'Chưa đọc', read: 'Đã đọc', skipped: 'Bỏ qua' } as const;

function MachineTable() {
  const [rows, setRows] = useState<MachineAccuracy[]>();
  const [error, setError] = useState('');
  useEffect(() => void listMachineAccuracy().then(setRows, (e: Error) => setError(e.message)), []);
  if (!rows) return <p role={error ? 'alert' : undefined}>{error || 'Đang tải…'}</p>;
  return (
    <section>
      <h2>Độ chính xác của máy đọc theo loại trường</h2>
      <p className="hint">Giá trị máy đọc so với giá trị đã được chấp nhận của các bản ghi hoàn thành. Ngưỡng: độ tin cậy tối thiểu để máy điền sẵn (và thay một lần nhập khi nhập hai lần).</p>
      <table data-testid="machine-accuracy">
        <thead>
          <tr>
            <th>Loại trường</th>
            <th>Giá trị đã so</th>
            <th>Tỷ lệ sai (KTC 95 %)</th>
            <th>Ngưỡng đang dùng</th>
            <th>Ngưỡng theo đo đạc</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.kind} data-kind={m.kind}>
              <td>{m.label}</td>
              <td>{m.errors.units}</td>
              <td>{m.errors.units === 0 ? 'chưa có dữ liệu' : `${m.errors.errors}/${m.errors.units} = ${pct(m.errors.rate)} [${pct(m.errors.interval.lower)}; ${pct(m.errors.interval.upper)}]`}</td>
              <td>{threshold(m.threshold)}</td>
              <td>{threshold(m.suggested)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function BookPages({ bookId, canMark }: { bookId: string; canMark: boolean }) {
  const [pages, setPages] = useState<OcrPageStatus[]>();
  const [error, setError] = useState('');
  const load = useCallback(() => listOcrPages(bookId).then(setPages, (e: Error) => setError(e.message)), [bookId]);
  useEffect(() => void load(), [load]);
  const toggle = async (p: OcrPageStatus) => {
    setError('');
    try {
      await markHandwritten(bookId, p.pageId, !p.handwritten);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!pages) return <p role={error ? 'alert' : undefined}>{error || 'Đang tải…'}</p>;
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {pages.length === 0 ? (
        <p>Quyển sổ chưa có trang nào.</p>
      ) : (
        <table data-testid="ocr-pages">
          <thead>
            <tr>
              <th>Trang</th>
              <th>Máy đọc</th>
              <th>Ghi chú</th>
              <th>Viết tay (người nhập)</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.pageId} data-page={p.seq}>
                <td>{p.seq}</td>
                <td>{STATUS[p.status]}</td>
                <td>{p.message}</td>
                <td>
                  <label>
                    <input type="checkbox" checked={p.handwritten} disabled={!canMark} onChange={() => void toggle(p)} aria-label={`Trang ${p.seq} viết tay`} /> viết tay
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function PagesSection({ bookId, canMark }: { bookId: string | undefined; canMark: boolean }) {
  const [books, setBooks] = useState<BookView[]>();
  const [error, setError] = useState('');
  useEffect(() => void listBooks().then(setBooks, (e: Error) => setError(e.message)), []);
  return (
    <section>
      <h2>Trang sổ và máy đọc</h2>
      <p className="hint">Trang đánh dấu viết tay không được máy đọc: giá trị máy đã đọc của trang bị bỏ, người nhập liệu nhập như thường lệ.</p>
      {error && <p role="alert">{error}</p>}
      <label>
        Quyển sổ{' '}
        <select
          value={bookId ?? ''}
          onChange={(e) => {
            location.hash = e.target.value ? `#/qc/machine/${e.target.value}` : '#/qc/machine';
          }}
        >
          <option value="">— chọn quyển sổ —</option>
          {(books ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      {bookId && <BookPages key={bookId} bookId={bookId} canMark={canMark} />}
    </section>
  );
}

export function MachineAccuracyPage({ bookId, user }: { bookId: string | undefined; user: SignedInUser }) {
  return (
    <div className="machine-accuracy">
      <h1>Máy đọc và người nhập liệu</h1>
      {can(user, 'reports.view') && <MachineTable />}
      <KeyerAccuracyTable />
      <PagesSection bookId={bookId} canMark={can(user, 'books.write')} />
    </div>
  );
}
