/**
 * Writing an import's rows in short transactions, all or nothing all the
 * same. Every write appends to the one audit chain under its lock (0012)
 * until commit, and PGlite is one session: one long transaction would make
 * every keyer's save wait for the whole import. So:
 * 1. openTargets (one short transaction): the books the rows go into are
 *    made HIDDEN (books.import_pending = the import's id, 0024): a book the
 *    import creates is created hidden; rows for an existing book go into a
 *    hidden staging copy of it (import_target), the records' own history
 *    (their created action) naming the existing book from the start.
 * 2. writeBatches: the rows, a batch per transaction written in a few
 *    statements (entry writePlannedImports), each batch sized from the last
 *    one's pace to last about BATCH_MS (BATCH_ROWS at most), then the event
 *    loop and the other users get their turn (PGlite's session is a FIFO).
 *    A batch's rows are validated and folded before its transaction,
 *    PLAN_SLICE rows between two turns of the event loop: a 500-row batch
 *    planned at once held the web process for a second.
 * 3. finishTargets, inside the import's last transaction (with the imports
 *    row): staging copies' records move into their books (with findings and
 *    person-index rows) and the copies go; created books are shown.
 * Nothing is visible before 3 commits. A crash or a taken-over job: the next
 * attempt has the same import id (job payload), finds its pending books
 * (listPendingBooks) and goes on — rows already written replay as nothing
 * (their client transaction ids derive from the import id and the row). An
 * import abandoned for good leaves its books hidden; their records and audit
 * rows stay, as the append-only history requires (records cannot be deleted
 * once they have actions).
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { bookView, type BookView } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { planImports, writePlannedImports, type ImportRecordInput, type PlannedImport } from '../entry/index.js';
import type { RegisterTemplate } from '../registers/index.js';
import type { Book, Database } from '../store/index.js';
import { createGroupBook, groupRows, type BookGroup } from './import-books.js';
import { keysOf, registrationKey } from './import-dedupe.js';
import type { RowOutcome } from './import-rows.js';
import { insertStagingCopy, listPendingBooks, markPending, moveStaged, unhide } from './import-pending.repo.js';
import { listBookValues } from './imports.repo.js';

/**
 * A batch's transaction lasts about this long (its size follows the last batch's pace), and holds BATCH_ROWS
 * rows at most. On PGlite (one session: every other user waits while a batch runs) 40 ms; on PostgreSQL a batch
 * holds only the lock of its own hidden book's chain and nobody else waits for it, but a target of 40 ms shrinks
 * batches to a row or two of round trips under load: 250 ms. BATCH_ROWS bounds the statements' size (building a
 * 500-row batch's statements held the event loop long enough to slow saves).
 */
export const BATCH_MS = { pglite: 40, postgresql: 250 } as const;
export const BATCH_ROWS = 200;

export interface BatchImport {
  importId: string;
  template: RegisterTemplate;
  sha256: string;
  fileName: string;
  sheet: string;
  outcomes: readonly RowOutcome[];
  /** The book chosen by the importer, if any (all rows go there). */
  book: Book | undefined;
  /** Rows per batch at most (default BATCH_ROWS; tests make it small). */
  batchRows?: number | undefined;
  /** Checked before every batch: once it fires, nothing more is written. */
  signal?: AbortSignal | undefined;
}

/** Where a group of rows goes: `intoId` (hidden: a new book, or a staging copy of `final`) until the end. */
export interface Target {
  intoId: string;
  final: BookView;
  staged: boolean;
  rows: readonly RowOutcome[];
}

const sameGroup = (b: Book, g: BookGroup, template: RegisterTemplate) => b.register_type === template.registerType && b.year_from === g.year && b.volume_no === g.quyenSo.slice(0, 50);

async function stagedTarget(tx: Transaction<Database>, imp: BatchImport, existing: Book | undefined, final: Book, rows: readonly RowOutcome[]): Promise<Target> {
  const copy = existing ?? (await insertStagingCopy(tx, final, imp.importId));
  return { intoId: copy.id, final: bookView(final), staged: true, rows };
}

/** The group's target: this import's pending book of that identity (an earlier attempt), or a new hidden book, or a staging copy of the existing one. */
async function groupTarget(txCtx: ActorContext, tx: Transaction<Database>, imp: BatchImport, pending: readonly Book[], g: BookGroup): Promise<Target> {
  const mine = pending.find((b) => sameGroup(b, g, imp.template));
  if (mine?.import_target) {
    const final = await tx.selectFrom('books').selectAll().where('id', '=', mine.import_target).executeTakeFirstOrThrow();
    return stagedTarget(tx, imp, mine, final, g.rows);
  }
  if (mine) return { intoId: mine.id, final: bookView(mine), staged: false, rows: g.rows };
  const { book, created } = await createGroupBook(txCtx, imp.template, g);
  if (created) {
    await markPending(tx, book.id, imp.importId);
    return { intoId: book.id, final: book, staged: false, rows: g.rows };
  }
  const final = await tx.selectFrom('books').selectAll().where('id', '=', book.id).executeTakeFirstOrThrow();
  return stagedTarget(tx, imp, undefined, final, g.rows);
}

/** Step 1, one short transaction: the hidden books the rows will be written into. */
export async function openTargets(ctx: ActorContext, imp: BatchImport): Promise<Target[]> {
  return ctx.store.db.transaction().execute(async (tx) => {
    const txCtx: ActorContext = { ...ctx, store: { ...ctx.store, db: tx } };
    const pending = await listPendingBooks(tx, imp.importId);
    if (imp.book) {
      const mine = pending.find((b) => b.import_target === imp.book!.id);
      return [await stagedTarget(tx, imp, mine, imp.book, imp.outcomes)];
    }
    const targets: Target[] = [];
    for (const g of groupRows(imp.outcomes)) targets.push(await groupTarget(txCtx, tx, imp, pending, g));
    return targets;
  });
}

export interface Written {
  /** Rows that are records of this import (written now, or by an earlier attempt of it). */
  written: number;
  /** Rows skipped as registrations the (existing) book already held. */
  skipped: number[];
  /** Rows that went into each target (not skipped). */
  counts: number[];
}

const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows validated and folded between two turns of the event loop (the job runs in the web process too). */
const PLAN_SLICE = 16;

/** The batch's records planned (validation, fold: CPU only) a slice at a time, so that other requests are served meanwhile. */
async function planInSlices(inputs: readonly ImportRecordInput[]): Promise<PlannedImport[]> {
  const now = new Date();
  const out: PlannedImport[] = [];
  for (let i = 0; i < inputs.length; i += PLAN_SLICE) {
    out.push(...planImports(inputs.slice(i, i + PLAN_SLICE), now));
    await yieldLoop();
  }
  return out;
}

/** The rows of the next batch: sized so that its transaction lasts about BATCH_MS, from the last batch's pace. */
export function nextBatchSize(last: number, lastMs: number, targetMs: number, max: number): number {
  if (lastMs <= 0) return Math.min(max, last * 2);
  return Math.max(1, Math.min(max, Math.round((last * targetMs) / lastMs)));
}

/**
 * Step 2: every row of every target, in batches (entry writePlannedImports: a few statements a batch). `onRows(done)`
 * is called after each batch (progress; it may throw to stop: what is written stays hidden, for the next attempt
 * or for good).
 */
export async function writeBatches(ctx: ActorContext, imp: BatchImport, targets: readonly Target[], onRows: (done: number) => void): Promise<Written> {
  const sheetTag = createHash('sha256').update(imp.sheet).digest('hex').slice(0, 8);
  const out: Written = { written: 0, skipped: [], counts: [] };
  const maxRows = imp.batchRows ?? BATCH_ROWS;
  let size = Math.min(maxRows, 8);
  let before = 0;
  for (const t of targets) {
    // Only an existing book can already hold these registrations; a new book holds only this import's rows.
    const already = t.staged ? keysOf(imp.template, await listBookValues(ctx.store.db, t.final.id)) : new Set<string>();
    let skippedHere = 0;
    for (let i = 0; i < t.rows.length;) {
      imp.signal?.throwIfAborted();
      const batch = t.rows.slice(i, i + size);
      const inputs: ImportRecordInput[] = [];
      for (const o of batch) {
        const key = registrationKey(imp.template, o.values);
        if (key !== undefined && already.has(key)) {
          out.skipped.push(o.rowNo);
          skippedHere++;
          continue;
        }
        inputs.push({
          bookId: t.final.id,
          projectInto: t.staged ? t.intoId : undefined,
          registerType: imp.template.registerType,
          templateId: imp.template.id,
          values: o.values,
          acknowledge: o.findings.filter((f) => f.severity === 'WARNING').map((f) => `${f.path}:${f.code}`),
          source: { kind: 'import', importId: imp.importId, file: imp.fileName, sheet: imp.sheet, row: o.rowNo, sha256: imp.sha256 },
          clientTxId: `imp-${imp.importId}-${sheetTag}-${o.rowNo}`,
          actor: ctx.actor,
          today: ctx.clock(),
        });
      }
      const planned = await planInSlices(inputs);
      const started = performance.now();
      // A replayed row (written by an earlier attempt of this import) is one of its records all the same.
      await ctx.store.db.transaction().execute((tx) => writePlannedImports(tx, planned));
      out.written += inputs.length;
      i += batch.length;
      size = nextBatchSize(batch.length, performance.now() - started, BATCH_MS[ctx.store.backend], maxRows);
      onRows(before + i);
      await yieldLoop();
    }
    out.counts.push(t.rows.length - skippedHere);
    before += t.rows.length;
  }
  return out;
}

/** Step 3, inside the import's last transaction: everything written becomes visible at once. */
export async function finishTargets(tx: Transaction<Database>, targets: readonly Target[]): Promise<void> {
  for (const t of targets) {
    if (t.staged) await moveStaged(tx, t.intoId, t.final.id);
    else await unhide(tx, t.intoId);
  }
}
