/** One book: its inventory facts, the upload panel, and its page strip with thumbnails and quality flags. */
import { useCallback, useEffect, useState } from 'react';
import { getJson } from '../shared/index.js';
import { FLAG_LABELS, PAGE_STATUS_LABELS, type Book, type Page } from './books.api.js';
import { UploadPanel } from './UploadPanel.js';

export function BookPage({ id }: { id: string }) {
  const [book, setBook] = useState<Book>();
  const [pages, setPages] = useState<Page[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    getJson<Book>(`/api/books/${id}`).then(setBook).catch((e: Error) => setError(e.message));
    getJson<Page[]>(`/api/books/${id}/pages`).then(setPages).catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <p role="alert">{error}</p>;
  if (!book) return <p>Đang tải…</p>;
  return (
    <section>
      <p><a href="#/">← Danh sách quyển sổ</a></p>
      <h2>{book.title}</h2>
      <p>{book.authority}{book.authorityUnit && <> — <em>{book.authorityUnit.path}</em></>} · năm {book.yearFrom}</p>
      <UploadPanel bookId={id} onDone={load} />
      <h3>Các trang ({pages.length})</h3>
      <ol className="page-strip" aria-label="Các trang">
        {pages.map((p) => (
          <li key={p.id} data-testid="page">
            {p.status === 'present' ? <img src={`/api/books/${id}/pages/${p.id}/thumbnail`} alt={`Trang ${p.seq}`} loading="lazy" /> : <div className="placeholder">{PAGE_STATUS_LABELS[p.status]}</div>}
            <div>Trang {p.seq}</div>
            {p.flags.map((f) => <span key={f} className="flag">{FLAG_LABELS[f] ?? f}</span>)}
          </li>
        ))}
      </ol>
    </section>
  );
}
