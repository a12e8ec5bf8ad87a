/**
 * One book: its inventory facts, the upload panel, its page strip (thumbnails,
 * quality flags, keying links) and its records. Uploading (scans.upload) and
 * keying (records.key) show only to users who may do them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { can, type SignedInUser } from '../auth/index.js';
import { BookQcPanel } from '../qc/index.js';
import { Breadcrumbs, getJson, unitCrumbs } from '../shared/index.js';
import { addRecord, BookRecords } from './BookRecords.js';
import { useRecordRows } from './useRecordRows.js';
import { BOOK_STATUS_LABELS, FLAG_LABELS, PAGE_STATUS_LABELS, type Book, type Page } from './books.api.js';
import { UploadPanel } from './UploadPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { BookHistoryPanel } from '../history/index.js';

export function BookPage({ id, user }: { id: string; user: SignedInUser }) {
  const [book, setBook] = useState<Book>();
  const [pages, setPages] = useState<Page[]>([]);
  const [error, setError] = useState<string>();
  const records = useRecordRows(id, setError);
  const { reload } = records;
  const load = useCallback(() => {
    getJson<Book>(`/api/books/${id}`)
      .then(setBook)
      .catch((e: Error) => setError(e.message));
    getJson<Page[]>(`/api/books/${id}/pages`)
      .then(setPages)
      .catch((e: Error) => setError(e.message));
  }, [id]);
  const reloadAll = useCallback(() => {
    load();
    reload();
  }, [load, reload]);
  const add = (pageId: string) => void addRecord(id, pageId).catch((e: Error) => setError(e.message));
  /** The first loaded registration on the page (the rows loaded so far: the first chunk at least). */
  const firstRecordOn = (pageId: string) => records.loaded.find((r) => r.pageIds.includes(pageId));
  const keyer = can(user, 'records.key');
  useEffect(load, [load]);
  const seqOf = useMemo(() => new Map(pages.map((p) => [p.id, p.seq])), [pages]);

  if (error) return <p role="alert">{error}</p>;
  if (!book) return <p>Đang tải…</p>;
  return (
    <section>
      <Breadcrumbs items={[...(book.authorityUnit?.chain ? unitCrumbs(book.authorityUnit.chain) : [{ label: 'Quyển sổ', href: '#/books' }]), { label: book.title }]} />
      <h2>{book.title}</h2>
      <p data-testid="book-authority">
        {book.authority}
        {book.authorityUnit && (
          <>
            {' '}
            — <em>{book.authorityUnit.path}</em>
          </>
        )}{' '}
        · năm {book.yearFrom} · <span data-testid="book-status">{BOOK_STATUS_LABELS[book.status] ?? book.status}</span>
      </p>
      {can(user, 'scans.upload') && <UploadPanel bookId={id} onDone={reloadAll} />}
      <BookQcPanel bookId={id} user={user} />
      <h3>Các trang ({pages.length})</h3>
      <ol className="page-strip" aria-label="Các trang">
        {pages.map((p) => (
          <li key={p.id} data-testid="page">
            {p.status === 'present' ? (
              <img src={`/api/books/${id}/pages/${p.id}/thumbnail`} alt={`Trang ${p.seq}`} loading="lazy" />
            ) : (
              <div className="placeholder">{PAGE_STATUS_LABELS[p.status]}</div>
            )}
            <div>Trang {p.seq}</div>
            {p.flags.map((f) => (
              <span key={f} className="flag">
                {FLAG_LABELS[f] ?? f}
              </span>
            ))}
            {p.status === 'present' && keyer && (
              <div className="page-actions">
                {firstRecordOn(p.id) && <a href={`#/records/${firstRecordOn(p.id)!.id}`}>Nhập liệu</a>}
                <button type="button" onClick={() => add(p.id)} aria-label={`Thêm bản ghi cho trang ${p.seq}`}>
                  Thêm bản ghi
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <h3>Các bản ghi ({records.total ?? '…'})</h3>
      {records.total !== undefined && <BookRecords total={records.total} at={records.at} onRange={records.onRange} pageSeq={(pageId) => seqOf.get(pageId)} canKey={keyer} />}
      <ExportPanel bookId={id} user={user} />
      <BookHistoryPanel bookId={id} />
    </section>
  );
}
