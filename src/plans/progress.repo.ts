/**
 * Progress queries over the rollup (progress_book, progress_daily) for a set
 * of packages: done per package, stage and register type; daily amounts of
 * the recent days; the live totals that are not planned (second keying of
 * double-keyed books, disagreements). Books join packages through
 * admin_unit_within and the books_plan_unit_idx index.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Books of the packages: (package_id, book_id, register_type, page_count). */
const packageBooks = (ids: readonly string[]) => sql`(
  select p.id as package_id, b.id as book_id, b.register_type, b.page_count
  from plan_packages p
  join admin_unit_within w on w.within_id = p.unit_id
  join books b on b.authority_unit_code = w.unit_id
    and p.register_types @> to_jsonb(b.register_type::text)
    and b.year_from <= p.year_to and coalesce(b.year_to, b.year_from) >= p.year_from
  where p.id in (select unnest(${sql.val([...ids])}::uuid[])))`;

export interface DoneRow {
  package_id: string;
  stage: string;
  register_type: string;
  done: string;
}
export interface DailyRow {
  package_id: string;
  stage: string;
  day: string;
  qty: string;
}
export interface LiveRow {
  package_id: string;
  books: string;
  declared_pages: string;
  double_registrations: string;
  open_disagreements: string;
}

/** Burn-up series: amount per package, stage and day, every day (the service accumulates). */
export async function historyByPackage(db: Db, ids: readonly string[]): Promise<DailyRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<DailyRow>`
    select pb_.package_id, d.stage, d.day::text as day, sum(d.qty)::text as qty
    from ${packageBooks(ids)} pb_ join progress_daily d on d.book_id = pb_.book_id
    group by 1, 2, 3 order by 3`.execute(db);
  return rows;
}

export interface AncestorRow {
  unit_id: string;
  within_id: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
}

/** Every unit each of these units lies within (itself included), with its name, level and parent. */
export async function ancestorsOf(db: Db, unitIds: readonly string[]): Promise<AncestorRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('admin_unit_within as w')
    .innerJoin('admin_units as u', 'u.id', 'w.within_id')
    .select(['w.unit_id', 'w.within_id', 'u.name', 'u.kind', 'u.level', 'u.parent_id'])
    .where('w.unit_id', 'in', [...new Set(unitIds)])
    .execute();
}

export async function organizationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface PackageFacts {
  done: DoneRow[];
  daily: DailyRow[];
  live: LiveRow[];
}

/** done, daily (since `since`) and live totals of the packages in one statement (the package's books found once). */
export async function packageFacts(db: Db, ids: readonly string[], since: string): Promise<PackageFacts> {
  if (ids.length === 0) return { done: [], daily: [], live: [] };
  const { rows } = await sql<{ k: string; package_id: string; a: string | null; b: string | null; c: string; d: string; e: string }>`
    with pb_ as materialized ${packageBooks(ids)},
    open_d as (select r.book_id, count(*) as n from qc_disagreements d join records r on r.id = d.record_id where d.status = 'open' group by 1),
    dbl as (select book_id from qc_book_settings where mode like 'double%')
    select 'done' as k, pb_.package_id, g.stage as a, pb_.register_type as b, sum(g.done)::text as c, '' as d, '' as e
      from pb_ join progress_book g on g.book_id = pb_.book_id group by 2, 3, 4
    union all
    select 'daily', pb_.package_id, d.stage, d.day::text, sum(d.qty)::text, '', ''
      from pb_ join progress_daily d on d.book_id = pb_.book_id and d.day >= ${since}::date group by 2, 3, 4
    union all
    select 'live', pb_.package_id, null, null, count(*)::text, coalesce(sum(pb_.page_count), 0)::text,
      (coalesce(sum(g.done) filter (where dbl.book_id is not null), 0)::text || '/' || coalesce(sum(open_d.n), 0)::text)
      from pb_ left join open_d on open_d.book_id = pb_.book_id left join dbl on dbl.book_id = pb_.book_id
      left join progress_book g on g.book_id = pb_.book_id and g.stage = 'key1' group by 2`.execute(db);
  const out: PackageFacts = { done: [], daily: [], live: [] };
  for (const r of rows) {
    if (r.k === 'done') out.done.push({ package_id: r.package_id, stage: r.a!, register_type: r.b!, done: r.c });
    else if (r.k === 'daily') out.daily.push({ package_id: r.package_id, stage: r.a!, day: r.b!, qty: r.c });
    else {
      const [dbl, open] = r.e.split('/');
      out.live.push({ package_id: r.package_id, books: r.c, declared_pages: r.d, double_registrations: dbl!, open_disagreements: open! });
    }
  }
  return out;
}
