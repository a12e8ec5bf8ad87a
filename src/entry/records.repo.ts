/** Queries on the records projection (the keying workbench will add writes). */
import type { Kysely } from 'kysely';
import type { Database, RecordRow } from '../store/index.js';

export async function findRecord(db: Kysely<Database>, id: string): Promise<RecordRow | undefined> {
  return db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A book's records in registration order: by số when numeric, then by creation. */
export async function listRecordsOfBook(db: Kysely<Database>, bookId: string): Promise<RecordRow[]> {
  const rows = await db.selectFrom('records').selectAll().where('book_id', '=', bookId).orderBy('created_at').execute();
  const num = (r: RecordRow) => Number.parseInt(String(r.values.so ?? ''), 10);
  return rows.sort((a, b) => (Number.isNaN(num(a)) ? Infinity : num(a)) - (Number.isNaN(num(b)) ? Infinity : num(b)));
}
