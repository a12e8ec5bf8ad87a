/**
 * Progress from facts, never typed: for every package of a campaign within
 * the reader's scope (optionally within one unit), each stage's done, total,
 * percent, 7/28-day throughput, forecast and status; rollups for every unit
 * the packages lie within (commune → district → province) and per
 * responsible organization, as exact sums of the packages. Reads the rollup
 * tables in one statement that also checks the scope (progress.repo.ts);
 * when books wait to be refreshed, refreshes them and reads again.
 */
import { assertPermission, readTolerant, type ActorContext } from '../auth/index.js';
import { vietnamDay } from '../audit/index.js';
import { NotFound } from '../core/index.js';
import { daysBetween, type StageStatus } from './forecast.js';
import { packageViewOf, fieldCountOf, type PackageView } from './plan-views.js';
import { addAmounts, emptyByStage, overall, stageProgress, WINDOW_DAYS, type AmountsByStage, type StageProgress } from './progress-math.js';
import { refreshProgress } from './progress-refresh.js';
import * as repo from './progress.repo.js';
import { isStage, STAGES, type Stage } from './stages.js';

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

interface Loaded {
  view: PackageView;
  amounts: AmountsByStage;
  fieldsDone: number;
  booksFound: number;
}

/** Total of each stage: the plan where it says one, what the books show where the plan cannot (second keying, disagreements). */
function totalOf(stage: Stage, p: PackageView, live: repo.LiveJson | null, arbitrationDone: number): number {
  const e = p.estimates;
  switch (stage) {
    case 'inventory':
    case 'handover':
    case 'loaded':
      return e.books || (live?.books ?? 0);
    case 'scan':
      return e.pages || (live?.declared_pages ?? 0);
    case 'key1':
    case 'acceptance':
      return e.registrations;
    case 'key2':
      return live?.double_registrations ?? 0;
    case 'arbitration':
      return arbitrationDone + (live?.open_disagreements ?? 0);
  }
}

/** A package's amounts per stage from what the dashboard read holds for it. */
function loadedOf(p: repo.PackageJson, today: string): Loaded {
  const view = packageViewOf(p, p.stages ?? []);
  const amounts = emptyByStage();
  let fieldsDone = 0;
  for (const [stage, registerType, done] of p.done ?? []) {
    if (!isStage(stage)) continue;
    amounts[stage].done += done;
    if (stage === 'key1') fieldsDone += done * fieldCountOf(registerType);
  }
  for (const [stage, month, days, qty] of p.months ?? []) {
    if (!isStage(stage)) continue;
    const last28 = amounts[stage].last28;
    const monthAgo = daysBetween(month, today);
    for (let i = 0; i < days.length; i++) {
      const ago = monthAgo - (days[i]! - 1);
      if (ago >= 0 && ago < WINDOW_DAYS) last28[ago] = qty[i]!;
    }
  }
  for (const s of view.stages) {
    amounts[s.stage].total = totalOf(s.stage, view, p.live, amounts[s.stage].done);
    amounts[s.stage].deadline = s.deadline;
  }
  return { view, amounts, fieldsDone, booksFound: p.live?.books ?? 0 };
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

/**
 * The dashboard read (scope included, one statement): from the read replica
 * when there is one (src/store replica.ts). When its snapshot shows books
 * waiting in progress_dirty, they are refreshed and the figures read again,
 * so a read never answers figures behind the facts.
 */
async function dashboardRead(ctx: ActorContext, q: ProgressQuery, today: string): Promise<repo.DashboardRead> {
  const read = () => readTolerant(ctx, (db) => repo.dashboardRead(db, ctx.actor, q, today));
  const first = await read();
  if (!first.dirty) return first;
  await refreshProgress(ctx.store.db);
  return read();
}

interface AncestorRow {
  unit_id: string;
  within_id: string;
  name: string;
  kind: string;
  level: string;
  parent_id: string | null;
}

/** Every unit each package's unit lies within (itself included), with its name, level and parent. */
function ancestorsOf(read: repo.DashboardRead): AncestorRow[] {
  const units = new Map(read.units.map((u) => [u.id, u]));
  return read.within.flatMap(([unitId, withinId]) => {
    const u = units.get(withinId);
    return u ? [{ unit_id: unitId, within_id: withinId, name: u.name, kind: u.kind, level: u.level, parent_id: u.parent_id }] : [];
  });
}

export async function getProgress(ctx: ActorContext, q: ProgressQuery = {}): Promise<ProgressView> {
  assertPermission(ctx.actor, 'plans.read');
  const today = vietnamDay(ctx.clock());
  const read = await dashboardRead(ctx, q, today);
  if (q.unitId && !read.focus) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị ${q.unitId}.`);
  const loaded = read.packages.map((p) => loadedOf(p, today));
  const orgNames = new Map(Object.entries(read.organizations ?? {}));
  const ancestors = ancestorsOf(read);
  const unitName = new Map(read.units.map((u) => [u.id, `${u.kind} ${u.name}`]));
  const focusName = read.focus ? `${read.focus.kind} ${read.focus.name}` : 'Toàn bộ';
  return {
    today,
    campaignId: q.campaignId ?? null,
    unitId: q.unitId ?? null,
    total: rollupOf(q.unitId ?? 'all', focusName, null, null, loaded, today),
    packages: loaded.map((l) => packageProgress(l, unitName.get(l.view.unitId) ?? l.view.unitId, orgNames, today)),
    units: unitRollups(loaded, ancestors, today),
    organizations: orgRollups(loaded, orgNames, today),
  };
}

function packageProgress(l: Loaded, unitName: string, orgNames: Map<string, string>, today: string): PackageProgress {
  const stages = l.view.stages.map((s) =>
    Object.assign(stageProgress(s.stage, l.amounts[s.stage], today), {
      organizationId: s.organizationId,
      organizationName: s.organizationId ? (orgNames.get(s.organizationId) ?? null) : null,
      person: s.person,
    }),
  );
  return { package: l.view, unitName, booksFound: l.booksFound, fields: { planned: l.view.estimates.fields, done: l.fieldsDone }, cost: costOf(l.view, l.amounts), stages, ...overall(stages) };
}

function unitRollups(loaded: Loaded[], ancestors: AncestorRow[], today: string): Rollup[] {
  const units = new Map<string, AncestorRow>();
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
