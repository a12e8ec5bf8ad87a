/**
 * The dashboard's read over the package rollup (progress_package,
 * progress_package_daily, progress_package_live; kept exact by
 * package-rollup.ts): ONE statement that answers, for the live packages of a
 * campaign within the reader's scope (the scope is part of the statement, so
 * one snapshot decides both what is seen and its figures) and optionally
 * within one unit, each package with its stages, its done per stage and
 * register type, its amounts of the 28 days ending today and its live totals
 * (second keying, disagreements), the units the packages lie within, the
 * responsible organizations' names and whether books wait to be refreshed,
 * as one JSON document. The 28-day window comes from the monthly fold
 * (progress_package_month, at most two rows per package and stage). No book
 * is read: a province's dashboard reads a few rows per package.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { unitInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

const inIds = (ids: readonly string[]) => sql`(select unnest(${sql.val([...ids])}::uuid[]))`;

export interface DailyRow {
  package_id: string;
  stage: string;
  day: string;
  qty: string;
}

/** Burn-up series: amount per package, stage and day, every day (the service accumulates). */
export async function historyByPackage(db: Db, ids: readonly string[]): Promise<DailyRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<DailyRow>`
    select package_id, stage, day::text as day, qty::text as qty
    from progress_package_daily where package_id in ${inIds(ids)} order by 3`.execute(db);
  return rows;
}

export interface StageRowJson {
  stage: string;
  deadline: string | null;
  organization_id: string | null;
  person: string;
  unit_price: number | null;
}

export interface LiveJson {
  books: number;
  declared_pages: number;
  double_registrations: number;
  open_disagreements: number;
}

/** One package as the dashboard reads it. */
export interface PackageJson {
  id: string;
  campaign_id: string;
  unit_id: string;
  register_types: string[];
  year_from: number;
  year_to: number;
  est_books: number;
  est_pages: number;
  est_registrations: number;
  est_fields: number;
  note: string;
  version: number;
  stages: StageRowJson[] | null;
  /** [stage, register type, done] */
  done: [string, string, number][] | null;
  /** [stage, month (its first day), days of the month, their amounts] for the months that overlap the 28 days ending today (progress_package_month) */
  months: [string, string, number[], number[]][] | null;
  live: LiveJson | null;
}

export interface UnitJson {
  id: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
}

export interface DashboardRead {
  /** Books wait in progress_dirty: the figures may be behind (the service refreshes them and reads again). */
  dirty: boolean;
  packages: PackageJson[];
  /** [unit, a unit it lies within (itself included)] for the packages' units. */
  within: [string, string][];
  /** The units of `within`. */
  units: UnitJson[];
  /** The unit asked for (null when none was asked or it does not exist). */
  focus: { name: string; kind: string } | null;
  organizations: Record<string, string> | null;
}

export interface DashboardQuery {
  campaignId?: string | undefined;
  unitId?: string | undefined;
}

/** The dashboard's figures in one statement (see the header); packages in unit, first year, id order. */
export async function dashboardRead(db: Db, actor: Actor, q: DashboardQuery, today: string): Promise<DashboardRead> {
  const campaign = q.campaignId ? sql`and p.campaign_id = ${q.campaignId}` : sql``;
  const unit = q.unitId ? sql`and exists (select 1 from admin_unit_within fw where fw.unit_id = p.unit_id and fw.within_id = ${q.unitId})` : sql``;
  const { rows } = await sql<{ d: DashboardRead }>`
    with pk as materialized (
      select p.id, p.campaign_id, p.unit_id, p.register_types, p.year_from, p.year_to, p.est_books, p.est_pages, p.est_registrations, p.est_fields, p.note, p.version
      from plan_packages p where p.removed_at is null and ${unitInScope(actor, 'p.unit_id')} ${campaign} ${unit})
    select json_build_object(
      'dirty', exists (select 1 from progress_dirty),
      'packages', coalesce((select json_agg(json_build_object(
          'id', pk.id, 'campaign_id', pk.campaign_id, 'unit_id', pk.unit_id, 'register_types', pk.register_types, 'year_from', pk.year_from, 'year_to', pk.year_to,
          'est_books', pk.est_books, 'est_pages', pk.est_pages, 'est_registrations', pk.est_registrations, 'est_fields', pk.est_fields, 'note', pk.note, 'version', pk.version,
          'stages', (select json_agg(json_build_object('stage', s.stage, 'deadline', s.deadline, 'organization_id', s.organization_id, 'person', s.person, 'unit_price', s.unit_price))
            from plan_package_stages s where s.package_id = pk.id),
          'done', (select json_agg(json_build_array(g.stage, g.register_type, g.done)) from progress_package g where g.package_id = pk.id),
          'months', (select json_agg(json_build_array(m.stage, m.month, m.days, m.qty)) from progress_package_month m
              where m.package_id = pk.id and m.month between date_trunc('month', ${today}::date - 27)::date and ${today}::date),
          'live', (select json_build_object('books', l.books, 'declared_pages', l.declared_pages, 'double_registrations', l.double_registrations, 'open_disagreements', l.open_disagreements)
            from progress_package_live l where l.package_id = pk.id)
        ) order by pk.unit_id, pk.year_from, pk.id) from pk), '[]'),
      'within', coalesce((select json_agg(json_build_array(w.unit_id, w.within_id)) from admin_unit_within w where w.unit_id in (select unit_id from pk)), '[]'),
      'units', coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name, 'kind', u.kind, 'level', u.level, 'parent_id', u.parent_id)) from admin_units u
          where u.id in (select w.within_id from admin_unit_within w where w.unit_id in (select unit_id from pk))), '[]'),
      'focus', (select json_build_object('name', u.name, 'kind', u.kind) from admin_units u where u.id = ${q.unitId ?? null}::text),
      'organizations', (select json_object_agg(o.id, o.name) from organizations o
          where o.id in (select s.organization_id from plan_package_stages s where s.package_id in (select id from pk)))
    ) as d`.execute(db);
  return rows[0]!.d;
}
