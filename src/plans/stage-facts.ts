/**
 * THE mapping from the operational tables to stage progress, in one place
 * (when books, records or QC change shape, change this file — and, for a new
 * source table, add a dirty-marking trigger in a migration like 0017):
 *   inventory   1 book on the day the book was inventoried (books.created_at)
 *   scan        pages with an image (not missing), on the day they were stored
 *   key1        registrations (records.keying_of null) past draft, on their completion day
 *   key2        second keying passes (keying_pass 'B') past draft, on their completion day
 *   arbitration disagreeing fields resolved, on the day decided
 *   acceptance  the book's registrations, on the day the first accepted QC lot
 *               covering the book was decided (or the book reached status
 *               accepted/exported, on its last update)
 *   handover    1 book on the day its first export was signed off
 *   loaded      1 book on the day of its confirmed load into the national system
 * Days are Vietnam local days. `stageFacts(filter)` is the full recomputation
 * from raw tables, for a set of books (the refresh) or all (tests, baseline).
 */
import { sql, type RawBuilder } from 'kysely';

const day = (ts: RawBuilder<unknown>) => sql`(${ts} at time zone 'Asia/Ho_Chi_Minh')::date`;
const completed = (r: string) => sql.raw(`${r}.status <> 'draft'`);

/** Facts (book_id, stage, day, qty) for the books whose id satisfies `bookFilter(col)`. */
export function stageFacts(bookFilter: (col: RawBuilder<unknown>) => RawBuilder<unknown>): RawBuilder<{ book_id: string; stage: string; day: string; qty: string }> {
  const f = (col: string) => bookFilter(sql.ref(col));
  return sql`
    select b.id as book_id, 'inventory' as stage, ${day(sql`b.created_at`)} as day, 1::bigint as qty from books b where ${f('b.id')}
    union all
    select p.book_id, 'scan', ${day(sql`p.created_at`)}, count(*) from pages p
      where ${f('p.book_id')} and p.blob_sha256 is not null and p.status <> 'missing' group by 1, 3
    union all
    select r.book_id, 'key1', ${day(sql`coalesce(r.completed_at, r.updated_at)`)}, count(*) from records r
      where ${f('r.book_id')} and r.keying_of is null and ${completed('r')} group by 1, 3
    union all
    select r.book_id, 'key2', ${day(sql`coalesce(r.completed_at, r.updated_at)`)}, count(*) from records r
      where ${f('r.book_id')} and r.keying_pass = 'B' and ${completed('r')} group by 1, 3
    union all
    select r.book_id, 'arbitration', ${day(sql`d.decided_at`)}, count(*) from qc_disagreements d join records r on r.id = d.record_id
      where ${f('r.book_id')} and d.status = 'resolved' group by 1, 3
    union all
    select a.book_id, 'acceptance', ${day(sql`a.at`)}, a.n from (
      select b.id as book_id, least(
          (select min(l.decided_at) from qc_lots l where l.status = 'accepted'
             and l.scope->'books' @> jsonb_build_array(jsonb_build_object('id', b.id::text))),
          case when b.status in ('accepted', 'exported') then b.updated_at end) as at,
        (select count(*) from records r where r.book_id = b.id and r.keying_of is null and ${completed('r')}) as n
      from books b where ${f('b.id')}) a
      where a.at is not null and a.n > 0
    union all
    select e.book_id, 'handover', ${day(sql`min(e.signed_off_at)`)}, 1::bigint from exports e
      where ${f('e.book_id')} and e.signed_off_at is not null group by 1
    union all
    select l.book_id, 'loaded', l.loaded_on, 1::bigint from plan_book_loads l where ${f('l.book_id')}`;
}
