/**
 * The facts a signed-in user's home page shows, within her scope, in one
 * read transaction: the books she sees by status; for
 * checkers (records.review) the registrations waiting for a check, per book;
 * for keyers (records.key) what she completed today and in the last 7 days,
 * her drafts and the next record to key. Parts her role may not use are null.
 */
import { actorCan, actorIdOf, type ActorContext } from '../auth/index.js';
import { BOOK_STATUSES, bookView, type BookStatus } from '../archive/index.js';
import { vietnamDay } from '../audit/index.js';
import { countBooksByStatus, countDraftsOf, countKeyedSince, findNextToKey, listBooksAwaitingCheck } from './home.repo.js';
import type { Database } from '../store/index.js';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export interface HomeBook {
  id: string;
  title: string;
  authority: string;
}

export interface HomeView {
  /** The Vietnam day the counts are for (yyyy-mm-dd). */
  today: string;
  books: { total: number; byStatus: Record<BookStatus, number> };
  /** Checkers only: completed registrations not yet accepted by a check, and the books holding most of them. */
  review: { records: number; books: (HomeBook & { records: number })[] } | null;
  /** Keyers only: records she completed today and in the last 7 days (today included), her drafts, and the next record to key. */
  keying: { keyedToday: number; keyed7: number; drafts: number; next: { recordId: string; book: HomeBook } | null } | null;
}

const TOP_BOOKS = 10;
const daysBefore = (isoDay: string, n: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function booksOf(db: Db, ids: readonly string[]): Promise<Map<string, HomeBook>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('books')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((b) => [b.id, ((v) => ({ id: v.id, title: v.title, authority: v.authority }))(bookView(b))]));
}

async function byStatus(db: Db, ctx: ActorContext): Promise<HomeView['books']> {
  const counts = Object.fromEntries(BOOK_STATUSES.map((s) => [s, 0])) as Record<BookStatus, number>;
  let total = 0;
  for (const r of await countBooksByStatus(db, ctx.actor)) {
    total += r.n;
    if (r.status in counts) counts[r.status as BookStatus] += r.n;
  }
  return { total, byStatus: counts };
}

async function review(db: Db, ctx: ActorContext): Promise<HomeView['review']> {
  if (!actorCan(ctx.actor, 'records.review')) return null;
  const all = await listBooksAwaitingCheck(db, ctx.actor);
  const top = all.slice(0, TOP_BOOKS);
  const books = await booksOf(
    db,
    top.map((t) => t.bookId),
  );
  return { records: all.reduce((n, t) => n + t.n, 0), books: top.map((t) => ({ ...books.get(t.bookId)!, records: t.n })) };
}

async function keying(db: Db, ctx: ActorContext, today: string): Promise<HomeView['keying']> {
  const me = actorIdOf(ctx.actor);
  if (!actorCan(ctx.actor, 'records.key') || !me) return null;
  const next = await findNextToKey(db, ctx.actor, me);
  const book = next && (await booksOf(db, [next.book_id])).get(next.book_id);
  return {
    keyedToday: await countKeyedSince(db, ctx.actor, me, today, today),
    keyed7: await countKeyedSince(db, ctx.actor, me, daysBefore(today, 6), today),
    drafts: await countDraftsOf(db, ctx.actor, me),
    next: next && book ? { recordId: next.id, book } : null,
  };
}

export async function getHome(ctx: ActorContext): Promise<HomeView> {
  const today = vietnamDay(ctx.clock());
  return ctx.store.db.transaction().execute(async (tx) => {
    return {
      today,
      books: await byStatus(tx, ctx),
      review: await review(tx, ctx),
      keying: await keying(tx, ctx, today),
    };
  });
}
