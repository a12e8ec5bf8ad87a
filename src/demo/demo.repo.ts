/**
 * The demo's own query: is the inventory empty (records are keyed through
 * the entry service).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

export async function countBooks(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('books').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
