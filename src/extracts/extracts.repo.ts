/**
 * Queries of certified copies, requests and the working calendar. Scope:
 * copies and requests belong to their issuing authority; lists and reads
 * take the actor and filter with unitInScope on issuing_unit_id.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { unitInScope, type Actor } from '../auth/index.js';
import type { Database, ExtractCopyRow, ExtractRequestRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The next copy number of an authority in a year: gap-free, serialized by the counter row's lock until the transaction ends. */
export async function nextCopyNumber(tx: Transaction<Database>, unitId: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('extract_counters')
    .values({ issuing_unit_id: unitId, year, last_no: 1 })
    .onConflict((oc) => oc.columns(['issuing_unit_id', 'year']).doUpdateSet({ last_no: sql<number>`extract_counters.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return row.last_no;
}

export type NewCopy = Omit<ExtractCopyRow, 'id' | 'revoked_at' | 'revoked_by' | 'revoke_reason' | 'printed'> & { printed: string };

export async function insertCopy(tx: Transaction<Database>, c: NewCopy): Promise<ExtractCopyRow> {
  return tx.insertInto('extract_copies').values(c).returningAll().executeTakeFirstOrThrow();
}

export async function findCopyByToken(db: Db, token: string): Promise<ExtractCopyRow | undefined> {
  return db.selectFrom('extract_copies').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function findCopy(db: Db, actor: Actor, id: string): Promise<ExtractCopyRow | undefined> {
  return db.selectFrom('extract_copies').selectAll().where('id', '=', id).where(unitInScope(actor, 'extract_copies.issuing_unit_id')).executeTakeFirst();
}

export interface CopyFilter {
  unitId?: string | undefined;
  recordId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function listCopies(db: Db, actor: Actor, f: CopyFilter, limit = 500): Promise<ExtractCopyRow[]> {
  let q = db.selectFrom('extract_copies').selectAll().where(unitInScope(actor, 'extract_copies.issuing_unit_id'));
  if (f.unitId) q = q.where('issuing_unit_id', '=', f.unitId);
  if (f.recordId) q = q.where('record_id', '=', f.recordId);
  if (f.from) q = q.where('issued_at', '>=', f.from);
  if (f.to) q = q.where('issued_at', '<', f.to);
  return q.orderBy('issued_at').orderBy('seq').limit(limit).execute();
}

export async function markRevoked(tx: Transaction<Database>, id: string, by: string | null, reason: string, at: Date): Promise<ExtractCopyRow | undefined> {
  return tx
    .updateTable('extract_copies')
    .set({ revoked_at: at, revoked_by: by as string, revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function calendarExceptions(db: Db): Promise<{ day: string; kind: 'holiday' | 'workday' }[]> {
  const rows = await db.selectFrom('working_calendar').select(['day', 'kind']).execute();
  return rows.map((r) => ({ day: typeof r.day === 'string' ? r.day.slice(0, 10) : isoDay(r.day as unknown as Date), kind: r.kind }));
}

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export async function setCalendarDay(db: Db, day: string, kind: 'holiday' | 'workday', name: string): Promise<void> {
  await db
    .insertInto('working_calendar')
    .values({ day, kind, name })
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind, name }))
    .execute();
}

export type NewRequest = Omit<ExtractRequestRow, 'id' | 'status' | 'refusal_reason' | 'created_at' | 'wanted'> & { wanted: string };

export async function insertRequest(tx: Db, r: NewRequest): Promise<ExtractRequestRow> {
  return tx.insertInto('extract_requests').values(r).returningAll().executeTakeFirstOrThrow();
}

export async function findRequest(db: Db, actor: Actor, id: string): Promise<ExtractRequestRow | undefined> {
  return db.selectFrom('extract_requests').selectAll().where('id', '=', id).where(unitInScope(actor, 'extract_requests.issuing_unit_id')).executeTakeFirst();
}

export async function listRequests(db: Db, actor: Actor, f: { unitId?: string | undefined; status?: string | undefined }, limit = 500): Promise<ExtractRequestRow[]> {
  let q = db.selectFrom('extract_requests').selectAll().where(unitInScope(actor, 'extract_requests.issuing_unit_id'));
  if (f.unitId) q = q.where('issuing_unit_id', '=', f.unitId);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('received_at', 'desc').limit(limit).execute();
}

export async function updateRequest(tx: Db, id: string, set: { status: string; record_id?: string | null; refusal_reason?: string }): Promise<ExtractRequestRow> {
  return tx.updateTable('extract_requests').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
