/** The list of register books with their scan progress, and the form to inventory a new one (books.write only). */
import { useEffect, useState, type FormEvent } from 'react';
import { can, type SignedInUser } from '../auth/index.js';
import { getJson, sendJson, type TemplateSummary } from '../shared/index.js';
import type { Book } from './books.api.js';

export function BooksPage({ user }: { user: SignedInUser }) {
  const [books, setBooks] = useState<Book[]>([]);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [error, setError] = useState<string>();
  const load = () => getJson<{ items: Book[] }>('/api/books?limit=200').then((p) => setBooks(p.items)).catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
    getJson<TemplateSummary[]>('/api/registers').then((t) => setTemplates(t.filter((x) => x.current))).catch((e: Error) => setError(e.message));
  }, []);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(undefined);
    try {
      const book = await sendJson<Book>('POST', '/api/books', {
        registerType: f.get('registerType'), authority: f.get('authority'), yearFrom: f.get('year'), volumeNo: f.get('volumeNo'),
      });
      location.hash = `#/books/${book.id}`;
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section>
      <h2>Quyển sổ</h2>
      {error && <p role="alert">{error}</p>}
      {can(user, 'books.write') && <form className="inline-form" onSubmit={(e) => void add(e)} aria-label="Thêm quyển sổ">
        <label>Loại sổ <select name="registerType" required>{templates.map((t) => <option key={t.id} value={t.registerType}>{t.title}</option>)}</select></label>
        <label>Cơ quan đăng ký (như trong sổ) <input name="authority" required minLength={2} size={40} /></label>
        <label>Năm <input name="year" type="number" required min={1850} max={2200} /></label>
        <label>Quyển số <input name="volumeNo" size={8} /></label>
        <button type="submit">Thêm quyển sổ</button>
      </form>}
      <table>
        <thead><tr><th>Sổ</th><th>Cơ quan đăng ký</th><th>Năm</th><th>Trang đã quét</th><th>Bản ghi đã nhập</th><th>Đã hoàn thành</th></tr></thead>
        <tbody>
          {books.map((b) => (
            <tr key={b.id}>
              <td><a href={`#/books/${b.id}`}>{b.title}</a></td>
              <td>{b.authority}{b.authorityUnit ? '' : ' (chưa xác định đơn vị)'}</td>
              <td>{b.yearFrom}</td>
              <td>{b.progress?.pagesScanned ?? 0}</td>
              <td>{b.progress?.recordsKeyed ?? 0}</td>
              <td>{b.progress?.recordsCompleted ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
