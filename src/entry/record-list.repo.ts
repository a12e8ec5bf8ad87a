/**
 * Pages of a book's registrations in registration order (so_sort, then
 * creation, then id: the order of listRecordsOfBook), each row with the stamp
 * and counts of its stored findings (record_findings, left-joined: null when
 * none is stored yet). Every query keeps to the actor's scope.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';
import type { RowWithFindings } from './record-findings.js';

type Db = Kysely<Database> | Transaction<Database>;

function registrations(db: Db, actor: Actor, bookId: string) {
  return db.selectFrom('records').where('records.book_id', '=', bookId).where('records.keying_of', 'is', null).where(bookInScope(actor, 'records.book_id'));
}

export async function countRegistrations(db: Db, actor: Actor, bookId: string): Promise<number> {
  const row = await registrations(db, actor, bookId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many registrations of the book come before this one; undefined when it is not a registration of the book. */
export async function positionOf(db: Db, actor: Actor, bookId: string, recordId: string): Promise<number | undefined> {
  const me = await registrations(db, actor, bookId).select('records.id').where('records.id', '=', recordId).executeTakeFirst();
  if (!me) return undefined;
  const row = await registrations(db, actor, bookId)
    .where(sql<SqlBool>`(records.so_sort, records.created_at, records.id) < (select c.so_sort, c.created_at, c.id from records c where c.id = ${recordId})`)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** `limit` registrations from position `offset`, with their stored findings' stamp and counts. */
export async function registrationsPage(db: Db, actor: Actor, bookId: string, offset: number, limit: number): Promise<RowWithFindings[]> {
  return registrations(db, actor, bookId)
    .leftJoin('record_findings as f', 'f.record_id', 'records.id')
    .selectAll('records')
    .select(['f.record_version as f_record_version', 'f.rules_version as f_rules_version', 'f.errors as f_errors', 'f.unacknowledged as f_unacknowledged'])
    .orderBy('records.so_sort')
    .orderBy('records.created_at')
    .orderBy('records.id')
    .offset(offset)
    .limit(limit)
    .execute();
}
