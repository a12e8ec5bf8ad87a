/**
 * Importing registrations from a file (xlsx in the MoJ templates, CSV):
 * sniff → read the table (bombs, encryption, formulas, merges, empty rows
 * handled by the readers) → match the header to a template → check every row
 * against the catalog → ALL OR NOTHING: when any row has an ERROR nothing is
 * written but the imports row (status failed) and its error report xlsx
 * (blob); otherwise the books (when none was chosen) and one completed record
 * per row (entry importRecord: created with its source, keyed, WARNINGs
 * acknowledged by the importing user, completed) are written in short
 * batches into HIDDEN books and shown, with the imports row, by one last
 * transaction (import-batches.ts), so keyers' saves interleave with a big
 * import and nothing is seen of an unfinished one. The same content is imported once: a second time is a
 * Conflict naming where and when it went ("Tệp này đã được nhập vào quyển …").
 * With fixEncoding, text in a legacy font or with look-alike letters is
 * converted (the report lists each conversion) instead of refusing the row.
 * Reading and checking (import-check.ts) run in a worker thread for big files
 * (import-off-thread.ts); hooks.progress follows rows read, checked, written.
 */
import { createHash, randomUUID } from 'node:crypto';
import { bookView, getBook } from '../archive/index.js';
import { actorIdOf, assertPermission, isBookVisible, logRead, type ActorContext } from '../auth/index.js';
import { Conflict, NotFound } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import { isUniqueViolation, type Book, type ImportRow } from '../store/index.js';
import { finishTargets, openTargets, writeBatches } from './import-batches.js';
import type { TableMeta } from './import-check.js';
import { checkImportFile } from './import-off-thread.js';
import { hasErrors, type ColumnPlan, type RowOutcome } from './import-rows.js';
import { importView, rowReports, type ImportReportJson, type ImportView } from './import-view.js';
import { skippedNote } from './import-dedupe.js';
import { findImport, findImportedBySha, insertImport } from './imports.repo.js';

export interface ImportFileInput {
  fileName: string;
  bytes: Buffer;
  bookId?: string | undefined;
  /** Apply the legacy-font / look-alike conversions a failed import's report offered (each noted as a WARNING). */
  fixEncoding?: boolean | undefined;
}

/** How far an import got: rows read from the file, checked against the catalog, written as records. */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  rowsTotal: number;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
}

/** What the caller (job, CLI) follows the import with: progress reports, and a signal to stop (nothing is written then). */
export interface ImportHooks {
  progress?: (p: ImportProgress) => void;
  signal?: AbortSignal | undefined;
  /** Read and check in a worker thread (default: for files of OFF_THREAD_BYTES or more). */
  thread?: boolean | undefined;
  /**
   * The import's id, the same for every attempt of one job: a later attempt finds the hidden books an
   * interrupted one left (import-batches.ts) and goes on. Default: a new id.
   */
  importId?: string | undefined;
  /** Rows per write batch at most (import-batches.ts BATCH_ROWS; tests make it small). */
  batchRows?: number | undefined;
}

export interface ImportOutcome {
  view: ImportView;
  /** The error report xlsx, for a failed import. */
  errorReport?: Buffer;
}

interface Prepared {
  sha256: string;
  fileName: string;
  table: TableMeta;
  plan: Pick<ColumnPlan, 'template'>;
  book: Book | undefined;
  outcomes: RowOutcome[];
  notes: string[];
  /** Built with the check when a row has an ERROR. */
  errorReport?: Buffer;
}

const when = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

export async function refuseIfImported(ctx: ActorContext, sha256: string): Promise<void> {
  const [done] = await findImportedBySha(ctx.store.db, sha256);
  if (!done) return;
  const report = done.report as unknown as ImportReportJson;
  // Name the book only when the actor may see it.
  const visible = done.book_id ? await isBookVisible(ctx.store.db, ctx.actor, done.book_id) : (report.books ?? []).length > 0;
  const named = report.books?.map((b) => b.title).join(', ') || (done.book_id && visible ? bookView(await getBook(ctx, done.book_id)).title : '');
  const where = visible ? named : '(một quyển sổ ngoài phạm vi của bạn)';
  throw new Conflict('import.already_imported', `Tệp này đã được nhập vào quyển ${where} lúc ${when(done.created_at)} (${done.rows_imported} bản ghi, lần nhập ${done.id}); không nhập lại.`, {
    importId: done.id,
  });
}

type Tell = (p: Partial<ImportProgress>) => void;

function progressTeller(hooks: ImportHooks): Tell {
  const state: ImportProgress = { phase: 'reading', rowsTotal: 0, rowsRead: 0, rowsChecked: 0, rowsWritten: 0 };
  return (p) => {
    Object.assign(state, p);
    if (state.phase !== 'done') hooks.signal?.throwIfAborted();
    hooks.progress?.({ ...state });
  };
}

/** The file read and checked off the event loop (import-off-thread.ts); the book and the replay check stay here (database). */
async function prepare(ctx: ActorContext, input: ImportFileInput, tell: Tell, hooks: ImportHooks): Promise<Prepared> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  tell({ phase: 'reading' });
  const book = input.bookId ? await getBook(ctx, input.bookId) : undefined;
  await refuseIfImported(ctx, sha256);
  const checkInput = { fileName: input.fileName, bytes: input.bytes, bookTemplateId: book?.template_version, fixEncoding: input.fixEncoding === true, today: ctx.clock().getTime() };
  const checked = await checkImportFile(checkInput, (p) => tell(p.rowsChecked === undefined ? p : { phase: 'checking', ...p }), { signal: hooks.signal, thread: hooks.thread });
  const { table, notes, outcomes, errorReport } = checked;
  return { sha256, fileName: input.fileName, table, plan: { template: getTemplate(checked.templateId) }, book, outcomes, notes, ...(errorReport ? { errorReport: Buffer.from(errorReport) } : {}) };
}

const warningCount = (outcomes: readonly RowOutcome[]) => outcomes.reduce((n, o) => n + o.findings.filter((f) => f.severity === 'WARNING').length, 0);

function reportJson(p: Prepared, books: ImportReportJson['books'], errorReport?: string): ImportReportJson {
  return {
    kind: p.table.kind,
    headerRow: p.table.headerRowNo,
    emptyRows: p.table.emptyRows,
    rowsWithErrors: p.outcomes.filter(hasErrors).length,
    notes: p.notes,
    books,
    rows: rowReports(p.outcomes),
    ...(errorReport ? { errorReport } : {}),
  };
}

function importRowOf(p: Prepared, id: string, actorId: string | null | undefined, bookId: string | null, rowsImported: number | 'failed', report: ImportReportJson) {
  return {
    id,
    book_id: bookId,
    file_name: p.fileName,
    sha256: p.sha256,
    sheet: p.table.sheet,
    template_id: p.plan.template.id,
    rows_total: p.outcomes.length,
    rows_imported: rowsImported === 'failed' ? 0 : rowsImported,
    warnings: warningCount(p.outcomes),
    status: rowsImported === 'failed' ? 'failed' : 'imported',
    report: JSON.stringify(report),
    imported_by: actorId ?? null,
  };
}

async function recordFailure(ctx: ActorContext, p: Prepared): Promise<ImportOutcome> {
  const actorId = actorIdOf(ctx.actor);
  const errorReport = p.errorReport!;
  const { sha256 } = await ctx.blobs.put(errorReport);
  const row = await insertImport(ctx.store.db, importRowOf(p, randomUUID(), actorId, p.book?.id ?? null, 'failed', reportJson(p, [], sha256)));
  return { view: importView(row), errorReport };
}

async function commit(ctx: ActorContext, p: Prepared, tell: Tell, importId: string, hooks: ImportHooks): Promise<ImportRow> {
  const actorId = actorIdOf(ctx.actor);
  const imp = {
    importId,
    batchRows: hooks.batchRows,
    signal: hooks.signal,
    template: p.plan.template,
    sha256: p.sha256,
    fileName: p.fileName,
    sheet: p.table.sheet,
    outcomes: p.outcomes,
    book: p.book,
  };
  const targets = await openTargets(ctx, imp);
  const w = await writeBatches(ctx, imp, targets, (done) => tell({ rowsWritten: done }));
  const books = targets.map((t, i) => ({ id: t.final.id, title: `${t.final.title} (${t.final.authority}, ${t.final.yearFrom})`, records: w.counts[i]! }));
  const reported = w.skipped.length > 0 ? { ...p, notes: [...p.notes, skippedNote(w.skipped)] } : p;
  const bookId = targets.length === 1 ? targets[0]!.final.id : null;
  return ctx.store.db.transaction().execute(async (tx) => {
    await finishTargets(tx, targets);
    return insertImport(tx, importRowOf(p, importId, actorId, bookId, w.written, reportJson(reported, books)));
  });
}

/**
 * Imports a file; a failed import (row ERRORs) returns its report and writes no record. File-level problems throw.
 * hooks.progress follows it; when hooks.signal fires the import stops (throws) and nothing it wrote is shown
 * (a later call with the same hooks.importId goes on from there).
 */
export async function importFile(ctx: ActorContext, input: ImportFileInput, hooks: ImportHooks = {}): Promise<ImportOutcome> {
  assertPermission(ctx.actor, 'imports.run');
  const tell = progressTeller(hooks);
  const p = await prepare(ctx, input, tell, hooks);
  if (p.outcomes.some(hasErrors)) {
    const failed = await recordFailure(ctx, p);
    tell({ phase: 'done' });
    return failed;
  }
  try {
    tell({ phase: 'writing' });
    const view = importView(await commit(ctx, p, tell, hooks.importId ?? randomUUID(), hooks));
    tell({ phase: 'done', rowsWritten: p.outcomes.length });
    return { view };
  } catch (e) {
    if (isUniqueViolation(e)) await refuseIfImported(ctx, p.sha256);
    throw e;
  }
}

export async function getImport(ctx: ActorContext, id: string): Promise<ImportView> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findImport(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('import.not_found', `Không tìm thấy lần nhập ${id}.`);
  return importView(row);
}

/** The error report xlsx of a failed import and a file name for it. */
export async function getImportErrorReport(ctx: ActorContext, id: string): Promise<{ name: string; bytes: Buffer }> {
  const view = await getImport(ctx, id);
  if (!view.report.errorReport) throw new NotFound('import.no_error_report', 'Lần nhập này không có báo cáo lỗi (tệp đã được nhập thành công).');
  await logRead(ctx, { action: 'import.report', entityType: 'import', entityId: view.id, bookId: view.bookId });
  return { name: errorReportName(view.fileName), bytes: await ctx.blobs.get(view.report.errorReport) };
}

export const errorReportName = (fileName: string) => `${fileName.replace(/\.(xlsx|csv|txt)$/i, '')}.loi.xlsx`;
