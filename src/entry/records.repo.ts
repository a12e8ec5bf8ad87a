/**
 * Queries on the records projection. The row is written only from a fold
 * (writeProjection), in the transaction that appended the action; a row is
 * locked (FOR UPDATE) while an action is added to it. Reads and locks by id
 * keep to the actor's scope (the record's book): outside it, not found.
 */
import type { Kysely, Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import { markForLinkage } from '../linkage/index.js';
import { indexRecord, insertPeople, personRows, sameIndexed } from '../search/index.js';
import { provinceOfBook, provincesOf, type Database, type RecordRow } from '../store/index.js';
import type { FieldFlag, KeyingPass } from './actions.schema.js';
import type { RecordState, RecordStatus } from './fold.js';
import { insertFindings, writeFindings } from './record-findings.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findRecord(db: Db, actor: Actor, id: string): Promise<RecordRow | undefined> {
  return db.selectFrom('records').selectAll().where('id', '=', id).where(bookInScope(actor, 'records.book_id')).executeTakeFirst();
}

/** A book's registrations (never keying passes) in registration order: by số when numeric (so_sort), then by creation. */
export async function listRecordsOfBook(db: Db, actor: Actor, bookId: string): Promise<RecordRow[]> {
  return db
    .selectFrom('records')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('keying_of', 'is', null)
    .where(bookInScope(actor, 'records.book_id'))
    .orderBy('so_sort')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The keying passes of a registration (src/qc), A before B; the caller has the registration in scope. */
export async function listPassesOf(db: Db, registrationId: string): Promise<RecordRow[]> {
  return db.selectFrom('records').selectAll().where('keying_of', '=', registrationId).orderBy('keying_pass').execute();
}

/** Locks the record row until the transaction ends (actions on one record are appended one at a time); undefined when out of scope. */
export async function lockRecord(tx: Transaction<Database>, actor: Actor, id: string): Promise<RecordRow | undefined> {
  return tx.selectFrom('records').selectAll().where('id', '=', id).where(bookInScope(actor, 'records.book_id')).forUpdate().executeTakeFirst();
}

/** A new, still empty row: its 'created' action follows and writeProjection fills it. */
export async function insertEmptyRecord(tx: Transaction<Database>, r: { bookId: string; registerType: string; templateId: string }): Promise<string> {
  const row = await tx
    .insertInto('records')
    .values({ book_id: r.bookId, province_code: provinceOfBook(r.bookId), register_type: r.registerType, template_version: r.templateId, values: '{}', page_ids: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Writes the fold of the record's actions into its row, a registration's
 * stored findings, its people in the search index and, once completed, its
 * mark for the next incremental linkage run (same transaction). With
 * `before` (the state the row held), the index is left alone when nothing it
 * reads changed (an acknowledgement, a completion, a flag).
 */
export async function writeProjection(tx: Transaction<Database>, id: string, s: RecordState, before?: RecordState): Promise<void> {
  await tx.updateTable('records').set(projectionRow(s)).where('id', '=', id).execute();
  await writeFindings(tx, id, s);
  if (!before || !sameIndexed(before, s)) await indexRecord(tx, id, s);
  if (s.status === 'completed' && s.keyingOf === null) await markForLinkage(tx, id);
}

/**
 * New records written whole by a bulk writer (an import batch), before their actions: each row is the fold of
 * the actions that follow it in the same transaction (the caller folds them), with its findings, its people in
 * the search index and its linkage mark — what writeProjection does for one record, in a few statements.
 */
export async function insertProjected(tx: Transaction<Database>, rows: readonly { id: string; state: RecordState; createdAt: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  const provinces = await provincesOf(
    tx,
    'books',
    rows.map((r) => r.state.bookId),
  );
  const province = (bookId: string) => provinces.get(bookId) ?? provinceOfBook(bookId);
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('records')
      .values(rows.slice(i, i + 500).map((r) => ({ id: r.id, ...projectionRow(r.state), province_code: province(r.state.bookId), created_at: r.createdAt })))
      .execute();
  await insertFindings(
    tx,
    rows.map((r) => ({ recordId: r.id, state: r.state })),
  );
  await insertPeople(
    tx,
    rows.flatMap((r) => personRows(r.state).map((p) => ({ ...p, record_id: r.id, book_id: r.state.bookId, register_type: r.state.registerType }))),
  );
  await markForLinkage(
    tx,
    rows.filter((r) => r.state.status === 'completed' && r.state.keyingOf === null).map((r) => r.id),
  );
}

/** The columns of a records row that hold a fold of its actions: the one mapping of state to row (writeProjection, bulk writers). */
export function projectionRow(s: RecordState) {
  return {
    book_id: s.bookId,
    register_type: s.registerType,
    template_version: s.templateId,
    status: s.status,
    version: s.version,
    values: JSON.stringify(s.values),
    page_ids: JSON.stringify(s.pageIds),
    flags: JSON.stringify(s.flags),
    acknowledged: JSON.stringify(s.acknowledged),
    regions: JSON.stringify(s.regions),
    keyed_by: s.keyedBy,
    completed_at: s.completedAt,
    updated_at: s.updatedAt,
    keying_of: s.keyingOf,
    keying_pass: s.keyingPass,
  };
}

/** The state a row holds (the inverse of writeProjection). */
export function stateOfRow(r: RecordRow): RecordState {
  return {
    bookId: r.book_id,
    registerType: r.register_type,
    templateId: r.template_version,
    status: r.status as RecordStatus,
    version: r.version,
    values: r.values,
    flags: r.flags as Record<string, FieldFlag>,
    acknowledged: r.acknowledged,
    pageIds: r.page_ids,
    regions: r.regions,
    keyedBy: r.keyed_by,
    completedAt: r.completed_at,
    updatedAt: r.updated_at,
    keyingOf: r.keying_of,
    keyingPass: r.keying_pass as KeyingPass | null,
  };
}
