/**
 * The home pages' queries, each within the actor's scope (bookInScope in the
 * WHERE clause): books by status, registrations waiting for a check, the
 * keyer's counts of the day and her next registration to key.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function countBooksByStatus(db: Db, actor: Actor): Promise<{ status: string; n: number }[]> {
  const rows = await db
    .selectFrom('books')
    .where('books.import_pending', 'is', null)
    .where(bookInScope(actor, 'books.id'))
    .select(['books.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('books.status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

/** A completed registration no verification or comparison has accepted since its last reopening (lifecycle's qcAccepted), in a book not yet accepted or exported. */
const waitingForCheck = sql<boolean>`r.keying_of is null and r.status = 'completed' and b.status in ('keying', 'checking') and not exists (
  select 1 from record_actions a where a.record_id = r.id and a.kind in ('verified', 'compared')
    and a.id > coalesce((select max(o.id) from record_actions o where o.record_id = r.id and o.kind = 'reopened'), 0))`;

/** Per book, the registrations waiting for a check (most first). */
export async function listBooksAwaitingCheck(db: Db, actor: Actor, limit: number) {
  const { rows } = await sql<{ book_id: string; n: string }>`
    select r.book_id, count(*) as n from records r join books b on b.id = r.book_id
    where ${waitingForCheck} and ${bookInScope(actor, sql.ref('r.book_id'))}
    group by r.book_id order by count(*) desc, r.book_id limit ${limit}`.execute(db);
  return rows.map((r) => ({ bookId: r.book_id, n: Number(r.n) }));
}

export async function countAwaitingCheck(db: Db, actor: Actor): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from records r join books b on b.id = r.book_id
    where ${waitingForCheck} and ${bookInScope(actor, sql.ref('r.book_id'))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Records (registrations or keying passes) the keyer completed, counted on their Vietnam completion day, from `fromDay` to `today`. */
export async function countKeyedSince(db: Db, actor: Actor, keyerId: string, fromDay: string, today: string): Promise<number> {
  const day = sql`(r.completed_at at time zone 'Asia/Ho_Chi_Minh')::date`;
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from records r
    where r.keyed_by = ${keyerId} and r.status <> 'draft' and r.completed_at is not null
      and ${day} between ${fromDay}::date and ${today}::date and ${bookInScope(actor, sql.ref('r.book_id'))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The next record for the keyer to key: her own unfinished keying pass first, then a draft registration of a
 * single-keyed book (hers first), in book then registration order; undefined when nothing is left to key.
 */
export async function findNextToKey(db: Db, actor: Actor, keyerId: string): Promise<{ id: string; book_id: string } | undefined> {
  const { rows } = await sql<{ id: string; book_id: string }>`
    select r.id, r.book_id from records r join books b on b.id = r.book_id
    left join qc_book_settings q on q.book_id = r.book_id
    where r.status = 'draft' and ${bookInScope(actor, sql.ref('r.book_id'))}
      and ((r.keying_of is not null and r.keyed_by = ${keyerId})
        or (r.keying_of is null and coalesce(q.mode, 'single_review') = 'single_review' and not exists (select 1 from records p where p.keying_of = r.id)))
    order by (r.keying_of is null), (r.keyed_by is distinct from ${keyerId}), b.created_at, b.id, r.so_sort, r.created_at, r.id
    limit 1`.execute(db);
  return rows[0];
}

/** Draft registrations and passes last written by the keyer, within her scope. */
export async function countDraftsOf(db: Db, actor: Actor, keyerId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from records r where r.status = 'draft' and r.keyed_by = ${keyerId} and ${bookInScope(actor, sql.ref('r.book_id'))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function findOrganizationName(db: Db, organizationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirst();
  return row?.name;
}
