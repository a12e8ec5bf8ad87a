/** Queries of the keying side of QC: passes of a book with their keyers, disagreements. */
import type { Kysely, Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';
import type { Disagreement } from './compare.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PassRow {
  id: string;
  registrationId: string;
  pass: 'A' | 'B' | 'M';
  status: string;
  keyerId: string | null;
}

/** Keying passes (p) with their created action (ca, whose actor is the keyer): what counts as a pass, for listPasses and hasKeyingPasses alike. */
const passes = (db: Db) => db.selectFrom('records as p').innerJoin('record_actions as ca', (j) => j.onRef('ca.record_id', '=', 'p.id').on('ca.kind', '=', 'created'));

/** Every keying pass of a book (or of some registrations), with its keyer (actor of its created action). */
export async function listPasses(db: Db, where: { bookId?: string; registrationIds?: readonly string[] }): Promise<PassRow[]> {
  let q = passes(db).where('p.keying_of', 'is not', null).select(['p.id', 'p.keying_of', 'p.keying_pass', 'p.status', 'ca.actor_id']);
  if (where.bookId) q = q.where('p.book_id', '=', where.bookId);
  if (where.registrationIds) {
    if (where.registrationIds.length === 0) return [];
    q = q.where('p.keying_of', 'in', [...where.registrationIds]);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, registrationId: r.keying_of!, pass: r.keying_pass as PassRow['pass'], status: r.status, keyerId: r.actor_id }));
}

/** Whether a registration is double keyed (has a pass). On every save: a probe of the unique (keying_of, keying_pass) index, then of the pass's actions. */
export async function hasKeyingPasses(db: Db, registrationId: string): Promise<boolean> {
  const r = await passes(db).select('p.id').where('p.keying_of', '=', registrationId).limit(1).executeTakeFirst();
  return r !== undefined;
}

/** Registrations of a book, oldest first (ids, pages, regions, status; never values). */
export async function listRegistrationsOfBook(db: Db, bookId: string) {
  return db
    .selectFrom('records')
    .select(['id', 'status', 'page_ids', 'regions', 'created_at', 'book_id', 'template_version'])
    .where('book_id', '=', bookId)
    .where('keying_of', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** `machine`: fields whose B side is the machine's pass. Idempotent: a disagreement already stored for (record, round, field) is kept as it is. */
export async function insertDisagreements(db: Db, recordId: string, round: number, ds: readonly Disagreement[], machine: ReadonlySet<string> = new Set()): Promise<void> {
  if (ds.length === 0) return;
  await db
    .insertInto('qc_disagreements')
    .values(ds.map((d) => ({ record_id: recordId, round, field_key: d.fieldKey, value_a: d.valueA, value_b: d.valueB, source_b: machine.has(d.fieldKey) ? 'machine' : 'person' })))
    .onConflict((oc) => oc.columns(['record_id', 'round', 'field_key']).doNothing())
    .execute();
}

/** A disagreement whose registration's book is in the actor's scope. */
export async function findDisagreement(db: Db, actor: Actor, id: string) {
  return db.selectFrom('qc_disagreements as d').innerJoin('records as r', 'r.id', 'd.record_id').selectAll('d').where('d.id', '=', id).where(bookInScope(actor, 'r.book_id')).executeTakeFirst();
}

export async function lockDisagreement(tx: Transaction<Database>, actor: Actor, id: string) {
  return tx
    .selectFrom('qc_disagreements as d')
    .innerJoin('records as r', 'r.id', 'd.record_id')
    .selectAll('d')
    .where('d.id', '=', id)
    .where(bookInScope(actor, 'r.book_id'))
    .forUpdate('d')
    .executeTakeFirst();
}

export async function countOpenDisagreements(db: Db, recordId: string): Promise<number> {
  const r = await db
    .selectFrom('qc_disagreements')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('record_id', '=', recordId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function resolveDisagreement(tx: Transaction<Database>, id: string, d: { value: string; choice: 'A' | 'B' | 'other'; by: string | null; at: Date }): Promise<void> {
  await tx.updateTable('qc_disagreements').set({ status: 'resolved', decided_value: d.value, decided_choice: d.choice, decided_by: d.by, decided_at: d.at }).where('id', '=', id).execute();
}

/** Open disagreements in the actor's scope (optionally of a book), oldest first, with the registration's book and template. */
export async function listOpenDisagreements(db: Db, actor: Actor, bookId?: string) {
  let q = db
    .selectFrom('qc_disagreements as d')
    .innerJoin('records as r', 'r.id', 'd.record_id')
    .where('d.status', '=', 'open')
    .where(bookInScope(actor, 'r.book_id'))
    .select(['d.id', 'd.record_id', 'd.round', 'd.field_key', 'r.book_id', 'r.template_version'])
    .orderBy('d.id');
  if (bookId) q = q.where('r.book_id', '=', bookId);
  return q.execute();
}

export async function hasActionKind(db: Db, recordId: string, kind: string): Promise<boolean> {
  const r = await db.selectFrom('record_actions').select('id').where('record_id', '=', recordId).where('kind', '=', kind).limit(1).executeTakeFirst();
  return r !== undefined;
}
