/** Queries on imports (one row per import run, never updated). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ImportRow, ImportsTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertImport(db: Db, row: Insertable<ImportsTable>): Promise<ImportRow> {
  return db.insertInto('imports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Successful imports of this content (any book), oldest first. */
export async function findImportedBySha(db: Db, sha256: string): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().where('sha256', '=', sha256).where('status', '=', 'imported').orderBy('created_at').execute();
}

export async function listImports(db: Db, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
