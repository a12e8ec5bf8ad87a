/**
 * Keyer accuracy: per keyer and field group (critical / other), the error
 * rates measured by arbitration (qc-keying's listArbitrationOutcomes /
 * countKeyedFields), peer review (listReviewOutcomes) and sampled acceptance
 * (errors in sampled single-keyed registrations of decided lots, charged to
 * the keyer recorded when the record was drawn), with Clopper–Pearson
 * intervals, and the keyer's current mode by the promotion rule
 * (keyer-accuracy-rule.ts). History order: the arbitration and review totals
 * first (they qualify a keyer), then each decided lot by decision time.
 * Not a ranking: keyers come back in name order; a keyer sees only their own.
 */
import { userDisplayNames, type ActorContext } from '../auth/index.js';
import { rateStats, type RateStats } from './acceptance.js';
import { keyerStatus, promotionRuleOf, type KeyerEvent, type KeyerStatus, type PromotionRule } from './keyer-accuracy-rule.js';
import { listKeyerSampleChecks } from './lot.repo.js';
import { asQcSystem } from './qc-actor.js';
import { countKeyedFields, listArbitrationOutcomes, listReviewOutcomes, type OutcomeFilter } from './outcomes.js';

type Source = 'arbitration' | 'review' | 'sampling';
type GroupCounts = { fields: number; errors: number };

export interface KeyerAccuracy {
  keyerId: string;
  name: string;
  status: KeyerStatus;
  bySource: Record<Source, { records: number; critical: RateStats; other: RateStats }>;
}

interface Acc {
  records: number;
  critical: GroupCounts;
  other: GroupCounts;
}
const emptyAcc = (): Acc => ({ records: 0, critical: { fields: 0, errors: 0 }, other: { fields: 0, errors: 0 } });

type Book = Map<string, Record<Source, Acc>>;
function accOf(book: Book, keyer: string, source: Source): Acc {
  let k = book.get(keyer);
  if (!k) book.set(keyer, (k = { arbitration: emptyAcc(), review: emptyAcc(), sampling: emptyAcc() }));
  return k[source];
}

async function arbitrationAndReview(ctx: ActorContext, book: Book, filter: OutcomeFilter): Promise<void> {
  for (const c of await countKeyedFields(ctx, filter)) {
    const a = accOf(book, c.keyerId, c.source);
    a[c.group].fields += c.fields;
    if (c.group === 'critical') a.records += c.records;
  }
  for (const o of await listArbitrationOutcomes(ctx, filter)) {
    const g = o.critical ? 'critical' : 'other';
    if (o.erredA && o.keyerA) accOf(book, o.keyerA, 'arbitration')[g].errors++;
    if (o.erredB && o.keyerB) accOf(book, o.keyerB, 'arbitration')[g].errors++;
  }
  for (const o of await listReviewOutcomes(ctx, filter)) if (o.keyerId) accOf(book, o.keyerId, 'review')[o.critical ? 'critical' : 'other'].errors++;
}

/** Sampling events: one per keyer and decided lot. */
async function samplingEvents(ctx: ActorContext, book: Book, keyerId: string | undefined): Promise<Map<string, KeyerEvent[]>> {
  const perLot = new Map<string, { keyer: string; at: Date; rejected: boolean; records: Set<string>; acc: Acc }>();
  for (const c of await listKeyerSampleChecks(ctx.store.db, ctx.actor, keyerId)) {
    const counted = !c.ok || c.keyed_value !== '' || (c.correct_value ?? '') !== '';
    if (!counted) continue;
    const key = `${c.keyer_id}|${c.lot_id}`;
    const e = perLot.get(key) ?? { keyer: c.keyer_id!, at: c.decided_at!, rejected: c.status === 'rejected', records: new Set<string>(), acc: emptyAcc() };
    e.records.add(c.record_id);
    const g = e.acc[c.critical ? 'critical' : 'other'];
    g.fields++;
    if (!c.ok) g.errors++;
    perLot.set(key, e);
  }
  const events = new Map<string, KeyerEvent[]>();
  for (const e of perLot.values()) {
    const total = accOf(book, e.keyer, 'sampling');
    total.records += e.records.size;
    for (const g of ['critical', 'other'] as const) {
      total[g].fields += e.acc[g].fields;
      total[g].errors += e.acc[g].errors;
    }
    const hadErrors = e.acc.critical.errors + e.acc.other.errors > 0;
    const ev: KeyerEvent = { at: e.at, source: 'sampling', records: e.records.size, critical: e.acc.critical, other: e.acc.other, lotRejected: e.rejected && hadErrors };
    events.set(e.keyer, [...(events.get(e.keyer) ?? []), ev]);
  }
  return events;
}

const stats = (a: Acc) => ({ records: a.records, critical: rateStats(a.critical.errors, a.critical.fields), other: rateStats(a.other.errors, a.other.fields) });

/**
 * Every keyer's accuracy and mode (or only `onlyKeyer`'s, whose outcomes are
 * the only ones read: keyerMode runs on every record creation), in name order.
 */
export async function listKeyerAccuracy(ctx: ActorContext, opts: { onlyKeyer?: string; rule?: PromotionRule } = {}): Promise<KeyerAccuracy[]> {
  const book: Book = new Map();
  await arbitrationAndReview(ctx, book, { keyerId: opts.onlyKeyer });
  const sampling = await samplingEvents(ctx, book, opts.onlyKeyer);
  const keyers = opts.onlyKeyer ? [...book.keys()].filter((k) => k === opts.onlyKeyer) : [...book.keys()];
  const names = await userDisplayNames(ctx, keyers);
  const out: KeyerAccuracy[] = [];
  for (const [keyerId, src] of book) {
    if (opts.onlyKeyer && keyerId !== opts.onlyKeyer) continue;
    const first = new Date(0);
    const initial: KeyerEvent[] = (['arbitration', 'review'] as const).map((s) => ({ at: first, source: s, records: src[s].records, critical: src[s].critical, other: src[s].other }));
    const status = keyerStatus([...initial, ...(sampling.get(keyerId) ?? [])], opts.rule ?? promotionRuleOf(ctx.config.qcPromotion));
    out.push({ keyerId, name: names.get(keyerId) ?? keyerId, status, bySource: { arbitration: stats(src.arbitration), review: stats(src.review), sampling: stats(src.sampling) } });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The current mode of one keyer ('double' when nothing is known), from ALL her outcomes whoever asks: what a book's keying assignment may read. */
export async function keyerMode(ctx: ActorContext, keyerId: string, rule?: PromotionRule): Promise<KeyerStatus['mode']> {
  const [mine] = await listKeyerAccuracy(asQcSystem(ctx), { onlyKeyer: keyerId, rule });
  return mine?.status.mode ?? 'double';
}
