/**
 * The partition key of the big tables (migration 0032, docs/SCALE.md §3):
 * records, record_actions and pages are partitioned by the province of their
 * book (books.province_code, set by the database when the book is inserted).
 * A writer names the province of each row it inserts with these expressions;
 * the composite foreign keys refuse a wrong one. Both are a subquery the
 * database evaluates in the INSERT itself (one index probe), so the writer
 * needs no extra round trip. A bulk writer (hundreds of rows a statement)
 * reads the provinces once with `provincesOf` and writes them as values: a
 * statement with a thousand subqueries spends most of its time planning
 * them (measured: an import-sized insert of actions 2.7 × slower).
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** The province_code of a book, for a records or pages row of that book. */
export const provinceOfBook = (bookId: string): RawBuilder<string> => sql<string>`(select b.province_code from books b where b.id = ${bookId})`;

/** The province_code of a record, for a record_actions row of that record. */
export const provinceOfRecord = (recordId: string): RawBuilder<string> => sql<string>`(select r.province_code from records r where r.id = ${recordId})`;

/** The province_code of many books or records (by id), in one query: for a bulk insert. */
export async function provincesOf(db: Kysely<Database> | Transaction<Database>, table: 'books' | 'records', ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<{ id: string; province_code: string }>`select id, province_code from ${sql.table(table)} where id = any(${unique}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.province_code]));
}
