/**
 * Queries of sampled acceptance: lots, their sample, the checks, and the
 * registrations a scope holds. A lot is visible to an actor who sees every
 * book of it (its scope.books).
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PopulationRow {
  id: string;
  book_id: string;
  template_version: string;
  values: Record<string, string>;
  keyed_by: string | null;
  version: number;
}

/** Every book of the lot (qc_lots.scope.books) is in the actor's scope. */
export function lotInScope(actor: Actor): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  return sql<SqlBool>`not exists (select 1 from jsonb_array_elements(qc_lots.scope->'books') lb where not ${bookInScope(actor, sql`(lb->>'id')::uuid`)})`;
}

/** Books in the actor's scope whose authority lies within a unit (any level) and whose years overlap [from, to], in frozen order. */
export async function listBooksOfUnit(db: Db, actor: Actor, unitCode: string, from: number, to: number) {
  return db
    .selectFrom('books')
    .where(sql<SqlBool>`authority_unit_code in (select unit_id from admin_unit_within where within_id = ${unitCode})`)
    .where(bookInScope(actor, 'books.id'))
    .where('year_from', '<=', to)
    .where((eb) => eb.or([eb('year_to', '>=', from), eb.and([eb('year_to', 'is', null), eb('year_from', '>=', from)])]))
    .select(['id', 'register_type', 'year_from', 'volume_no', 'authority_unit_code', 'authority_text'])
    .orderBy('year_from')
    .orderBy('register_type')
    .orderBy('volume_no')
    .orderBy('id')
    .execute();
}

export async function listBooksById(db: Db, actor: Actor, ids: readonly string[]) {
  return db
    .selectFrom('books')
    .where('id', 'in', [...ids])
    .where(bookInScope(actor, 'books.id'))
    .select(['id', 'register_type', 'year_from', 'volume_no', 'authority_unit_code', 'authority_text'])
    .orderBy('year_from')
    .orderBy('register_type')
    .orderBy('volume_no')
    .orderBy('id')
    .execute();
}

/**
 * Completed registrations (not keying passes) of the books, by book (in the
 * order given) then id: the lot manifest order. Streamed in keyset pages on
 * the id (exact, unlike timestamps that JavaScript cuts to milliseconds) so a
 * unit-wide lot never holds every registration's values at once.
 */
export async function* streamPopulation(db: Db, actor: Actor, bookIds: readonly string[], pageSize = 2000): AsyncGenerator<PopulationRow> {
  for (const bookId of bookIds) {
    let after: string | undefined;
    for (;;) {
      let q = db
        .selectFrom('records')
        .where('book_id', '=', bookId)
        .where('keying_of', 'is', null)
        .where('status', '=', 'completed')
        .where(bookInScope(actor, 'records.book_id'))
        .select(['id', 'book_id', 'template_version', 'values', 'keyed_by', 'version']);
      if (after) q = q.where('id', '>', after);
      const rows = await q.orderBy('id').limit(pageSize).execute();
      yield* rows;
      if (rows.length < pageSize) break;
      after = rows.at(-1)!.id;
    }
  }
}

/** Registrations among `ids` that have keying passes (double-keyed). */
export async function listDoubleKeyed(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('records')
    .where('keying_of', 'in', [...ids])
    .select('keying_of')
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.keying_of!));
}

export async function findLot(db: Db, actor: Actor, id: string) {
  return db.selectFrom('qc_lots').selectAll().where('id', '=', id).where(lotInScope(actor)).executeTakeFirst();
}

export async function listLots(db: Db, actor: Actor) {
  return db.selectFrom('qc_lots').selectAll().where(lotInScope(actor)).orderBy('created_at', 'desc').execute();
}

export async function listSamples(db: Db, lotId: string) {
  return db
    .selectFrom('qc_lot_samples as s')
    .innerJoin('records as r', 'r.id', 's.record_id')
    .where('s.lot_id', '=', lotId)
    .select(['s.record_id', 's.seq', 's.position', 's.keyer_id', 's.record_version', 'r.book_id', 'r.template_version', 'r.values', 'r.page_ids', 'r.version', 'r.status'])
    .orderBy('s.seq')
    .execute();
}

export async function listChecks(db: Db, lotId: string) {
  return db.selectFrom('qc_sample_checks').selectAll().where('lot_id', '=', lotId).orderBy('record_id').orderBy('field_key').execute();
}

/** Checks of decided lots with the sampled record's keyer (single-keyed registrations only, in the actor's scope), optionally of one keyer. */
export async function listKeyerSampleChecks(db: Db, actor: Actor, keyerId?: string) {
  let q = db
    .selectFrom('qc_sample_checks as c')
    .innerJoin('qc_lot_samples as s', (j) => j.onRef('s.lot_id', '=', 'c.lot_id').onRef('s.record_id', '=', 'c.record_id'))
    .innerJoin('qc_lots as l', 'l.id', 'c.lot_id')
    .innerJoin('records as r', 'r.id', 'c.record_id')
    .where(bookInScope(actor, 'r.book_id'))
    .where('s.keyer_id', 'is not', null)
    .where('l.status', '<>', 'sampling')
    .select(['c.lot_id', 'c.record_id', 'c.ok', 'c.critical', 'c.keyed_value', 'c.correct_value', 's.keyer_id', 'l.status', 'l.decided_at']);
  if (keyerId) q = q.where('s.keyer_id', '=', keyerId);
  return q.execute();
}

export async function replaceChecks(tx: Transaction<Database>, lotId: string, recordId: string, rows: Insertable<Database['qc_sample_checks']>[]) {
  await tx.deleteFrom('qc_sample_checks').where('lot_id', '=', lotId).where('record_id', '=', recordId).execute();
  await tx.insertInto('qc_sample_checks').values(rows).execute();
}

export async function insertLot(tx: Transaction<Database>, row: Insertable<Database['qc_lots']>): Promise<string> {
  const { id } = await tx.insertInto('qc_lots').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertSamples(tx: Transaction<Database>, rows: Insertable<Database['qc_lot_samples']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('qc_lot_samples')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function writeDecision(db: Db, id: string, d: { status: string; decision: unknown; decidedBy: string | null; decidedAt: Date; note: string }): Promise<boolean> {
  const r = await db
    .updateTable('qc_lots')
    .set({ status: d.status, decision: JSON.stringify(d.decision), decided_by: d.decidedBy, decided_at: d.decidedAt, note: d.note })
    .where('id', '=', id)
    .where('status', '=', 'sampling')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateDecisionPayload(db: Db, id: string, decision: unknown): Promise<void> {
  await db
    .updateTable('qc_lots')
    .set({ decision: JSON.stringify(decision) })
    .where('id', '=', id)
    .execute();
}
