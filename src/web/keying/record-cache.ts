/**
 * What makes a record switch fast: the keying screen's data kept between
 * records of one book. The book, its pages and the form are fetched once per
 * book (for a minute); the book's registrations are held as a WINDOW of the
 * list around the record (GET /api/books/:id/records?around=…), refreshed in
 * the background when the keyer nears its edge; the records next to the one
 * open are fetched ahead (prefetch), so Alt+→ / Alt+← open a record from
 * memory. A record is taken out of the cache when it is opened (its screen
 * then owns it) and put back as last saved when the keyer leaves it.
 */
import { getJson } from '../shared/index.js';
import { api, loadForm, restrictForm, type BookInfo, type PageInfo, type RecordListItem, type RecordView, type Values } from './keying.api.js';
import type { KeyingData } from './useBookNavigation.js';

/** Registrations fetched per window, and how close to its edge a background refresh starts. */
const WINDOW = 200;
const MARGIN = 40;
/** Records fetched ahead after and before the one opened. */
const AHEAD = 3;
const BEHIND = 1;
const BOOK_TTL_MS = 60_000;
const RECORD_TTL_MS = 30_000;

export interface RecordWindow {
  offset: number;
  total: number;
  items: RecordListItem[];
}

interface BookEntry {
  at: number;
  book: Promise<BookInfo>;
  pages: Promise<PageInfo[]>;
  /** The same, once they have arrived. */
  bookValue?: BookInfo;
  pagesValue?: PageInfo[];
  window?: RecordWindow;
  refreshing?: boolean;
}

const books = new Map<string, BookEntry>();
/** Book memory: the values of each registration this browser has seen, by book (for the keying aids' carry-over and learning). */
const seenValues = new Map<string, Map<string, Values>>();
const records = new Map<string, { at: number; view: Promise<RecordView>; settled?: RecordView }>();
const forms = new Map<string, Awaited<ReturnType<typeof loadForm>>>();

const fresh = (at: number, ttl: number) => Date.now() - at < ttl;

function bookEntry(bookId: string): BookEntry {
  const cached = books.get(bookId);
  if (cached && fresh(cached.at, BOOK_TTL_MS)) return cached;
  const entry: BookEntry = { at: Date.now(), book: api.book(bookId), pages: api.pages(bookId), ...(cached?.window ? { window: cached.window } : {}) };
  entry.book.then(
    (b) => (entry.bookValue = b),
    () => books.delete(bookId),
  );
  entry.pages.then(
    (p) => (entry.pagesValue = p),
    () => books.delete(bookId),
  );
  books.set(bookId, entry);
  return entry;
}

const fetchWindow = (bookId: string, query: string) =>
  getJson<RecordWindow & { nextCursor: string | null }>(`/api/books/${bookId}/records?${query}&limit=${WINDOW}`).then(({ offset, total, items }) => ({ offset, total, items }));

function indexIn(w: RecordWindow | undefined, id: string): number {
  return w ? w.items.findIndex((r) => r.id === id) : -1;
}

/** The window around a registration: the cached one when it holds the record with a neighbour on each side (or the book's end), else fetched. */
async function windowFor(record: RecordView): Promise<RecordWindow> {
  const entry = bookEntry(record.bookId);
  if (record.keyingOf !== null) return entry.window ?? (entry.window = await fetchWindow(record.bookId, 'offset=0'));
  const w = entry.window;
  const i = indexIn(w, record.id);
  if (w && i >= 0 && (i > 0 || w.offset === 0) && (i < w.items.length - 1 || w.offset + w.items.length >= w.total)) return w;
  return (entry.window = await fetchWindow(record.bookId, `around=${record.id}`));
}

/** Notes a registration's values in the book memory (keying passes are never noted: they stay blind). */
function note(view: RecordView): RecordView {
  if (view.keyingOf !== null) return view;
  let book = seenValues.get(view.bookId);
  if (!book) seenValues.set(view.bookId, (book = new Map()));
  book.set(view.id, view.values);
  return view;
}

/** Starts fetching a record unless it is cached and fresh. */
function prefetchRecord(id: string): Promise<RecordView> {
  const c = records.get(id);
  if (c && fresh(c.at, RECORD_TTL_MS)) return c.view;
  const entry: { at: number; view: Promise<RecordView>; settled?: RecordView } = { at: Date.now(), view: api.record(id) };
  entry.view.then(
    (v) => (entry.settled = note(v)),
    () => records.delete(id),
  );
  records.set(id, entry);
  return entry.view;
}

/** The record from the cache (taken out: the screen opening it owns it now), else fetched. */
function takeRecord(id: string): Promise<RecordView> {
  const c = records.get(id);
  records.delete(id);
  return (c && fresh(c.at, RECORD_TTL_MS) ? c.view : api.record(id)).then(note);
}

/** The record as last saved, when the keyer leaves it (so coming back needs no fetch). */
export function rememberRecord(view: RecordView): void {
  records.set(view.id, { at: Date.now(), view: Promise.resolve(view), settled: note(view) });
}

/** Earlier registrations kept for the aids: at most this many before the record. */
export const MEMORY_RECORDS = 20;

/**
 * The values of the registrations before this one in the book (nearest
 * first) that this browser holds, and the ids of those it lacks (a keying
 * pass gets none: it keys blind).
 */
export function earlierValues(data: KeyingData): { values: Values[]; missing: string[] } {
  const i = data.records.findIndex((r) => r.id === data.record.id);
  if (data.record.keyingOf !== null || i <= 0) return { values: [], missing: [] };
  const book = seenValues.get(data.record.bookId);
  const values: Values[] = [];
  const missing: string[] = [];
  for (const r of data.records.slice(Math.max(0, i - MEMORY_RECORDS), i).reverse()) {
    const v = book?.get(r.id);
    if (v) values.push(v);
    else missing.push(r.id);
  }
  return { values, missing };
}

/** Fetches earlier registrations the memory lacks (through the record cache: a record is fetched once), two at a time. */
export async function fetchEarlier(ids: readonly string[]): Promise<void> {
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) await prefetchRecord(id).catch(() => undefined);
  };
  await Promise.all([worker(), worker()]);
}

async function formFor(record: RecordView) {
  const cached = forms.get(record.templateId);
  const form = cached ?? (await loadForm(record.templateId));
  forms.set(record.templateId, form);
  if (record.keyingPass !== 'B') return form;
  const fields = await api.passFields(record.id);
  return fields ? restrictForm(form, fields) : form;
}

/** Everything the keying screen needs for a record, from the cache where it can. */
export async function loadKeyingData(id: string): Promise<KeyingData> {
  const record = await takeRecord(id);
  const entry = bookEntry(record.bookId);
  const [form, book, pages, window] = await Promise.all([formFor(record), entry.book, entry.pages, windowFor(record)]);
  return { record, form, book, pages, records: window.items, offset: window.offset, total: window.total };
}

/**
 * Everything for a record already in memory (a prefetched record of a book
 * whose data is loaded, a registration inside the window): the screen then
 * opens in the same frame as the keypress. Undefined otherwise.
 */
export function peekKeyingData(id: string): KeyingData | undefined {
  const c = records.get(id);
  const record = c && fresh(c.at, RECORD_TTL_MS) ? c.settled : undefined;
  if (!record || record.keyingPass === 'B' || record.keyingOf !== null) return undefined;
  const entry = books.get(record.bookId);
  const form = forms.get(record.templateId);
  const w = entry?.window;
  const i = indexIn(w, record.id);
  if (!entry || !fresh(entry.at, BOOK_TTL_MS) || !entry.bookValue || !entry.pagesValue || !form || !w || i < 0) return undefined;
  if ((i === 0 && w.offset > 0) || (i === w.items.length - 1 && w.offset + w.items.length < w.total)) return undefined;
  records.delete(id);
  return { record, form, book: entry.bookValue, pages: entry.pagesValue, records: w.items, offset: w.offset, total: w.total };
}

/** After a record opens: fetch its neighbours ahead, and a new window in the background when the record nears the edge of this one. */
export function prefetchAround(data: KeyingData): void {
  const i = data.records.findIndex((r) => r.id === data.record.id);
  if (i < 0) return;
  for (let k = 1; k <= AHEAD; k++) if (data.records[i + k]) void prefetchRecord(data.records[i + k]!.id);
  for (let k = 1; k <= BEHIND; k++) if (data.records[i - k]) void prefetchRecord(data.records[i - k]!.id);
  const entry = books.get(data.record.bookId);
  const nearEdge = (i < MARGIN && data.offset > 0) || (i >= data.records.length - MARGIN && data.offset + data.records.length < data.total);
  if (!entry || entry.refreshing || !nearEdge) return;
  entry.refreshing = true;
  fetchWindow(data.record.bookId, `around=${data.record.id}`)
    .then(
      (w) => (entry.window = w),
      () => undefined,
    )
    .finally(() => (entry.refreshing = false));
}
