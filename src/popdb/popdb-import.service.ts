/**
 * Importing the file the population side returned, all or nothing: read
 * (popdb-read), every row checked (popdb-rows); one bad row and nothing is
 * stored but the failed batch and its error report (a blob); otherwise every
 * row is classified (popdb-compare) against the record as keyed now and the
 * batch and its rows are written in one transaction, with an entity_actions
 * row. Records are only read here. The same content is imported once.
 * hooks.progress follows it as the exchange import does (rows read, checked,
 * written), so the web shows the same bar.
 */
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { Conflict } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import type { PopdbRowsTable } from '../store/index.js';
import { fieldOf, KEY_COLUMNS, POPDB_REGISTERS, popKey } from './popdb-columns.js';
import { classifyRow, type PopdbClass } from './popdb-compare.js';
import { buildPopdbErrorReport } from './popdb-error-report.js';
import { readResultFile } from './popdb-read.js';
import { checkRows, recordIdOf, type CheckedRow, type RowErrors } from './popdb-rows.js';
import { batchView, type PopdbBatchView } from './popdb-view.js';
import { findImportedBatchBySha, findRecordsForImport, holdersOfIds, insertBatch, insertRows } from './popdb.repo.js';

export interface PopdbImportInput {
  fileName: string;
  bytes: Buffer;
}

export interface PopdbProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  rowsTotal: number;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
}

export interface PopdbImportHooks {
  progress?: (p: PopdbProgress) => void;
  signal?: AbortSignal;
}

export interface PopdbImportOutcome {
  view: PopdbBatchView;
  errorReport?: Buffer;
}

export async function refuseIfPopdbImported(ctx: ActorContext, sha256: string): Promise<void> {
  const before = await findImportedBatchBySha(ctx.store.db, sha256);
  if (before)
    throw new Conflict('popdb.already_imported', `Tệp này đã được nhập lúc ${before.created_at.toISOString()} (lần nhập ${before.id}); mỗi tệp kết quả chỉ nhập một lần.`, { batchId: before.id });
}

/** Subject ID fields of the registers compared (nksSoDinhDanh…), from the catalog. */
function idFieldKeys(): string[] {
  const column = KEY_COLUMNS.find((c) => c.key === 'soDinhDanh')!;
  const keys = Object.keys(POPDB_REGISTERS).map((t) => fieldOf(getTemplate(t), column)?.key);
  return [...new Set(keys.filter((k): k is string => k !== undefined))];
}

/** Stands for a registration outside the importer's scope (never stored). */
const HIDDEN = 'ngoai-pham-vi';

async function classifyAll(ctx: ActorContext, rows: readonly CheckedRow[]) {
  const popIds = rows
    .filter((r) => r.status === 'TIM_THAY')
    .map((r) => r.pop[popKey('soDinhDanh')] ?? '')
    .filter((x) => x !== '');
  const holders = await holdersOfIds(ctx.store.db, popIds, idFieldKeys());
  // Another registration holding the ID counts wherever it lies; its id is shown only when the importer sees it.
  const visible = await findRecordsForImport(ctx.store.db, ctx.actor, [...holders.values()].flat());
  const inFile = new Map<string, number>();
  for (const id of popIds) inFile.set(id, (inFile.get(id) ?? 0) + 1);
  return rows.map((r) => {
    const popId = r.status === 'TIM_THAY' ? (r.pop[popKey('soDinhDanh')] ?? '') : '';
    const other = popId ? (holders.get(popId) ?? []).find((id) => id !== r.recordId) : undefined;
    const otherHolder = other === undefined ? undefined : visible.has(other) ? other : HIDDEN;
    const outcome = classifyRow({
      template: getTemplate(r.record.template_version),
      values: r.record.values,
      status: r.status,
      pop: r.pop,
      otherHolder,
      duplicateInFile: popId !== '' && (inFile.get(popId) ?? 0) > 1,
    });
    if (outcome.conflict?.otherRecordId === HIDDEN) delete outcome.conflict.otherRecordId;
    return { row: r, outcome };
  });
}

async function storeFailure(ctx: ActorContext, input: PopdbImportInput, sha256: string, rowsTotal: number, bad: RowErrors[], report: Buffer): Promise<PopdbImportOutcome> {
  const blob = await ctx.blobs.put(report);
  const id = await ctx.store.db.transaction().execute(async (tx) => {
    const batchId = await insertBatch(tx, {
      file_name: input.fileName,
      sha256,
      status: 'failed',
      rows_total: rowsTotal,
      report: JSON.stringify({ rowsWithErrors: bad.length, rows: bad.slice(0, 1000) }),
      error_report_sha256: blob.sha256,
      imported_by: actorIdOf(ctx.actor),
    });
    await appendEntityAction(tx, {
      entityType: 'popdb_batch',
      entityId: batchId,
      kind: 'import_failed',
      actorId: actorIdOf(ctx.actor),
      payload: { fileName: input.fileName, rowsWithErrors: bad.length },
    });
    return batchId;
  });
  const row = await ctx.store.db.selectFrom('popdb_batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { view: batchView(row, 0), errorReport: report };
}

type Classified = Awaited<ReturnType<typeof classifyAll>>[number];

const rowInsert = (batchId: string, c: Classified): Insertable<PopdbRowsTable> => ({
  batch_id: batchId,
  row_no: c.row.rowNo,
  record_id: c.row.recordId,
  book_id: c.row.record.book_id,
  class: c.outcome.class,
  pop_status: c.row.status,
  pop_values: JSON.stringify(c.row.pop),
  book_values: JSON.stringify(c.outcome.book),
  diffs: JSON.stringify(c.outcome.diffs),
  conflict: c.outcome.conflict ? JSON.stringify(c.outcome.conflict) : null,
  record_version: c.row.record.version,
});

async function storeBatch(ctx: ActorContext, input: PopdbImportInput, sha256: string, classified: readonly Classified[]): Promise<PopdbBatchView> {
  const counts: Record<PopdbClass, number> = { same: 0, differs: 0, not_found: 0, id_conflict: 0 };
  for (const c of classified) counts[c.outcome.class]++;
  const id = await ctx.store.db.transaction().execute(async (tx) => {
    const batchId = await insertBatch(tx, { file_name: input.fileName, sha256, status: 'imported', rows_total: classified.length, counts: JSON.stringify(counts), imported_by: actorIdOf(ctx.actor) });
    await insertRows(
      tx,
      classified.map((c) => rowInsert(batchId, c)),
    );
    await appendEntityAction(tx, { entityType: 'popdb_batch', entityId: batchId, kind: 'imported', actorId: actorIdOf(ctx.actor), payload: { fileName: input.fileName, counts } });
    return batchId;
  });
  const row = await ctx.store.db.selectFrom('popdb_batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return batchView(row, counts.differs + counts.id_conflict);
}

export async function importPopdbFile(ctx: ActorContext, input: PopdbImportInput, hooks: PopdbImportHooks = {}): Promise<PopdbImportOutcome> {
  assertPermission(ctx.actor, 'popdb.compare');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await refuseIfPopdbImported(ctx, sha256);
  const state: PopdbProgress = { phase: 'reading', rowsTotal: 0, rowsRead: 0, rowsChecked: 0, rowsWritten: 0 };
  const tell = (p: Partial<PopdbProgress>) => hooks.progress?.(Object.assign(state, p));
  tell({});
  const table = await readResultFile(input.fileName, input.bytes);
  tell({ phase: 'checking', rowsTotal: table.rows.length, rowsRead: table.rows.length });
  const records = await findRecordsForImport(
    ctx.store.db,
    ctx.actor,
    table.rows.map(recordIdOf).filter((id) => /^[0-9a-f-]{36}$/.test(id)),
  );
  const { ok, bad } = checkRows(table.rows, records, (n) => n % 500 === 0 && tell({ rowsChecked: n }));
  hooks.signal?.throwIfAborted();
  if (bad.length > 0) {
    const failed = await storeFailure(ctx, input, sha256, table.rows.length, bad, await buildPopdbErrorReport(input.fileName, table, bad));
    tell({ phase: 'done', rowsChecked: table.rows.length });
    return failed;
  }
  tell({ phase: 'writing', rowsChecked: table.rows.length });
  const view = await storeBatch(ctx, input, sha256, await classifyAll(ctx, ok));
  tell({ phase: 'done', rowsWritten: ok.length });
  return { view };
}
