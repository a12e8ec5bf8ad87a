/**
 * Keyers' throughput next to their QC accuracy (the campaign dashboard):
 * per keyer and per organization (users.organization_id), over the last 7
 * and 28 days (Vietnam days, today included): registrations keyed per day,
 * and fields keyed per hour of active keying time, next to the keyer's
 * accuracy as src/qc computes it (listKeyerAccuracy: arbitration, review and
 * sampling error rates with Clopper–Pearson intervals, and her mode).
 * "Keyed" = a record past draft (a registration or a keying pass A/B) whose
 * keyed_by is the keyer, counted on its completion day; only books in the
 * reader's scope count. keyed_by is the last author of the record's values,
 * so a registration corrected later counts for who corrected it.
 * Fields = registrations keyed × the catalog's field count for the register
 * type (fieldCountOf, as the plans count fields; empty columns count too).
 * Active hours = her keying sessions in the action log (keyer-hours.repo.ts:
 * actions less than 10 minutes apart form a session of last − first action
 * + 1 minute). Fields per hour = fields / active hours, null without active
 * time; an organization's = the sum of its keyers' fields / the sum of their hours.
 */
import { sql } from 'kysely';
import { bookInScope, userDisplayNames, type ActorContext } from '../auth/index.js';
import { listKeyerAccuracy, rateStats, type KeyerAccuracy } from '../qc/index.js';
import { addDays } from './forecast.js';
import { vietnamDay } from '../audit/index.js';
import { fieldCountOf } from './plan-views.js';
import { activeSeconds, notImported } from './keyer-hours.repo.js';

/** The throughput figures of a keyer or an organization over the last 7 and 28 days. */
export interface Throughput {
  keyed7: number;
  keyed28: number;
  /** Registrations keyed per day (keyed7 / 7, keyed28 / 28), two decimals. */
  perDay7: number;
  perDay28: number;
  /** Registrations keyed × the catalog's field count of their register type. */
  fields7: number;
  fields28: number;
  /** Active keying time from the action log, in hours (two decimals). */
  activeHours7: number;
  activeHours28: number;
  /** fields / active hours (one decimal, from the unrounded seconds), null without active time. */
  fieldsPerHour7: number | null;
  fieldsPerHour28: number | null;
}

export interface KeyerThroughputRow extends Throughput {
  keyerId: string;
  name: string;
  organizationId: string | null;
  organizationName: string;
  /** From src/qc (null when no QC outcome of the keyer is known yet). */
  accuracy: KeyerAccuracy | null;
  /** All sources and field groups of `accuracy` together: 1 − error rate, with the two-sided 95 % Clopper–Pearson interval; null without checked fields. */
  overall: { fields: number; errors: number; accuracy: number; lower: number; upper: number } | null;
}

export function overallOf(a: KeyerAccuracy | undefined): KeyerThroughputRow['overall'] {
  if (!a) return null;
  const parts = Object.values(a.bySource).flatMap((s) => [s.critical, s.other]);
  const fields = parts.reduce((n, p) => n + p.units, 0);
  const errors = parts.reduce((n, p) => n + p.errors, 0);
  if (fields === 0) return null;
  const r = rateStats(errors, fields);
  return { fields, errors, accuracy: 1 - r.rate, lower: 1 - r.interval.upper, upper: 1 - r.interval.lower };
}

/** Its keyers' counts and active seconds together. */
export interface OrganizationThroughput extends Throughput {
  organizationId: string | null;
  organizationName: string;
  keyers: number;
}

/** What the figures are derived from: registrations and fields keyed, active seconds, per window. */
interface Counts {
  n7: number;
  n28: number;
  fields7: number;
  fields28: number;
  s7: number;
  s28: number;
}

const perDay = (n: number, days: number) => Math.round((n / days) * 100) / 100;
const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
const perHour = (fields: number, seconds: number) => (seconds > 0 ? Math.round((fields / (seconds / 3600)) * 10) / 10 : null);

/** The one derivation of the figures from the counts (keyers and organizations alike). */
function throughputOf(c: Counts): Throughput {
  return {
    keyed7: c.n7,
    keyed28: c.n28,
    perDay7: perDay(c.n7, 7),
    perDay28: perDay(c.n28, 28),
    fields7: c.fields7,
    fields28: c.fields28,
    activeHours7: hours(c.s7),
    activeHours28: hours(c.s28),
    fieldsPerHour7: perHour(c.fields7, c.s7),
    fieldsPerHour28: perHour(c.fields28, c.s28),
  };
}

type Keyed = Omit<Counts, 's7' | 's28'> & { keyerId: string; organizationId: string | null; organizationName: string | null };

/** Registrations keyed per keyer within the windows, and their fields (per register type × the catalog's count). */
async function keyedByKeyer(ctx: ActorContext, today: string, from7: string, from28: string): Promise<Keyed[]> {
  const day = sql`(coalesce(r.completed_at, r.updated_at) at time zone 'Asia/Ho_Chi_Minh')::date`;
  const rows = await sql<{ keyer_id: string; organization_id: string | null; organization_name: string | null; register_type: string; n7: string; n28: string }>`
    select r.keyed_by as keyer_id, u.organization_id, o.name as organization_name, r.register_type,
      count(*) filter (where ${day} >= ${from7}::date) as n7, count(*) as n28
    from records r join users u on u.id = r.keyed_by left join organizations o on o.id = u.organization_id
    where r.status <> 'draft' and ${day} between ${from28}::date and ${today}::date and ${bookInScope(ctx.actor, sql.ref('r.book_id'))} and ${notImported('r.id')}
    group by 1, 2, 3, 4`.execute(ctx.store.db);
  const byKeyer = new Map<string, Keyed>();
  for (const r of rows.rows) {
    const k = byKeyer.get(r.keyer_id) ?? { keyerId: r.keyer_id, organizationId: r.organization_id, organizationName: r.organization_name, n7: 0, n28: 0, fields7: 0, fields28: 0 };
    const [n7, n28, count] = [Number(r.n7), Number(r.n28), fieldCountOf(r.register_type)];
    Object.assign(k, { n7: k.n7 + n7, n28: k.n28 + n28, fields7: k.fields7 + n7 * count, fields28: k.fields28 + n28 * count });
    byKeyer.set(r.keyer_id, k);
  }
  return [...byKeyer.values()];
}

export async function keyerThroughput(ctx: ActorContext): Promise<{ today: string; keyers: KeyerThroughputRow[]; organizations: OrganizationThroughput[] }> {
  const today = vietnamDay(ctx.clock());
  const from28 = addDays(today, -27);
  const from7 = addDays(today, -6);
  const keyed = await keyedByKeyer(ctx, today, from7, from28);
  const active = await activeSeconds(ctx, { from7, from28, today });
  const accuracy = new Map((await listKeyerAccuracy(ctx)).map((a) => [a.keyerId, a]));
  const names = await userDisplayNames(
    ctx,
    keyed.map((r) => r.keyerId),
  );
  const counted = keyed
    .map((r) => ({ ...r, name: names.get(r.keyerId) ?? r.keyerId, organizationName: r.organizationName ?? 'Chưa thuộc đơn vị', ...(active.get(r.keyerId) ?? { s7: 0, s28: 0 }) }))
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'vi') || a.name.localeCompare(b.name, 'vi'));
  const keyers = counted.map((r): KeyerThroughputRow => ({
    keyerId: r.keyerId,
    name: r.name,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    ...throughputOf(r),
    accuracy: accuracy.get(r.keyerId) ?? null,
    overall: overallOf(accuracy.get(r.keyerId)),
  }));
  return { today, keyers, organizations: organizationsOf(counted) };
}

/** Per organization, in the keyers' order: the sums of its keyers' counts (fields per hour from the unrounded seconds). */
function organizationsOf(counted: readonly (Counts & { organizationId: string | null; organizationName: string })[]): OrganizationThroughput[] {
  const byOrg = new Map<string, { organizationId: string | null; organizationName: string; keyers: number; c: Counts }>();
  for (const k of counted) {
    const e = byOrg.get(k.organizationId ?? '') ?? { organizationId: k.organizationId, organizationName: k.organizationName, keyers: 0, c: { n7: 0, n28: 0, fields7: 0, fields28: 0, s7: 0, s28: 0 } };
    e.keyers++;
    for (const key of ['n7', 'n28', 'fields7', 'fields28', 's7', 's28'] as const) e.c[key] += k[key];
    byOrg.set(k.organizationId ?? '', e);
  }
  return [...byOrg.values()].map((e) => ({ organizationId: e.organizationId, organizationName: e.organizationName, keyers: e.keyers, ...throughputOf(e.c) }));
}
