/**
 * The list of register books with their scan progress, filtered (unit, type,
 * year, status, words) and scrolled through page by page however many there
 * are (a virtual table; a link may open it filtered: #/books?unit=&name=&status=), and the form to inventory a new one (books.write only).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { can, type SignedInUser } from '../auth/index.js';
import { Breadcrumbs, getJson, sendJson, VirtualTable, type TemplateSummary } from '../shared/index.js';
import { BookFilters } from './BookFilters.js';
import { BOOK_STATUS_LABELS } from './books.api.js';
import type { Book } from './books.api.js';
import { useBookList, type BookFilter } from './useBookList.js';

function BookRow({ b }: { b: Book }) {
  return (
    <tr key={b.id}>
      <td>
        <a href={`#/books/${b.id}`}>{b.title}</a>
      </td>
      <td title={b.authorityUnit?.path ?? ''}>
        {b.authority}
        {b.authorityUnit ? '' : ' (chưa xác định đơn vị)'}
      </td>
      <td>{b.yearTo && b.yearTo !== b.yearFrom ? `${b.yearFrom}–${b.yearTo}` : b.yearFrom}</td>
      <td>{BOOK_STATUS_LABELS[b.status] ?? b.status}</td>
      <td>{b.progress?.pagesScanned ?? 0}</td>
      <td>{b.progress?.recordsKeyed ?? 0}</td>
      <td>{b.progress?.recordsCompleted ?? 0}</td>
    </tr>
  );
}

/** The filter a link opens the table with: #/books?unit=<id>&name=<its name>&status=<status> (breadcrumbs, the home pages). */
function filterOf(query: string): { filter: BookFilter; unitName: string } {
  const q = new URLSearchParams(query);
  const filter: BookFilter = {};
  if (q.get('unit')) filter.unit = q.get('unit')!;
  if (q.get('status')) filter.status = q.get('status')!;
  return { filter, unitName: q.get('name') ?? '' };
}

export function BooksPage({ user, query = '' }: { user: SignedInUser; query?: string }) {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [error, setError] = useState<string>();
  const [initial] = useState(() => filterOf(query));
  const [filter, setFilter] = useState<BookFilter>(initial.filter);
  const onError = useCallback((m: string) => setError(m), []);
  const list = useBookList(filter, onError);
  useEffect(() => {
    getJson<TemplateSummary[]>('/api/registers')
      .then((t) => setTemplates(t.filter((x) => x.current)))
      .catch((e: Error) => setError(e.message));
  }, []);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(undefined);
    try {
      const book = await sendJson<Book>('POST', '/api/books', {
        registerType: f.get('registerType'),
        authority: f.get('authority'),
        yearFrom: f.get('year'),
        volumeNo: f.get('volumeNo'),
      });
      location.hash = `#/books/${book.id}`;
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section>
      {initial.unitName && <Breadcrumbs items={[{ label: 'Quyển sổ', href: '#/books' }, { label: initial.unitName }]} />}
      <h2>Quyển sổ</h2>
      {error && <p role="alert">{error}</p>}
      {can(user, 'books.write') && (
        <form className="inline-form" onSubmit={(e) => void add(e)} aria-label="Thêm quyển sổ">
          <label>
            Loại sổ{' '}
            <select name="registerType" required>
              {templates.map((t) => (
                <option key={t.id} value={t.registerType}>
                  {t.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Cơ quan đăng ký (như trong sổ) <input name="authority" required minLength={2} size={40} />
          </label>
          <label>
            Năm <input name="year" type="number" required min={1850} max={2200} />
          </label>
          <label>
            Quyển số <input name="volumeNo" size={8} />
          </label>
          <button type="submit">Thêm quyển sổ</button>
        </form>
      )}
      <BookFilters
        unitName={initial.unitName}
        templates={templates}
        value={filter}
        onChange={(f) => {
          setError(undefined);
          setFilter(f);
        }}
      />
      <p className="hint" data-testid="book-count">
        {list.done ? `${list.items.length} quyển sổ` : `${list.items.length}+ quyển sổ (cuộn xuống để tải thêm)`}
      </p>
      <VirtualTable
        label="Quyển sổ"
        columns={7}
        count={list.items.length + (list.done ? 0 : 1)}
        onRange={list.onRange}
        head={
          <tr>
            <th>Sổ</th>
            <th>Cơ quan đăng ký</th>
            <th>Năm</th>
            <th>Trạng thái</th>
            <th>Trang đã quét</th>
            <th>Bản ghi đã nhập</th>
            <th>Đã hoàn thành</th>
          </tr>
        }
        row={(i) => {
          const b = list.items[i];
          return b ? <BookRow key={b.id} b={b} /> : undefined;
        }}
      />
    </section>
  );
}
