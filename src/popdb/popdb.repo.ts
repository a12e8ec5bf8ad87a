/**
 * Queries of the population-DB comparison. Every read of personal data puts
 * bookInScope(actor, …) in its WHERE clause: a row is visible when its
 * registration's book is; a batch when every one of its rows is.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database, PopdbBatchesTable, PopdbRowsTable } from '../store/index.js';
import { POPDB_REGISTERS } from './popdb-columns.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ExportRecordRow {
  id: string;
  book_id: string;
  register_type: string;
  template_version: string;
  values: Record<string, string>;
}

/** The completed registrations (no keying pass) of these books that the population side holds, in book and số order. */
export async function listExportRecords(db: Db, actor: Actor, bookIds: readonly string[]): Promise<ExportRecordRow[]> {
  if (bookIds.length === 0) return [];
  return db
    .selectFrom('records')
    .select(['records.id', 'records.book_id', 'records.register_type', 'records.template_version', 'records.values'])
    .where('records.book_id', 'in', [...bookIds])
    .where('records.keying_of', 'is', null)
    .where('records.status', '=', 'completed')
    .where('records.register_type', 'in', Object.keys(POPDB_REGISTERS))
    .where(bookInScope(actor, 'records.book_id'))
    .orderBy('records.book_id')
    .orderBy('records.so_sort')
    .orderBy('records.id')
    .execute();
}

/** Which registrations an export listed (popdb_export_records). */
export async function insertExportRecords(db: Db, exportId: string, recs: readonly { id: string; book_id: string }[]): Promise<void> {
  for (let i = 0; i < recs.length; i += 5000) {
    const part = recs.slice(i, i + 5000);
    await sql`insert into popdb_export_records (export_id, record_id, book_id)
      select ${exportId}::uuid, r, b from unnest(${sql.val(part.map((x) => x.id))}::uuid[], ${sql.val(part.map((x) => x.book_id))}::uuid[]) as t(r, b)`.execute(db);
  }
}

export interface ImportRecordRow extends ExportRecordRow {
  version: number;
  keying_of: string | null;
}

/** The records a file names, within the actor's scope (an unknown or out-of-scope id is simply absent). */
export async function findRecordsForImport(db: Db, actor: Actor, ids: readonly string[]): Promise<Map<string, ImportRecordRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('records')
    .select(['records.id', 'records.book_id', 'records.register_type', 'records.template_version', 'records.values', 'records.version', 'records.keying_of'])
    .where('records.id', 'in', [...new Set(ids)])
    .where(bookInScope(actor, 'records.book_id'))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Registrations (not passes) whose keyed subject ID is one of these: ID -> record ids. */
export async function holdersOfIds(db: Db, ids: readonly string[], idFieldKeys: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0 || idFieldKeys.length === 0) return out;
  for (const key of idFieldKeys) {
    const rows = await db
      .selectFrom('records')
      .select(['id', sql<string>`values->>${key}`.as('pid')])
      .where('keying_of', 'is', null)
      .where(sql<string>`values->>${key}`, 'in', [...new Set(ids)])
      .execute();
    for (const r of rows) out.set(r.pid, [...(out.get(r.pid) ?? []), r.id]);
  }
  return out;
}

export async function findImportedBatchBySha(db: Db, sha256: string): Promise<{ id: string; created_at: Date } | undefined> {
  return db.selectFrom('popdb_batches').select(['id', 'created_at']).where('sha256', '=', sha256).where('status', '=', 'imported').executeTakeFirst();
}

export async function insertBatch(db: Db, row: Insertable<PopdbBatchesTable>): Promise<string> {
  const r = await db.insertInto('popdb_batches').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertRows(db: Db, rows: readonly Insertable<PopdbRowsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('popdb_rows')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** No row of the batch lies outside the actor's scope. */
const batchVisible = (actor: Actor) => sql<boolean>`not exists (select 1 from popdb_rows vr where vr.batch_id = popdb_batches.id and not ${bookInScope(actor, 'vr.book_id')})`;

export async function findBatch(db: Db, actor: Actor, id: string) {
  const isOwnFailed = sql<boolean>`(popdb_batches.status = 'failed' and ${actor.kind === 'system' ? sql`true` : sql`popdb_batches.imported_by = ${actor.id}`})`;
  const visible = sql<boolean>`(popdb_batches.status = 'imported' and ${batchVisible(actor)}) or ${isOwnFailed}`;
  return db.selectFrom('popdb_batches').selectAll().where('id', '=', id).where(visible).executeTakeFirst();
}

export async function listBatches(db: Db, actor: Actor, limit = 50) {
  return db.selectFrom('popdb_batches').selectAll().where('status', '=', 'imported').where(batchVisible(actor)).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** A row with its decision, if any, and where its registration lies (book, pages). */
function rowQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('popdb_rows')
    .innerJoin('records', 'records.id', 'popdb_rows.record_id')
    .innerJoin('books', 'books.id', 'popdb_rows.book_id')
    .leftJoin('popdb_decisions', 'popdb_decisions.row_id', 'popdb_rows.id')
    .select([
      'popdb_rows.id',
      'popdb_rows.batch_id',
      'popdb_rows.row_no',
      'popdb_rows.record_id',
      'popdb_rows.book_id',
      'popdb_rows.class',
      'popdb_rows.pop_status',
      'popdb_rows.pop_values',
      'popdb_rows.book_values',
      'popdb_rows.diffs',
      'popdb_rows.conflict',
      'popdb_rows.record_version',
      'records.values as record_values',
      'records.version as current_version',
      'records.page_ids',
      'records.template_version',
      'books.volume_no',
      'books.year_from',
      'books.authority_text',
      'books.authority_unit_code',
      'popdb_decisions.decision',
      'popdb_decisions.note as decision_note',
      'popdb_decisions.corrected',
      'popdb_decisions.decided_by',
      'popdb_decisions.decided_at',
    ])
    .where(bookInScope(actor, 'popdb_rows.book_id'));
}

export type RowWithDecision = Awaited<ReturnType<typeof findRow>> & object;

export async function findRow(db: Db, actor: Actor, id: string) {
  return rowQuery(db, actor).where('popdb_rows.id', '=', id).executeTakeFirst();
}

export interface RowFilter {
  batchId?: string | undefined;
  classes?: readonly string[] | undefined;
  open?: boolean | undefined;
  decided?: boolean | undefined;
  limit: number;
}

export async function listRows(db: Db, actor: Actor, f: RowFilter) {
  let q = rowQuery(db, actor);
  if (f.batchId) q = q.where('popdb_rows.batch_id', '=', f.batchId);
  if (f.classes && f.classes.length > 0) q = q.where('popdb_rows.class', 'in', [...f.classes]);
  if (f.open) q = q.where('popdb_decisions.id', 'is', null);
  if (f.decided) q = q.where('popdb_decisions.id', 'is not', null);
  return q.orderBy('popdb_rows.batch_id').orderBy('popdb_rows.row_no').limit(f.limit).execute();
}

export async function insertDecision(
  db: Db,
  d: { rowId: string; decision: string; note: string; corrected: Record<string, string>; recordVersion: number; actorId: string | null },
): Promise<{ id: string } | undefined> {
  return db
    .insertInto('popdb_decisions')
    .values({ row_id: d.rowId, decision: d.decision, note: d.note, corrected: JSON.stringify(d.corrected), record_version: d.recordVersion, decided_by: d.actorId })
    .onConflict((oc) => oc.column('row_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}
