/**
 * Progress queries over the package rollup (progress_package,
 * progress_package_daily, progress_package_live; kept exact by
 * package-rollup.ts) for a set of packages: done per package, stage and
 * register type; daily amounts of the recent days; the live totals that are
 * not planned (second keying of double-keyed books, disagreements). No book
 * is read: a province's dashboard reads a few rows per package.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

const inIds = (ids: readonly string[]) => sql`(select unnest(${sql.val([...ids])}::uuid[]))`;

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
export interface RecentRow {
  package_id: string;
  stage: string;
  /** The amounts of the 28 days ending today, index = today - day. */
  last28: Float64Array;
}

/** "ago:qty,ago:qty…" (one string per package and stage: a few hundred rows for a province instead of tens of thousands) as 28 amounts. */
function last28Of(pairs: string): Float64Array {
  const out = new Float64Array(28);
  for (const pair of pairs.split(',')) {
    const [ago, qty] = pair.split(':');
    out[Number(ago)] = Number(qty);
  }
  return out;
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
    select package_id, stage, day::text as day, qty::text as qty
    from progress_package_daily where package_id in ${inIds(ids)} order by 3`.execute(db);
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
  daily: RecentRow[];
  live: LiveRow[];
}

/** done, daily (the 28 days ending `today`, as days ago) and live totals of the packages in one statement over the package rollup (package-rollup.ts). */
export async function packageFacts(db: Db, ids: readonly string[], today: string): Promise<PackageFacts> {
  if (ids.length === 0) return { done: [], daily: [], live: [] };
  const { rows } = await sql<{ k: string; package_id: string; a: string | null; b: string | null; c: string; d: string; e: string; f: string }>`
    with pk as materialized ${inIds(ids)}
    select 'done' as k, package_id, stage as a, register_type as b, done::text as c, '' as d, '' as e, '' as f
      from progress_package where package_id in (select * from pk)
    union all
    select 'daily', package_id, stage, string_agg((${today}::date - day) || ':' || qty, ','), '', '', '', ''
      from progress_package_daily where package_id in (select * from pk) and day between ${today}::date - 27 and ${today}::date group by 2, 3
    union all
    select 'live', package_id, null, null, books::text, declared_pages::text, double_registrations::text, open_disagreements::text
      from progress_package_live where package_id in (select * from pk)`.execute(db);
  const out: PackageFacts = { done: [], daily: [], live: [] };
  for (const r of rows) {
    if (r.k === 'done') out.done.push({ package_id: r.package_id, stage: r.a!, register_type: r.b!, done: r.c });
    else if (r.k === 'daily') out.daily.push({ package_id: r.package_id, stage: r.a!, last28: last28Of(r.b!) });
    else out.live.push({ package_id: r.package_id, books: r.c, declared_pages: r.d, double_registrations: r.e, open_disagreements: r.f });
  }
  return out;
}
