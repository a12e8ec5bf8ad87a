/**
 * Route #/qc/checks/<bookId>: the book-level checklist (gaps and duplicates
 * of số, dates going back, count vs the declared count, pages without
 * registrations); the reviewer marks each item fixed or explains it
 * (others, without records.review, read the list only).
 */
import { useCallback, useEffect, useState } from 'react';
import { qcApi, type BookChecklist, type BookCheckItem } from './keying-qc.api.js';

function CheckRow({ bookId, item, canResolve, onDone }: { bookId: string; item: BookCheckItem; canResolve: boolean; onDone(c: BookChecklist): void }) {
  const [note, setNote] = useState(item.resolution?.note ?? '');
  const [error, setError] = useState<string>();
  const send = (status: 'resolved' | 'explained') => qcApi.resolveCheck(bookId, item.code, item.subject, status, note).then(onDone, (e: Error) => setError(e.message));
  return (
    <li data-testid="check-item" className={item.resolution ? 'done' : ''}>
      <p>
        {item.severity === 'ERROR' && <strong className="error">Lỗi (chặn xuất dữ liệu): </strong>}
        {item.message} {item.resolution && <strong>— {item.resolution.status === 'resolved' ? 'Đã sửa' : `Đã giải thích: ${item.resolution.note}`}</strong>}
      </p>
      {item.recordIds.map((id) => (
        <a key={id} href={`#/records/${id}`}>
          Mở bản ghi{' '}
        </a>
      ))}
      {canResolve && (
        <>
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="Ghi chú / lý do" aria-label={`Ghi chú cho: ${item.message}`} />
          <button type="button" onClick={() => void send('resolved')}>
            Đã sửa
          </button>
          <button type="button" onClick={() => void send('explained')}>
            Giải thích
          </button>
        </>
      )}
      {error && <span role="alert"> {error}</span>}
    </li>
  );
}

export function BookChecksPage({ bookId, canResolve }: { bookId: string; canResolve: boolean }) {
  const [list, setList] = useState<BookChecklist>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => void qcApi.checks(bookId).then(setList, (e: Error) => setError(e.message)), [bookId]);
  useEffect(load, [load]);
  if (error) return <p role="alert">{error}</p>;
  if (!list) return <p>Đang tải…</p>;
  return (
    <section>
      <p>
        <a href={`#/books/${bookId}`}>← Quay lại quyển sổ</a>
      </p>
      <h2>Kiểm tra toàn quyển sổ</h2>
      <p>{list.items.length === 0 ? 'Không phát hiện vấn đề nào.' : `${list.open} mục chưa xử lý / ${list.items.length} mục.`}</p>
      <ul className="checklist">
        {list.items.map((i) => (
          <CheckRow key={`${i.code}|${i.subject}`} bookId={bookId} item={i} canResolve={canResolve} onDone={setList} />
        ))}
      </ul>
    </section>
  );
}
