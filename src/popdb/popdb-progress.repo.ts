/**
 * The comparison's progress per unit, in one statement from the popdb
 * tables: for the unit asked (or the top-level units when none) and the
 * units directly below it, over the registrations of the books whose
 * authority lies within each (admin_unit_within) and that the reader sees
 * (bookInScope, inside the same statement): sent (listed in a match-key
 * file, or come back in a result file), returned (a result came back), by
 * the class of the latest result of each registration, and the differences
 * and conflicts decided or still open (rows, as the conflict queue counts
 * them). Only the books within the units shown and in the reader's scope
 * are read (bk), never the popdb tables of the whole province.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { bookInScope, unitInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ComparisonRow {
  id: string;
  name: string;
  kind: string;
  level: string;
  focus: boolean;
  visible: boolean;
  sent: number;
  returned: number;
  same: number;
  differs: number;
  not_found: number;
  id_conflict: number;
  decided: number;
  open: number;
}

export async function comparisonRows(db: Db, actor: Actor, unitId: string | null): Promise<ComparisonRow[]> {
  const { rows } = await sql<ComparisonRow>`
    with shown as (
      select u.id, u.name, u.kind, u.level, u.id = ${unitId}::text as focus, ${unitInScope(actor, 'u.id')} as visible from admin_units u
      where (${unitId}::text is null and u.parent_id is null) or u.id = ${unitId}::text or u.parent_id = ${unitId}::text),
    bk as (select distinct b.id, b.authority_unit_code as unit_id from shown sh join admin_unit_within w on w.within_id = sh.id
      join books b on b.authority_unit_code = w.unit_id where ${bookInScope(actor, 'b.id')}),
    sent as (select book_id, count(*) as n from (select book_id, record_id from popdb_export_records where book_id in (select id from bk)
      union select book_id, record_id from popdb_rows where book_id in (select id from bk)) s group by 1),
    latest as (select distinct on (r.record_id) r.record_id, r.book_id, r.class from popdb_rows r join popdb_batches b on b.id = r.batch_id
      where r.book_id in (select id from bk) order by r.record_id, b.created_at desc, r.batch_id desc),
    res as (select book_id, count(*) as returned, count(*) filter (where class = 'same') as same, count(*) filter (where class = 'differs') as differs,
        count(*) filter (where class = 'not_found') as not_found, count(*) filter (where class = 'id_conflict') as id_conflict from latest group by 1),
    conf as (select r.book_id, count(d.id) as decided, count(*) - count(d.id) as open from popdb_rows r left join popdb_decisions d on d.row_id = r.id
      where r.class in ('differs', 'id_conflict') and r.book_id in (select id from bk) group by 1),
    per_book as (select bk.unit_id, s.n as sent, coalesce(x.returned, 0) as returned, coalesce(x.same, 0) as same, coalesce(x.differs, 0) as differs,
        coalesce(x.not_found, 0) as not_found, coalesce(x.id_conflict, 0) as id_conflict, coalesce(c.decided, 0) as decided, coalesce(c.open, 0) as open
      from sent s join bk on bk.id = s.book_id left join res x on x.book_id = s.book_id left join conf c on c.book_id = s.book_id),
    per_unit as (select sh.id, sum(p.sent) as sent, sum(p.returned) as returned, sum(p.same) as same, sum(p.differs) as differs, sum(p.not_found) as not_found,
        sum(p.id_conflict) as id_conflict, sum(p.decided) as decided, sum(p.open) as open
      from shown sh join admin_unit_within w on w.within_id = sh.id join per_book p on p.unit_id = w.unit_id group by 1)
    select sh.id, sh.name, sh.kind, sh.level, coalesce(sh.focus, false) as focus, sh.visible,
      coalesce(u.sent, 0)::int as sent, coalesce(u.returned, 0)::int as returned, coalesce(u.same, 0)::int as same, coalesce(u.differs, 0)::int as differs,
      coalesce(u.not_found, 0)::int as not_found, coalesce(u.id_conflict, 0)::int as id_conflict, coalesce(u.decided, 0)::int as decided, coalesce(u.open, 0)::int as open
    from shown sh left join per_unit u on u.id = sh.id order by sh.focus desc nulls last, sh.name, sh.id`.execute(db);
  return rows;
}
