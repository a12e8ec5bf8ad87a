/**
 * A book's registrations as the book screen scrolls them: the total and the
 * first chunk at once, further chunks of GET /api/books/:id/records (by
 * offset) only when their rows come into view.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from '../shared/index.js';
import type { RecordItem } from './BookRecords.js';

const CHUNK = 200;

interface RecordPage {
  items: RecordItem[];
  total: number;
  offset: number;
}

export function useRecordRows(bookId: string, onError: (message: string) => void) {
  const [total, setTotal] = useState<number>();
  const [chunks, setChunks] = useState<ReadonlyMap<number, RecordItem[]>>(new Map());
  const asked = useRef(new Set<number>());

  const fetchChunk = useCallback(
    (n: number) => {
      if (asked.current.has(n)) return;
      asked.current.add(n);
      getJson<RecordPage>(`/api/books/${bookId}/records?offset=${n * CHUNK}&limit=${CHUNK}`).then(
        (p) => {
          setTotal(p.total);
          setChunks((c) => new Map(c).set(n, p.items));
        },
        (e: Error) => {
          asked.current.delete(n);
          onError(e.message);
        },
      );
    },
    [bookId, onError],
  );

  const reload = useCallback(() => {
    asked.current = new Set();
    setChunks(new Map());
    fetchChunk(0);
  }, [fetchChunk]);
  useEffect(reload, [reload]);

  const onRange = useCallback(
    (first: number, last: number) => {
      for (let n = Math.floor(first / CHUNK); n <= Math.floor(Math.max(first, last - 1) / CHUNK); n++) fetchChunk(n);
    },
    [fetchChunk],
  );

  const at = useCallback((i: number) => chunks.get(Math.floor(i / CHUNK))?.[i % CHUNK], [chunks]);
  const loaded = [...chunks.values()].flat();
  return { total, at, loaded, onRange, reload };
}
