/** Queries on imports (one row per import run, never updated). */
import { sql, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database, ImportRow, ImportsTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertImport(db: Db, row: Insertable<ImportsTable>): Promise<ImportRow> {
  return db.insertInto('imports').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An import the actor may read: her own, one into a book she sees, or any for who sees everything. */
export async function findImport(db: Db, actor: Actor, id: string): Promise<ImportRow | undefined> {
  let q = db.selectFrom('imports').selectAll().where('id', '=', id);
  if (actor.kind === 'user') {
    const all = sql<SqlBool>`exists (select 1 from user_grants g where g.user_id = ${actor.id} and g.kind = 'all')`;
    q = q.where((eb) => eb.or([eb('imports.imported_by', '=', actor.id), eb.and([eb('imports.book_id', 'is not', null), bookInScope(actor, 'imports.book_id')]), all]));
  }
  return q.executeTakeFirst();
}

/** Successful imports of this content (any book), oldest first. */
export async function findImportedBySha(db: Db, sha256: string): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().where('sha256', '=', sha256).where('status', '=', 'imported').orderBy('created_at').execute();
}

export async function listImports(db: Db, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

/** The values of a book's registrations (never keying passes), for the import's "already in the book" check. */
export async function listBookValues(db: Db, bookId: string): Promise<Record<string, string>[]> {
  const rows = await db.selectFrom('records').select('values').where('book_id', '=', bookId).where('keying_of', 'is', null).execute();
  return rows.map((r) => r.values);
}
