/**
 * The book page's history panel: everything that happened to the book (its
 * status, pages, QC settings, exports and their stale mark) and the
 * corrections and reopenings of its registrations — who, when, what, why.
 * Folded by default; loaded when opened, and again when `version` changes.
 */
import { useEffect, useState } from 'react';
import type { HistoryItem } from '../../entry/index.js';
import { getJson } from '../shared/index.js';
import { HistoryList } from './HistoryList.js';

export function BookHistoryPanel({ bookId, version = 0 }: { bookId: string; version?: number }) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<HistoryItem[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) getJson<HistoryItem[]>(`/api/books/${bookId}/history`).then(setItems, (e: Error) => setError(e.message));
  }, [bookId, open, version]);
  return (
    <section className="history-panel" aria-label="Lịch sử thay đổi của sổ">
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Lịch sử thay đổi của sổ</summary>
        {error && <p role="alert">{error}</p>}
        {items ? <HistoryList items={items} recordLinks /> : open && <p>Đang tải…</p>}
      </details>
    </section>
  );
}
