/**
 * The OCR stage of the page pipeline, as a background job ('ocr.book'): every
 * page of a book is read (two at a time: the machine has few cores and the
 * engine is single-threaded per page), its rows normalized (values.ts, place
 * names through units/) and stored per field. Pages an officer marked
 * handwritten, or that look handwritten, are skipped with the reason.
 * Pre-fill: the machine's values for the registration a keyer opens, each
 * marked `prefill` when it is certain and its confidence reaches its kind's
 * threshold (thresholds.ts); the slot of the table is found by số, else by
 * the registration's rank among the page's registrations. Re-setting the
 * thresholds reads every completed registration: the 'ocr.thresholds' job.
 */
import { getBook, listPages } from '../archive/index.js';
import { actorIdOf, assertPermission, bookInScope, contextOfUser, systemActor, type ActorContext } from '../auth/index.js';
import { enqueueJob, type AppContext, type Handler } from '../core/index.js';
import { assertCanRead, findRecord, recordNotFound } from '../entry/index.js';
import { sql } from '../store/index.js';
import { getUnitIndex } from '../units/index.js';
import type { OcrEngine } from './engine.js';
import * as repo from './ocr.repo.js';
import { unitPlaceCheck } from './place-check.js';
import { readPage, SKIP_REASONS, type PageBox, type SkipReason } from './read-page.js';
import { tesseractEngine } from './tesseract.js';
import { calibrate, DEFAULT_THRESHOLD, type KindThreshold, type Sample } from './thresholds.js';
import { FIELD_KINDS, normalizeRow, UNCERTAIN_LABELS, type FieldKind, type PlaceCheck, type UncertainReason } from './values.js';

export const OCR_BOOK_JOB = 'ocr.book';

export interface OcrBookJob {
  bookId: string;
  /** Only these pages (default: every page of the book). */
  pageIds?: string[];
  actorId: string | null;
}

export interface OcrBookResult {
  pages: number;
  read: number;
  skipped: { pageId: string; seq: number; reason: SkipReason; message: string }[];
  fields: number;
}

export async function startBookOcr(ctx: ActorContext, bookId: string, pageIds?: string[]): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'scans.upload');
  await getBook(ctx, bookId);
  const payload: OcrBookJob = { bookId, ...(pageIds ? { pageIds } : {}), actorId: actorIdOf(ctx.actor) };
  return { jobId: await enqueueJob<{ [OCR_BOOK_JOB]: OcrBookJob }, typeof OCR_BOOK_JOB>(ctx, OCR_BOOK_JOB, payload) };
}

/** The officer's mark: this page is handwritten (never read by the printed-text engine), or not. */
export async function markHandwritten(ctx: ActorContext, bookId: string, pageId: string, handwritten: boolean): Promise<void> {
  assertPermission(ctx.actor, 'books.write');
  const pages = await listPages(ctx, bookId);
  if (!pages.some((p) => p.id === pageId)) throw recordNotFoundPage(pageId);
  await repo.setHandwrittenMark(ctx.store.db, bookId, pageId, handwritten);
}

const recordNotFoundPage = (pageId: string) => recordNotFound(pageId);

/** One page of a book as the OCR stage sees it: not read yet, read, or skipped (with the reason), and the officer's mark. */
export interface OcrPageStatus {
  pageId: string;
  seq: number;
  status: 'pending' | 'read' | 'skipped';
  reason: SkipReason | null;
  message: string;
  handwritten: boolean;
  meanConfidence: number | null;
}

/** The OCR state of every page of a book (books.read on the book). */
export async function bookOcrPages(ctx: ActorContext, bookId: string): Promise<OcrPageStatus[]> {
  assertPermission(ctx.actor, 'books.read');
  const pages = await listPages(ctx, bookId);
  const byPage = new Map((await repo.pagesOfBook(ctx.store.db, bookId)).map((r) => [r.page_id, r]));
  return pages.map((p) => {
    const o = byPage.get(p.id);
    const reason = o?.status === 'skipped' && o.reason in SKIP_REASONS ? (o.reason as SkipReason) : null;
    return {
      pageId: p.id,
      seq: p.seq,
      status: (o?.status ?? 'pending') as OcrPageStatus['status'],
      reason,
      message: reason ? SKIP_REASONS[reason] : o?.status === 'read' ? 'Máy đã đọc trang này.' : 'Máy chưa đọc trang này.',
      handwritten: o?.handwritten_mark ?? false,
      meanConfidence: o?.mean_confidence ?? null,
    };
  });
}

async function placeCheck(ctx: AppContext, year: number): Promise<PlaceCheck> {
  return unitPlaceCheck(await getUnitIndex(ctx), year);
}

/** Reads the book's pages and stores what was read; `engine` defaults to Tesseract with the Vietnamese model. */
export async function ocrBook(ctx: ActorContext, job: Omit<OcrBookJob, 'actorId'>, opts: { engine?: OcrEngine; concurrency?: number; progress?: (p: unknown) => void } = {}): Promise<OcrBookResult> {
  assertPermission(ctx.actor, 'scans.upload');
  const book = await getBook(ctx, job.bookId);
  const pages = (await listPages(ctx, job.bookId)).filter((p) => p.sha256 && (!job.pageIds || job.pageIds.includes(p.id)));
  const engine = opts.engine ?? tesseractEngine();
  const ready = await engine.available();
  const marks = await repo.pageMarks(
    ctx.store.db,
    pages.map((p) => p.id),
  );
  const place = await placeCheck(ctx, book.year_from);
  const result: OcrBookResult = { pages: pages.length, read: 0, skipped: [], fields: 0 };
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++]!;
      const outcome: repo.PageOutcome = await (async () => {
        if (!ready.ok) return { status: 'skipped', reason: 'engine_unavailable' };
        const scan = await ctx.blobs.get(page.sha256!);
        const r = await readPage(engine, book.register_type, scan, { handwritten: marks.get(page.id) === true });
        if (r.status === 'skipped') return { status: 'skipped', reason: r.reason };
        const fields = r.rows.flatMap((row) => normalizeRow(book.register_type, row.fields, place).map((v) => ({ ...v, pageId: page.id, row: row.row, box: row.fields[v.field]!.box })));
        return { status: 'read', skew: r.skew, meanConfidence: r.meanConfidence, fields };
      })();
      await ctx.store.db.transaction().execute((tx) => repo.storePageOutcome(tx, book.id, page.id, engine.id, ctx.clock(), outcome));
      if (outcome.status === 'read') {
        result.read++;
        result.fields += outcome.fields.length;
      } else result.skipped.push({ pageId: page.id, seq: page.seq, reason: outcome.reason, message: SKIP_REASONS[outcome.reason] });
      opts.progress?.({ pages: pages.length, done: result.read + result.skipped.length, read: result.read, skipped: result.skipped.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  return result;
}

export const runOcrJob: Handler<OcrBookJob, OcrBookResult> = async (ctx, p, job) =>
  ocrBook(await contextOfUser(ctx, p.actorId, 'job:ocr'), { bookId: p.bookId, ...(p.pageIds ? { pageIds: p.pageIds } : {}) }, { progress: (r) => job.progress(r) });

/** One machine-read field offered to the keyer. */
export interface PrefillField {
  value: string;
  rawText: string;
  kind: FieldKind;
  confidence: number;
  threshold: number;
  /** Certain and at or above its kind's threshold: put into the form, marked machine-read. */
  prefill: boolean;
  uncertain: { code: UncertainReason; message: string }[];
  box: PageBox & { pageId: string };
}

export interface Prefill {
  recordId: string;
  pageId: string | null;
  row: number | null;
  fields: Record<string, PrefillField>;
}

export async function currentThresholds(ctx: AppContext): Promise<Record<FieldKind, number>> {
  const rows = await repo.loadThresholds(ctx.store.db);
  const out = Object.fromEntries(FIELD_KINDS.map((k) => [k, DEFAULT_THRESHOLD])) as Record<FieldKind, number>;
  for (const r of rows) out[r.kind as FieldKind] = r.threshold;
  return out;
}

/**
 * The machine's reading of a registration's slot, for the keying screen (records.read on the record).
 * A keying pass of double keying gets nothing: its keyer keys independently, and the machine takes part
 * as a pass of its own (src/qc machine pass), never through what a person sees.
 */
export async function prefillFor(ctx: ActorContext, recordId: string): Promise<Prefill> {
  assertPermission(ctx.actor, 'records.read');
  const row = await findRecord(ctx.store.db, ctx.actor, recordId);
  if (!row) throw recordNotFound(recordId);
  await assertCanRead(ctx.store.db, ctx.actor, row);
  if (row.keying_of !== null) return { recordId, pageId: null, row: null, fields: {} };
  return { recordId, ...(await readingOf(ctx, row, row.id)) };
}

async function readingOf(ctx: AppContext, row: SlotRecord, registration: string): Promise<Omit<Prefill, 'recordId'>> {
  const empty = { pageId: null, row: null, fields: {} };
  const fields = await repo.fieldsOfPages(ctx.store.db, row.page_ids);
  if (fields.length === 0) return empty;
  const slot = await slotOf(ctx, row, registration, fields);
  if (!slot) return empty;
  const thresholds = await currentThresholds(ctx);
  const mine = fields.filter((f) => f.pageId === slot.pageId && f.row === slot.row);
  return {
    ...slot,
    fields: Object.fromEntries(
      mine.map((f) => [
        f.field,
        {
          value: f.value,
          rawText: f.text,
          kind: f.kind,
          confidence: f.confidence,
          threshold: thresholds[f.kind],
          prefill: f.uncertain.length === 0 && f.confidence >= thresholds[f.kind],
          uncertain: f.uncertain.map((code) => ({ code, message: UNCERTAIN_LABELS[code] })),
          box: { ...f.box, pageId: f.pageId },
        },
      ]),
    ),
  };
}

/**
 * The values the machine is sure of for a registration (certain, and at or above their kind's threshold;
 * non-empty), for QC's machine pass. No access check and no actor: only QC's comparison, acting as the
 * system, uses them; `so` is the registration's number as a person keyed it, when known (finds the slot).
 */
export async function confidentValues(ctx: AppContext, registration: SlotRecord & { id: string }, so?: string): Promise<Record<string, string>> {
  const reading = await readingOf(ctx, { ...registration, values: so ? { ...registration.values, so } : registration.values }, registration.id);
  return Object.fromEntries(Object.entries(reading.fields).flatMap(([k, f]) => (f.prefill && f.value.trim() !== '' ? [[k, f.value]] : [])));
}

interface SlotRecord {
  page_ids: string[];
  values: Record<string, string>;
  book_id: string;
}

/** The table slot of a registration: the row whose số reads as the registration's, else its rank among the page's registrations. */
async function slotOf(ctx: AppContext, row: SlotRecord, registration: string, fields: readonly repo.StoredField[]): Promise<{ pageId: string; row: number } | undefined> {
  const so = row.values.so?.trim();
  if (so) {
    const hit = fields.find((f) => f.field === 'so' && f.value === so);
    if (hit) return { pageId: hit.pageId, row: hit.row };
  }
  const pageId = row.page_ids[0];
  if (!pageId) return undefined;
  const onPage = await ctx.store.db
    .selectFrom('records')
    .select(['id'])
    .where('book_id', '=', row.book_id)
    .where('keying_of', 'is', null)
    .where(sql<string>`page_ids->>0`, '=', pageId)
    .orderBy('so_sort')
    .orderBy('created_at')
    .execute();
  const rank = onPage.findIndex((r) => r.id === registration);
  const rows = [...new Set(fields.filter((f) => f.pageId === pageId).map((f) => f.row))].sort((a, b) => a - b);
  return rank >= 0 && rank < rows.length ? { pageId, row: rows[rank]! } : undefined;
}

/** Machine values compared with the accepted values of the completed registrations the actor sees, per field kind. */
export async function machineSamples(ctx: ActorContext, bookId?: string, progress?: (p: { records: number; done: number }) => void): Promise<Sample[]> {
  let q = ctx.store.db
    .selectFrom('records')
    .select(['id', 'values', 'page_ids', 'book_id'])
    .where('keying_of', 'is', null)
    .where('status', '=', 'completed')
    .where(bookInScope(ctx.actor, 'records.book_id'));
  if (bookId) q = q.where('book_id', '=', bookId);
  const records = await q.execute();
  const samples: Sample[] = [];
  progress?.({ records: records.length, done: 0 });
  for (const [i, r] of records.entries()) {
    samples.push(...(await samplesOfRecord(ctx, r)));
    progress?.({ records: records.length, done: i + 1 });
  }
  return samples;
}

/** The machine's values of a registration's slot (found by its số) compared with its accepted values. */
async function samplesOfRecord(ctx: AppContext, r: { values: Record<string, string>; page_ids: string[] }): Promise<Sample[]> {
  const fields = await repo.fieldsOfPages(ctx.store.db, r.page_ids);
  const so = r.values.so?.trim();
  const slot = so ? fields.find((f) => f.field === 'so' && f.value === so) : undefined;
  if (!slot) return [];
  return fields
    .filter((x) => x.pageId === slot.pageId && x.row === slot.row && r.values[x.field] !== undefined)
    .map((f) => ({ kind: f.kind, confidence: f.uncertain.length > 0 ? 0 : f.confidence, correct: r.values[f.field]!.trim() === f.value.trim() }));
}

export const OCR_THRESHOLDS_JOB = 'ocr.thresholds';

export interface OcrThresholdsJob {
  actorId: string | null;
}

/** Queues the re-setting of the thresholds from measured accuracy (qc.plan): it reads every completed registration. */
export async function startRecalibration(ctx: ActorContext): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'qc.plan');
  const payload: OcrThresholdsJob = { actorId: actorIdOf(ctx.actor) };
  return { jobId: await enqueueJob<{ [OCR_THRESHOLDS_JOB]: OcrThresholdsJob }, typeof OCR_THRESHOLDS_JOB>(ctx, OCR_THRESHOLDS_JOB, payload) };
}

export const runThresholdsJob: Handler<OcrThresholdsJob, { kinds: KindThreshold[] }> = async (ctx, p, job) => ({
  kinds: await recalibrateThresholds(await contextOfUser(ctx, p.actorId, 'job:ocr-thresholds'), (r) => job.progress(r)),
});

/** Measures machine accuracy per kind and stores the thresholds it implies (qc.plan); progress in registrations read. */
export async function recalibrateThresholds(ctx: ActorContext, progress?: (p: { records: number; done: number }) => void): Promise<KindThreshold[]> {
  assertPermission(ctx.actor, 'qc.plan');
  // Thresholds are the app's: measured on every completed registration, whatever the caller's scope (only rates come back).
  const result = calibrate(await machineSamples({ ...ctx, actor: systemActor('ocr:thresholds') }, undefined, progress));
  for (const t of result) if (t.samples > 0) await repo.saveThreshold(ctx.store.db, t.kind, t.threshold, t.samples, t.accuracy, ctx.clock());
  return result;
}
