/**
 * Queries on books. Every read and lock takes the acting user and keeps to
 * her scope (bookInScope): a book outside it is not found.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Updateable } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Book, BooksTable, Database, NewBook } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface BookRow extends Book {
  pages_present: number;
  pages_total: number;
  records_keyed: number;
  records_completed: number;
}

export async function insertBook(db: Db, book: NewBook): Promise<Book> {
  return db.insertInto('books').values(book).returningAll().executeTakeFirstOrThrow();
}

export async function findBook(db: Db, actor: Actor, id: string): Promise<Book | undefined> {
  return db.selectFrom('books').selectAll().where('id', '=', id).where(bookInScope(actor, 'books.id')).executeTakeFirst();
}

/** Locks the book row until the transaction ends (page appends and reorders serialize on it); undefined when out of scope. */
export async function lockBook(db: Transaction<Database>, actor: Actor, id: string): Promise<Book | undefined> {
  return db.selectFrom('books').selectAll().where('id', '=', id).where(bookInScope(actor, 'books.id')).forUpdate().executeTakeFirst();
}

/** What the list keeps to: every part optional, all given parts must hold. */
export interface BookFilter {
  /** Books whose authority lies within this unit (admin_unit_within: any level, old units through their main successor). */
  unitId?: string | undefined;
  registerType?: string | undefined;
  /** Books whose years span this year. */
  year?: number | undefined;
  statuses?: readonly string[] | undefined;
  /** Folded words (searchKey), each the start of a word of the book's search_key. */
  words?: readonly string[] | undefined;
  /** The id of the last book of the previous page (newest first). */
  after?: string | undefined;
  limit: number;
}

/** One page of books, newest first (created_at desc, id desc), keyset-paged after a book id; progress counts included. */
export async function listBooks(db: Db, actor: Actor, f: BookFilter): Promise<BookRow[]> {
  let q = db
    .selectFrom('books')
    .selectAll('books')
    .select((eb) => [
      eb.selectFrom('pages').whereRef('pages.book_id', '=', 'books.id').where('pages.status', '=', 'present').select(eb.fn.countAll<string>().as('n')).as('pages_present'),
      eb.selectFrom('pages').whereRef('pages.book_id', '=', 'books.id').select(eb.fn.countAll<string>().as('n')).as('pages_total'),
      eb.selectFrom('records').whereRef('records.book_id', '=', 'books.id').where('records.keying_of', 'is', null).select(eb.fn.countAll<string>().as('n')).as('records_keyed'),
      eb
        .selectFrom('records')
        .whereRef('records.book_id', '=', 'books.id')
        .where('records.keying_of', 'is', null)
        .where('records.status', '=', 'completed')
        .select(eb.fn.countAll<string>().as('n'))
        .as('records_completed'),
    ])
    .where(bookInScope(actor, 'books.id'))
    .where('books.import_pending', 'is', null);
  if (f.unitId !== undefined) q = q.where(sql<SqlBool>`books.authority_unit_code in (select unit_id from admin_unit_within where within_id = ${f.unitId})`);
  if (f.registerType !== undefined) q = q.where('books.register_type', '=', f.registerType);
  if (f.year !== undefined) q = q.where('books.year_from', '<=', f.year).where(sql<SqlBool>`coalesce(books.year_to, books.year_from) >= ${f.year}`);
  if (f.statuses !== undefined && f.statuses.length > 0) q = q.where('books.status', 'in', [...f.statuses]);
  for (const w of f.words ?? []) q = q.where(sql<SqlBool>`(' ' || books.search_key) like ${`% ${w}%`}`);
  if (f.after !== undefined) {
    q = q.where(sql<SqlBool>`(books.created_at, books.id) < (select c.created_at, c.id from books c where c.id = ${f.after})`);
  }
  const rows = await q.orderBy('books.created_at', 'desc').orderBy('books.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    ...r,
    pages_present: Number(r.pages_present),
    pages_total: Number(r.pages_total),
    records_keyed: Number(r.records_keyed),
    records_completed: Number(r.records_completed),
  }));
}

/** Writes the change; the caller has locked (and so scope-checked) the book in the same transaction. */
export async function updateBook(db: Transaction<Database>, id: string, patch: Updateable<BooksTable>): Promise<Book | undefined> {
  return db
    .updateTable('books')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Books that are not copies with this identity: register type, year, quyển
 * (spaces and case ignored), and the authority — the resolved unit when
 * there is one, else the authority as written (spaces and case ignored).
 */
export async function findSameIdentity(
  db: Db,
  b: { register_type: string; year_from: number; volume_no: string; authority_unit_code: string | null; authority_text: string },
): Promise<{ id: string }[]> {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return db
    .selectFrom('books')
    .select('id')
    .where('register_type', '=', b.register_type)
    .where('year_from', '=', b.year_from)
    .where('is_copy', '=', false)
    .where('import_pending', 'is', null)
    .where(sql<string>`lower(regexp_replace(trim(volume_no), '\\s+', ' ', 'g'))`, '=', norm(b.volume_no))
    .where((eb) =>
      b.authority_unit_code
        ? eb('authority_unit_code', '=', b.authority_unit_code)
        : eb.and([eb('authority_unit_code', 'is', null), eb(sql<string>`lower(regexp_replace(trim(authority_text), '\\s+', ' ', 'g'))`, '=', norm(b.authority_text))]),
    )
    .orderBy('created_at')
    .execute();
}

/** Serializes the creation of books of one identity until the transaction ends. */
export async function lockIdentity(db: Db, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(727014, hashtext(${key}))`.execute(db);
}
