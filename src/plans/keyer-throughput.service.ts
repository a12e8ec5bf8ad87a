/**
 * Keyers' throughput next to their QC accuracy (the campaign dashboard):
 * per keyer and per organization (users.organization_id), registrations
 * keyed per day over the last 7 and 28 days (Vietnam days, today included),
 * next to the keyer's accuracy as src/qc computes it (listKeyerAccuracy:
 * arbitration, review and sampling error rates with Clopper–Pearson
 * intervals, and her mode).
 * "Keyed" = a record past draft (a registration or a keying pass A/B) whose
 * keyed_by is the keyer, counted on its completion day; only books in the
 * reader's scope count. keyed_by is the last author of the record's values,
 * so a registration corrected later counts for who corrected it.
 */
import { sql } from 'kysely';
import { bookInScope, userDisplayNames, type ActorContext } from '../auth/index.js';
import { listKeyerAccuracy, rateStats, type KeyerAccuracy } from '../qc/index.js';
import { addDays } from './forecast.js';
import { vietnamDay } from '../audit/index.js';

export interface KeyerThroughputRow {
  keyerId: string;
  name: string;
  organizationId: string | null;
  organizationName: string;
  keyed7: number;
  keyed28: number;
  /** Registrations keyed per day (keyed7 / 7, keyed28 / 28), two decimals. */
  perDay7: number;
  perDay28: number;
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

export interface OrganizationThroughput {
  organizationId: string | null;
  organizationName: string;
  keyers: number;
  keyed7: number;
  keyed28: number;
  perDay7: number;
  perDay28: number;
}

const perDay = (n: number, days: number) => Math.round((n / days) * 100) / 100;

export async function keyerThroughput(ctx: ActorContext): Promise<{ today: string; keyers: KeyerThroughputRow[]; organizations: OrganizationThroughput[] }> {
  const today = vietnamDay(ctx.clock());
  const from28 = addDays(today, -27);
  const from7 = addDays(today, -6);
  const day = sql`(coalesce(r.completed_at, r.updated_at) at time zone 'Asia/Ho_Chi_Minh')::date`;
  const rows = await sql<{ keyer_id: string; organization_id: string | null; organization_name: string | null; n7: string; n28: string }>`
    select r.keyed_by as keyer_id, u.organization_id, o.name as organization_name,
      count(*) filter (where ${day} >= ${from7}::date) as n7, count(*) as n28
    from records r join users u on u.id = r.keyed_by left join organizations o on o.id = u.organization_id
    where r.status <> 'draft' and ${day} between ${from28}::date and ${today}::date and ${bookInScope(ctx.actor, sql.ref('r.book_id'))}
    group by 1, 2, 3`.execute(ctx.store.db);
  const accuracy = new Map((await listKeyerAccuracy(ctx)).map((a) => [a.keyerId, a]));
  const names = await userDisplayNames(
    ctx,
    rows.rows.map((r) => r.keyer_id),
  );
  const keyers = rows.rows
    .map((r): KeyerThroughputRow => {
      const keyed7 = Number(r.n7);
      const keyed28 = Number(r.n28);
      return {
        keyerId: r.keyer_id,
        name: names.get(r.keyer_id) ?? r.keyer_id,
        organizationId: r.organization_id,
        organizationName: r.organization_name ?? 'Chưa thuộc đơn vị',
        keyed7,
        keyed28,
        perDay7: perDay(keyed7, 7),
        perDay28: perDay(keyed28, 28),
        accuracy: accuracy.get(r.keyer_id) ?? null,
        overall: overallOf(accuracy.get(r.keyer_id)),
      };
    })
    .sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'vi') || a.name.localeCompare(b.name, 'vi'));
  const byOrg = new Map<string, OrganizationThroughput>();
  for (const k of keyers) {
    const o = byOrg.get(k.organizationId ?? '') ?? { organizationId: k.organizationId, organizationName: k.organizationName, keyers: 0, keyed7: 0, keyed28: 0, perDay7: 0, perDay28: 0 };
    o.keyers++;
    o.keyed7 += k.keyed7;
    o.keyed28 += k.keyed28;
    o.perDay7 = perDay(o.keyed7, 7);
    o.perDay28 = perDay(o.keyed28, 28);
    byOrg.set(k.organizationId ?? '', o);
  }
  return { today, keyers, organizations: [...byOrg.values()] };
}
