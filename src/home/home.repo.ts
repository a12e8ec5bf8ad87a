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

/**
 * Per book, the registrations waiting for a check (most first), in one pass: the scope is decided per book,
 * then the books' completed registrations are read (at province scope, every such registration).
 */
export async function listBooksAwaitingCheck(db: Db, actor: Actor): Promise<{ bookId: string; n: number }[]> {
  const { rows } = await sql<{ book_id: string; n: string }>`
    select r.book_id, count(*) as n from books b join records r on r.book_id = b.id
    where b.import_pending is null and ${bookInScope(actor, sql.ref('b.id'))} and ${waitingForCheck}
    group by r.book_id order by count(*) desc, r.book_id`.execute(db);
  return rows.map((r) => ({ bookId: r.book_id, n: Number(r.n) }));
}

/** Vietnam local midnight of a day (yyyy-mm-dd), as an instant. */
const vnMidnight = (isoDay: string) => new Date(`${isoDay}T00:00:00+07:00`);

/** Records (registrations or keying passes) the keyer completed, counted on their Vietnam completion day, from `fromDay` to `today`. */
export async function countKeyedSince(db: Db, actor: Actor, keyerId: string, fromDay: string, today: string): Promise<number> {
  const end = new Date(vnMidnight(today).getTime() + 86_400_000);
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from records r
    where r.keyed_by = ${keyerId} and r.completed_at is not null and r.completed_at >= ${vnMidnight(fromDay)} and r.completed_at < ${end}
      and r.status <> 'draft' and ${bookInScope(actor, sql.ref('r.book_id'))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

type Next = { id: string; book_id: string } | undefined;

/** A book keyed once and reviewed (no double keying): its drafts are keyed by whoever opens them. */
const singleKeyed = sql<boolean>`coalesce((select q.mode from qc_book_settings q where q.book_id = b.id), 'single_review') = 'single_review'`;

/** The keyer's own drafts: her unfinished keying passes (passes), or her draft registrations of single-keyed books. */
async function ownDraft(db: Db, actor: Actor, keyerId: string, passes: boolean): Promise<Next> {
  const kind = passes ? sql`r.keying_of is not null` : sql`r.keying_of is null and ${singleKeyed} and not exists (select 1 from records p where p.keying_of = r.id)`;
  const { rows } = await sql<{ id: string; book_id: string }>`
    select r.id, r.book_id from records r join books b on b.id = r.book_id
    where r.status = 'draft' and r.keyed_by = ${keyerId} and ${kind} and ${bookInScope(actor, sql.ref('r.book_id'))}
    order by b.created_at, b.id, r.so_sort, r.created_at, r.id limit 1`.execute(db);
  return rows[0];
}

/** The first draft registration of the first visible single-keyed book that has one (books in creation order, one index probe each). */
async function firstDraftOfBooks(db: Db, actor: Actor): Promise<Next> {
  const { rows } = await sql<{ id: string; book_id: string }>`
    select d.id, d.book_id from books b
    cross join lateral (
      select r.id, r.book_id from records r
      where r.book_id = b.id and r.status = 'draft' and r.keying_of is null and not exists (select 1 from records p where p.keying_of = r.id)
      order by r.so_sort, r.created_at, r.id limit 1) d
    where b.import_pending is null and ${singleKeyed} and ${bookInScope(actor, sql.ref('b.id'))}
    order by b.created_at, b.id limit 1`.execute(db);
  return rows[0];
}

/**
 * The next record for the keyer to key: her own unfinished keying pass first, then her own draft registration
 * of a single-keyed book, then the first draft of such a book, in book then registration order; undefined when
 * nothing is left to key. Each step reads through an index (0030), never every draft of the province.
 */
export async function findNextToKey(db: Db, actor: Actor, keyerId: string): Promise<Next> {
  return (await ownDraft(db, actor, keyerId, true)) ?? (await ownDraft(db, actor, keyerId, false)) ?? (await firstDraftOfBooks(db, actor));
}

/** Draft registrations and passes last written by the keyer, within her scope. */
export async function countDraftsOf(db: Db, actor: Actor, keyerId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from records r where r.status = 'draft' and r.keyed_by = ${keyerId} and ${bookInScope(actor, sql.ref('r.book_id'))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
