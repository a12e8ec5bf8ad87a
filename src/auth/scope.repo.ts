/**
 * Scope in SQL: which books (and so which pages, records, exports...) an
 * actor may see. A user sees a book when one of her grants covers it: `all`,
 * the book itself (`book`, an assignment), or a unit within which the book's
 * registering authority lies (`unit`, through admin_unit_within: the unit's
 * own books, those of the units below it and of the old units merged into
 * it). The grants are read live in the same query, so a revoked grant takes
 * effect on the next request. The system sees everything. A book an import
 * is still writing in batches (books.import_pending, 0024) is in nobody's
 * scope until the import's last transaction.
 * Every repository that reads or writes book-scoped data puts
 * `bookInScope(actor, <its book id column>)` into its WHERE clause; an
 * out-of-scope id then reads as "not found".
 */
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import type { Actor } from './actor.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A column reference ('records.book_id') or an SQL expression giving a book id. */
export type BookIdRef = string | RawBuilder<unknown>;

const refOf = (r: BookIdRef) => (typeof r === 'string' ? sql.ref(r) : r);

/** `<bookId>` names a book this actor may see. */
export function bookInScope(actor: Actor, bookId: BookIdRef): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (
    select 1 from books sb join user_grants sg on sg.user_id = ${actor.id}
    where sb.id = ${refOf(bookId)} and sb.import_pending is null
      and (sg.kind = 'all'
        or (sg.kind = 'book' and sg.book_id = sb.id)
        or (sg.kind = 'unit' and exists (
          select 1 from admin_unit_within sw where sw.within_id = sg.unit_id and sw.unit_id = sb.authority_unit_code))))`;
}

/** `<unitId>` names a unit this actor may act on: a grant on everything, or on a unit it lies within. */
export function unitInScope(actor: Actor, unitId: BookIdRef): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (
    select 1 from user_grants sg
    where sg.user_id = ${actor.id}
      and (sg.kind = 'all'
        or (sg.kind = 'unit' and exists (
          select 1 from admin_unit_within sw where sw.within_id = sg.unit_id and sw.unit_id = ${refOf(unitId)}))))`;
}

export async function isBookVisible(db: Db, actor: Actor, bookId: string): Promise<boolean> {
  const row = await db.selectFrom('books').select('books.id').where('books.id', '=', bookId).where(bookInScope(actor, 'books.id')).executeTakeFirst();
  return row !== undefined;
}

export async function isUnitVisible(db: Db, actor: Actor, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('admin_units').select('admin_units.id').where('admin_units.id', '=', unitId).where(unitInScope(actor, 'admin_units.id')).executeTakeFirst();
  return row !== undefined;
}

/** Which of these books the actor sees. */
export async function visibleBookIds(db: Db, actor: Actor, bookIds: readonly string[]): Promise<Set<string>> {
  if (bookIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('books')
    .select('books.id')
    .where('books.id', 'in', [...new Set(bookIds)])
    .where(bookInScope(actor, 'books.id'))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** True when the actor sees every book (a grant `all`, or the system). */
export async function seesEverything(db: Db, actor: Actor): Promise<boolean> {
  if (actor.kind === 'system') return true;
  const row = await db.selectFrom('user_grants').select('id').where('user_id', '=', actor.id).where('kind', '=', 'all').executeTakeFirst();
  return row !== undefined;
}
