/**
 * Progress from facts, never typed: for every package of a campaign within
 * the reader's scope (optionally within one unit), each stage's done, total,
 * percent, 7/28-day throughput, forecast and status; rollups for every unit
 * the packages lie within (commune → district → province) and per
 * responsible organization, as exact sums of the packages. Reads the rollup
 * tables after a cheap refresh of the dirty books.
 */
import { assertPermission, readTolerant, type ActorContext } from '../auth/index.js';
import { vietnamDay } from '../audit/index.js';
import { NotFound } from '../core/index.js';
import type { StageStatus } from './forecast.js';
import * as plans from './plan.repo.js';
import { packageView, fieldCountOf, type PackageView } from './plan-views.js';
import { addAmounts, emptyByStage, overall, stageProgress, type AmountsByStage, type StageProgress } from './progress-math.js';
import { refreshProgress } from './progress-refresh.js';
import * as repo from './progress.repo.js';
import { STAGES, type Stage } from './stages.js';

export interface FieldsFigure {
  planned: number;
  done: number;
}
export interface Money {
  budget: number;
  toDate: number;
}

export interface PackageProgress {
  package: PackageView;
  unitName: string;
  booksFound: number;
  fields: FieldsFigure;
  cost: Money;
  stages: (StageProgress & { organizationId: string | null; organizationName: string | null; person: string })[];
  status: StageStatus;
  delayDays: number;
}

export interface Rollup {
  id: string;
  name: string;
  level: string | null;
  parentId: string | null;
  packages: number;
  packageIds: string[];
  fields: FieldsFigure;
  cost: Money;
  stages: StageProgress[];
  status: StageStatus;
  delayDays: number;
}

export interface ProgressView {
  today: string;
  campaignId: string | null;
  unitId: string | null;
  total: Rollup;
  packages: PackageProgress[];
  units: Rollup[];
  organizations: Rollup[];
}

export interface ProgressQuery {
  campaignId?: string | undefined;
  unitId?: string | undefined;
}

export interface Loaded {
  view: PackageView;
  amounts: AmountsByStage;
  fieldsDone: number;
  booksFound: number;
}

const num = (s: string | number | null | undefined) => Number(s ?? 0);

/** Total of each stage: the plan where it says one, what the books show where the plan cannot (second keying, disagreements). */
function totalOf(stage: Stage, p: PackageView, live: repo.LiveRow | undefined, arbitrationDone: number): number {
  const e = p.estimates;
  switch (stage) {
    case 'inventory':
    case 'handover':
    case 'loaded':
      return e.books || num(live?.books);
    case 'scan':
      return e.pages || num(live?.declared_pages);
    case 'key1':
    case 'acceptance':
      return e.registrations;
    case 'key2':
      return num(live?.double_registrations);
    case 'arbitration':
      return arbitrationDone + num(live?.open_disagreements);
  }
}

export async function loadPackages(ctx: ActorContext, views: PackageView[], today: string): Promise<Loaded[]> {
  const ids = views.map((v) => v.id);
  // The heavy read of the dashboard: from the read replica when there is one (src/store replica.ts).
  const { done, daily, live } = await readTolerant(ctx, (db) => repo.packageFacts(db, ids, today));
  const doneOf = groupBy(done, (r) => r.package_id);
  const dailyOf = groupBy(daily, (r) => r.package_id);
  const liveOf = new Map(live.map((r) => [r.package_id, r]));
  return views.map((view) => {
    const amounts = emptyByStage();
    let fieldsDone = 0;
    for (const r of doneOf.get(view.id) ?? []) {
      amounts[r.stage as Stage].done += num(r.done);
      if (r.stage === 'key1') fieldsDone += num(r.done) * fieldCountOf(r.register_type);
    }
    for (const r of dailyOf.get(view.id) ?? []) amounts[r.stage as Stage].last28 = r.last28;
    const l = liveOf.get(view.id);
    for (const s of view.stages) {
      amounts[s.stage].total = totalOf(s.stage, view, l, amounts[s.stage].done);
      amounts[s.stage].deadline = s.deadline;
    }
    return { view, amounts, fieldsDone, booksFound: num(l?.books) };
  });
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function costOf(view: PackageView, amounts: AmountsByStage): Money {
  return view.stages.reduce(
    (m, s) => ({ budget: m.budget + (s.unitPrice ?? 0) * amounts[s.stage].total, toDate: m.toDate + (s.unitPrice ?? 0) * Math.min(amounts[s.stage].done, amounts[s.stage].total || Infinity) }),
    { budget: 0, toDate: 0 },
  );
}

function rollupOf(id: string, name: string, level: string | null, parentId: string | null, members: Loaded[], today: string): Rollup {
  const sum = emptyByStage();
  const fields = { planned: 0, done: 0 };
  const cost = { budget: 0, toDate: 0 };
  for (const m of members) {
    for (const s of STAGES) addAmounts(sum[s], m.amounts[s]);
    fields.planned += m.view.estimates.fields;
    fields.done += m.fieldsDone;
    const c = costOf(m.view, m.amounts);
    cost.budget += c.budget;
    cost.toDate += c.toDate;
  }
  const stages = STAGES.map((s) => stageProgress(s, sum[s], today));
  return { id, name, level, parentId, packages: members.length, packageIds: members.map((m) => m.view.id), fields, cost, stages, ...overall(stages) };
}

/** The live packages of the query (campaign, unit) within the reader's scope, and the units they lie within. */
export async function packagesInFocus(ctx: ActorContext, q: ProgressQuery) {
  const db = ctx.store.db;
  const rows = await plans.listPackageRows(db, ctx.actor, q.campaignId);
  const ancestors = await repo.ancestorsOf(
    db,
    rows.map((r) => r.unit_id),
  );
  if (q.unitId && !ancestors.some((a) => a.within_id === q.unitId) && !(await plans.unitExists(db, q.unitId))) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị ${q.unitId}.`);
  const focusUnits = new Set(ancestors.filter((a) => a.within_id === q.unitId).map((a) => a.unit_id));
  const inFocus = q.unitId ? rows.filter((r) => focusUnits.has(r.unit_id)) : rows;
  return { inFocus, ancestors };
}

export async function getProgress(ctx: ActorContext, q: ProgressQuery = {}): Promise<ProgressView> {
  assertPermission(ctx.actor, 'plans.read');
  await refreshProgress(ctx.store.db);
  const db = ctx.store.db;
  const today = vietnamDay(ctx.clock());
  const { inFocus, ancestors } = await packagesInFocus(ctx, q);
  const stageRows = await plans.listStageRows(
    db,
    inFocus.map((r) => r.id),
  );
  const loaded = await loadPackages(
    ctx,
    inFocus.map((r) => packageView(r, stageRows)),
    today,
  );
  const orgIds = stageRows.map((s) => s.organization_id).filter((x): x is string => !!x);
  const orgNames = await repo.organizationNames(db, orgIds);
  const unitName = new Map(ancestors.map((a) => [a.within_id, `${a.kind} ${a.name}`]));
  return {
    today,
    campaignId: q.campaignId ?? null,
    unitId: q.unitId ?? null,
    total: rollupOf(q.unitId ?? 'all', q.unitId ? (unitName.get(q.unitId) ?? q.unitId) : 'Toàn bộ', null, null, loaded, today),
    packages: loaded.map((l) => packageProgress(l, unitName.get(l.view.unitId) ?? l.view.unitId, orgNames, today)),
    units: unitRollups(loaded, ancestors, today),
    organizations: orgRollups(loaded, orgNames, today),
  };
}

function packageProgress(l: Loaded, unitName: string, orgNames: Map<string, string>, today: string): PackageProgress {
  const stages = l.view.stages.map((s) => ({
    ...stageProgress(s.stage, l.amounts[s.stage], today),
    organizationId: s.organizationId,
    organizationName: s.organizationId ? (orgNames.get(s.organizationId) ?? null) : null,
    person: s.person,
  }));
  return { package: l.view, unitName, booksFound: l.booksFound, fields: { planned: l.view.estimates.fields, done: l.fieldsDone }, cost: costOf(l.view, l.amounts), stages, ...overall(stages) };
}

function unitRollups(loaded: Loaded[], ancestors: repo.AncestorRow[], today: string): Rollup[] {
  const units = new Map<string, repo.AncestorRow>();
  const members = new Map<string, Loaded[]>();
  const byUnit = groupBy(ancestors, (a) => a.unit_id);
  for (const l of loaded) {
    for (const a of byUnit.get(l.view.unitId) ?? []) {
      units.set(a.within_id, a);
      const list = members.get(a.within_id);
      if (list) list.push(l);
      else members.set(a.within_id, [l]);
    }
  }
  return [...units.values()].map((u) => rollupOf(u.within_id, `${u.kind} ${u.name}`, u.level, u.parent_id, members.get(u.within_id) ?? [], today)).sort((a, b) => a.id.localeCompare(b.id));
}

/** Per responsible organization: the stages it answers for, summed over packages. */
function orgRollups(loaded: Loaded[], orgNames: Map<string, string>, today: string): Rollup[] {
  return [...orgNames].map(([orgId, name]) => {
    const sum = emptyByStage();
    let packages = 0;
    for (const l of loaded) {
      const mine = l.view.stages.filter((s) => s.organizationId === orgId);
      if (mine.length > 0) packages += 1;
      for (const s of mine) addAmounts(sum[s.stage], l.amounts[s.stage]);
    }
    const stages = STAGES.map((s) => stageProgress(s, sum[s], today));
    return { id: orgId, name, level: null, parentId: null, packages, packageIds: [], fields: { planned: 0, done: 0 }, cost: { budget: 0, toDate: 0 }, stages, ...overall(stages) };
  });
}
