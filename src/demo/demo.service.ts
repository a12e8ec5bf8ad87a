/**
 * runDemo: fills an EMPTY database with the demo province of a seed — each
 * book inventoried through the archive (its authority as written; resolved
 * when units are loaded), its pages rendered and ingested through the real
 * pipeline as JPEG files, and the chosen share of its registrations keyed
 * through a `keyRecord` callback (default: the entry service — create the
 * record on its pages, then save its values as a draft). Refuses a database that
 * already has books unless `force`. Prints nothing; returns a summary.
 */
import { createBook, type BookView } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { Conflict } from '../core/index.js';
import { ingestFiles, type IngestInput } from '../ingest/index.js';
import { createRecord, saveRecord } from '../entry/index.js';
import { countBooks } from './demo.repo.js';
import { seedDemoCampaign } from './demo-plan.js';
import { DEFAULT_DEMO_SEED, demoProvince, type DemoBook } from './demo-truth.js';
import { pageFileName, renderPageJpeg } from './page-image.js';

export interface DemoKeyInput {
  bookId: string;
  registerType: string;
  templateId: string;
  values: Readonly<Record<string, string>>;
  pageIds: string[];
  /** `demo-<book id>-<số>`: stable, so a replay through an idempotent service changes nothing. */
  clientTxId: string;
  seed: number;
}

export type KeyRecord = (ctx: ActorContext, input: DemoKeyInput) => Promise<unknown>;

/**
 * The default keyRecord: through the entry service, as a keyer would — the
 * record is created on its pages, then its values are saved (a draft), so
 * the demo's records are ordinary folded records.
 */
export const keyThroughEntry: KeyRecord = async (ctx, input) => {
  const created = await createRecord(ctx, { bookId: input.bookId, pageIds: [...input.pageIds], clientTxId: `${input.clientTxId}-create` });
  await saveRecord(ctx, { recordId: created.id, clientTxId: `${input.clientTxId}-key`, expectedVersion: created.version, values: { ...input.values } });
};

export interface DemoProgress {
  book: string;
  page: number;
  pages: number;
}

export interface RunDemoOptions {
  seed?: number;
  force?: boolean;
  keyRecord?: KeyRecord;
  onProgress?: (p: DemoProgress) => void;
  /** Keys of the books to create (DEMO_BOOKS), default all: tests and benchmarks may take a part. */
  only?: readonly string[];
}

export interface DemoBookSummary {
  id: string;
  /** The book's key in DEMO_BOOKS (its truth: demoProvince(seed).books.find(b => b.key === key)). */
  key: string;
  title: string;
  authority: string;
  /** The administrative unit the authority resolved to (null when units are not loaded or it is ambiguous). */
  authorityUnit: { id: string; path: string } | null;
  year: number;
  pages: number;
  flaggedPages: number;
  records: number;
  keyed: number;
}

export interface DemoSummary {
  seed: number;
  books: DemoBookSummary[];
  pages: number;
  records: number;
  keyed: number;
}

function inventory(ctx: ActorContext, book: DemoBook): Promise<BookView> {
  const records = book.pageList.reduce((n, p) => n + p.records.length, 0);
  return createBook(ctx, {
    registerType: book.registerType,
    authority: book.authority,
    yearFrom: book.year,
    volumeNo: book.quyenSo,
    openedOn: book.openedOn,
    closedOn: book.closedOn,
    pageCount: book.pages,
    declaredEventCount: records,
    custody: `Lưu trữ ${book.authority}`,
    notes: 'Sổ minh họa (dữ liệu tổng hợp, không phải người thật) do lệnh "hotich demo" tạo.',
  });
}

async function scan(ctx: ActorContext, seed: number, book: DemoBook, bookId: string, onProgress?: (p: DemoProgress) => void) {
  const files: IngestInput[] = book.pageList.map((page) => ({ name: pageFileName(book, page), load: () => renderPageJpeg(seed, book, page) }));
  const report = (done: number) => onProgress?.({ book: book.key, page: done, pages: files.length });
  const summary = await ingestFiles(ctx, bookId, files, (p) => (p.code === 'ingest.file_done' ? report(p.fileIndex + 1) : undefined));
  const problem = summary.rejected[0] ?? summary.duplicates[0];
  if (problem) throw new Error(`demo: trang minh họa không nhập được: ${problem.message}`);
  return summary.files.flatMap((f) => f.pages);
}

async function keyBook(ctx: ActorContext, seed: number, book: DemoBook, view: BookView, pageIds: ReadonlyMap<number, string>, keyRecord: KeyRecord): Promise<number> {
  const keyed = book.pageList.flatMap((p) => p.records).filter((r) => r.keyed);
  for (const r of keyed) {
    const pageId = pageIds.get(r.page);
    if (!pageId) throw new Error(`demo: no page ${r.page} in ${book.key}`);
    const input = { bookId: view.id, registerType: view.registerType, templateId: view.templateId, values: r.values, pageIds: [pageId], seed };
    await keyRecord(ctx, { ...input, clientTxId: `demo-${view.id}-${r.no}` });
  }
  return keyed.length;
}

export interface DemoBookOptions {
  keyRecord?: KeyRecord;
  onProgress?: (p: DemoProgress) => void;
  /** Runs once the book is inventoried and scanned, before its registrations are keyed (grants, the QC mode). */
  beforeKeying?: (view: BookView) => Promise<void>;
}

/** One book of the demo province: inventoried, scanned, its chosen registrations keyed. */
export async function demoBookInto(ctx: ActorContext, seed: number, book: DemoBook, opts: DemoBookOptions): Promise<DemoBookSummary> {
  const view = await inventory(ctx, book);
  const pages = await scan(ctx, seed, book, view.id, opts.onProgress);
  await opts.beforeKeying?.(view);
  const keyed = await keyBook(ctx, seed, book, view, new Map(pages.map((p) => [p.seq, p.id])), opts.keyRecord ?? keyThroughEntry);
  return {
    id: view.id,
    key: book.key,
    title: view.title,
    authority: view.authority,
    authorityUnit: view.authorityUnit,
    year: book.year,
    pages: pages.length,
    flaggedPages: pages.filter((p) => p.flags.length > 0).length,
    records: book.pageList.reduce((n, p) => n + p.records.length, 0),
    keyed,
  };
}

/** Refuses (Conflict demo.not_empty, Vietnamese) a database that already has books. */
export async function ensureEmpty(ctx: ActorContext): Promise<void> {
  const books = await countBooks(ctx.store.db);
  if (books > 0) {
    throw new Conflict('demo.not_empty', `Cơ sở dữ liệu đã có ${books} quyển sổ; dữ liệu minh họa chỉ được tạo trên cơ sở dữ liệu trống (thêm --force để vẫn tạo).`);
  }
}

export async function runDemo(ctx: ActorContext, opts: RunDemoOptions = {}): Promise<DemoSummary> {
  if (!opts.force) await ensureEmpty(ctx);
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const books: DemoBookSummary[] = [];
  const chosen = demoProvince(seed).books.filter((b) => !opts.only || opts.only.includes(b.key));
  for (const book of chosen) books.push(await demoBookInto(ctx, seed, book, opts));
  const sum = (k: 'pages' | 'records' | 'keyed') => books.reduce((n, b) => n + b[k], 0);
  if (!opts.only) await seedDemoCampaign(ctx);
  return { seed, books, pages: sum('pages'), records: sum('records'), keyed: sum('keyed') };
}

/** For a first start: the demo province when the database has no book yet; undefined (and nothing done) otherwise. */
export async function runDemoIfEmpty(ctx: ActorContext, opts: Omit<RunDemoOptions, 'force'> = {}): Promise<DemoSummary | undefined> {
  if ((await countBooks(ctx.store.db)) > 0) return undefined;
  return runDemo(ctx, opts);
}
