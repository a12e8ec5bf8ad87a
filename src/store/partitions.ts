/**
 * The partition key of the big tables (migration 0032, docs/SCALE.md §3):
 * records, record_actions and pages are partitioned by the province of their
 * book (books.province_code, set by the database when the book is inserted).
 * A writer names the province of each row it inserts with these expressions;
 * the composite foreign keys refuse a wrong one. Both are a subquery the
 * database evaluates in the INSERT itself (one index probe), so the writer
 * needs no extra round trip.
 */
import { sql, type RawBuilder } from 'kysely';

/** The province_code of a book, for a records or pages row of that book. */
export const provinceOfBook = (bookId: string): RawBuilder<string> => sql<string>`(select b.province_code from books b where b.id = ${bookId})`;

/** The province_code of a record, for a record_actions row of that record. */
export const provinceOfRecord = (recordId: string): RawBuilder<string> => sql<string>`(select r.province_code from records r where r.id = ${recordId})`;
