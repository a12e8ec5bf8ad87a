/**
 * Which books a work package covers, as SQL: the book's registering authority
 * lies within the package's unit (admin_unit_within: any level, the old
 * communes merged into a 2025 one included), its register type is one of the
 * package's, and its years overlap the package's range (an open book, year_to
 * null, counts by its first year).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export function bookInPackage(pkg: string, book: string): RawBuilder<SqlBool> {
  const p = (c: string) => sql.ref(`${pkg}.${c}`);
  const b = (c: string) => sql.ref(`${book}.${c}`);
  return sql<SqlBool>`(exists (select 1 from admin_unit_within w where w.within_id = ${p('unit_id')} and w.unit_id = ${b('authority_unit_code')})
    and ${p('register_types')} @> to_jsonb(${b('register_type')}::text)
    and ${b('year_from')} <= ${p('year_to')} and coalesce(${b('year_to')}, ${b('year_from')}) >= ${p('year_from')})`;
}
