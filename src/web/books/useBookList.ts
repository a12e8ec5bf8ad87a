/**
 * The book list as the books screen scrolls it: pages of GET /api/books
 * fetched one after another by cursor while the user scrolls toward the end;
 * a new filter starts again from the first page (an older answer is dropped).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from '../shared/index.js';
import type { Book } from './books.api.js';

export interface BookFilter {
  unit?: string;
  type?: string;
  year?: string;
  status?: string;
  q?: string;
}

interface Loaded {
  items: Book[];
  next: string | null;
  done: boolean;
}

const PAGE = 100;

export function booksUrl(f: BookFilter, cursor: string | null): string {
  const p = new URLSearchParams({ limit: String(PAGE) });
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v.trim() !== '') p.set(k, v.trim());
  if (cursor) p.set('cursor', cursor);
  return `/api/books?${p.toString()}`;
}

export function useBookList(filter: BookFilter, onError: (message: string) => void) {
  const [loaded, setLoaded] = useState<Loaded>({ items: [], next: null, done: false });
  const busy = useRef(false);
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    (cursor: string | null, reset: boolean) => {
      const gen = generation.current;
      busy.current = true;
      getJson<{ items: Book[]; nextCursor: string | null }>(booksUrl(filter, cursor))
        .then(
          (p) => {
            if (gen !== generation.current) return;
            setLoaded((l) => ({ items: reset ? p.items : [...l.items, ...p.items], next: p.nextCursor, done: p.nextCursor === null }));
          },
          (e: Error) => gen === generation.current && onError(e.message),
        )
        .finally(() => {
          if (gen === generation.current) busy.current = false;
        });
    },
    [key, onError],
  ); // filter is read through key: a new filter object with the same values changes nothing

  const reload = useCallback(() => {
    generation.current++;
    setLoaded({ items: [], next: null, done: false });
    fetchPage(null, true);
  }, [fetchPage]);
  useEffect(reload, [reload]);

  /** Called with the rows in view: fetches the next page when they come near the end of what is loaded. */
  const onRange = useCallback(
    (_first: number, last: number) => {
      if (busy.current || loaded.done || loaded.next === null || last < loaded.items.length - 20) return;
      fetchPage(loaded.next, false);
    },
    [loaded, fetchPage],
  );

  return { items: loaded.items, done: loaded.done, onRange, reload };
}
