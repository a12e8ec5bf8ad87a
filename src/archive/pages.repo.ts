/** Queries on pages and ingested files. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import { provinceOfBook, provincesOf, type Database, type IngestFilesTable, type PagesTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export type PageRow = Awaited<ReturnType<typeof listPages>>[number];

export async function listPages(db: Db, bookId: string) {
  return db.selectFrom('pages').selectAll().where('book_id', '=', bookId).orderBy('seq').execute();
}

export async function findPage(db: Db, bookId: string, pageId: string) {
  return db.selectFrom('pages').selectAll().where('book_id', '=', bookId).where('id', '=', pageId).executeTakeFirst();
}

export async function maxSeq(db: Db, bookId: string): Promise<number> {
  const row = await db
    .selectFrom('pages')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** New pages; each row's province_code (the partition key) is its book's. */
export async function insertPages(db: Db, rows: Omit<Insertable<PagesTable>, 'province_code'>[]) {
  if (rows.length === 0) return [];
  const provinces = await provincesOf(
    db,
    'books',
    rows.map((r) => r.book_id),
  );
  return db
    .insertInto('pages')
    .values(rows.map((r) => ({ ...r, province_code: provinces.get(r.book_id) ?? provinceOfBook(r.book_id) })))
    .returningAll()
    .execute();
}

export async function findIngestFile(db: Db, bookId: string, sha256: string) {
  return db.selectFrom('ingest_files').selectAll().where('book_id', '=', bookId).where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertIngestFile(db: Db, row: Insertable<IngestFilesTable>) {
  return db.insertInto('ingest_files').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Sets every page's seq in one statement; the unique (book_id, seq) is checked at commit (deferred). */
export async function setSeqs(db: Transaction<Database>, bookId: string, order: readonly string[]): Promise<void> {
  await sql`set constraints all deferred`.execute(db);
  for (const [i, id] of order.entries()) {
    await db
      .updateTable('pages')
      .set({ seq: i + 1 })
      .where('book_id', '=', bookId)
      .where('id', '=', id)
      .execute();
  }
}

export async function setPageStatus(db: Db, bookId: string, pageId: string, status: string, note: string | undefined) {
  return db
    .updateTable('pages')
    .set({ status, ...(note === undefined ? {} : { note }) })
    .where('book_id', '=', bookId)
    .where('id', '=', pageId)
    .returningAll()
    .executeTakeFirst();
}

export async function bookDhashes(db: Db, bookId: string): Promise<{ id: string; seq: number; dhash: string }[]> {
  const rows = await db.selectFrom('pages').select(['id', 'seq', 'dhash']).where('book_id', '=', bookId).where('dhash', 'is not', null).execute();
  return rows.map((r) => ({ id: r.id, seq: r.seq, dhash: r.dhash! }));
}

/** A page by its id alone (IIIF), when its book is in the actor's scope. */
export async function findPageById(db: Db, actor: Actor, pageId: string) {
  return db.selectFrom('pages').selectAll().where('id', '=', pageId).where(bookInScope(actor, 'pages.book_id')).executeTakeFirst();
}
