/**
 * What double keying and peer review tell about keyers, for keyer accuracy
 * (src/qc/keyer-accuracy*, helper qc-acceptance):
 * - listArbitrationOutcomes: per resolved disagreement, which pass erred
 *   (the pass whose value differs from the decision; both when the
 *   arbitrator typed a third value);
 * - listReviewOutcomes: per field a peer reviewer corrected, the keyer erred;
 * - countKeyedFields: per keyer, how many fields were compared (arbitration:
 *   every field non-empty in a pass of a compared registration) or reviewed
 *   (peer review: the fields of a verified registration), critical and other
 *   apart. Agreed fields count as correct for both passes.
 */
import type { ActorContext } from '../auth/index.js';
import { ComparedPayload, VerifiedPayload } from '../entry/index.js';
import { getTemplate } from '../registers/index.js';
import { comparable } from './compare.js';
import { criticalFieldKeys } from './critical-fields.js';
import { findPassKeyers, listActionsOfKind, listResolvedDisagreements, listReviewCorrections, type OutcomeFilter } from './outcomes.repo.js';

export type { OutcomeFilter } from './outcomes.repo.js';

export interface ArbitrationOutcome {
  recordId: string;
  bookId: string;
  fieldKey: string;
  critical: boolean;
  keyerA: string | null;
  keyerB: string | null;
  erredA: boolean;
  erredB: boolean;
  decidedAt: Date;
}

export interface ReviewOutcome {
  recordId: string;
  bookId: string;
  fieldKey: string;
  critical: boolean;
  keyerId: string | null;
  reviewerId: string | null;
  correctedAt: Date;
}

export interface KeyedFieldCount {
  keyerId: string;
  /** arbitration: double-keyed and compared; review: single-keyed and peer-reviewed. */
  source: 'arbitration' | 'review';
  group: 'critical' | 'other';
  /** Fields compared or reviewed. */
  fields: number;
  /** Registrations these fields belong to. */
  records: number;
}

const criticalOf = (templateId: string): ReadonlySet<string> => criticalFieldKeys(getTemplate(templateId));

export async function listArbitrationOutcomes(ctx: ActorContext, filter: OutcomeFilter = {}): Promise<ArbitrationOutcome[]> {
  const rows = await listResolvedDisagreements(ctx.store.db, ctx.actor, filter);
  return rows.map((r) => ({
    recordId: r.record_id,
    bookId: r.book_id,
    fieldKey: r.field_key,
    critical: criticalOf(r.template_version).has(r.field_key),
    keyerA: r.keyer_a,
    keyerB: r.keyer_b,
    erredA: comparable(r.value_a) !== comparable(r.decided_value ?? ''),
    erredB: comparable(r.value_b) !== comparable(r.decided_value ?? ''),
    decidedAt: r.decided_at,
  }));
}

export async function listReviewOutcomes(ctx: ActorContext, filter: OutcomeFilter = {}): Promise<ReviewOutcome[]> {
  const rows = await listReviewCorrections(ctx.store.db, ctx.actor, filter);
  return rows.map((r) => ({
    recordId: r.record_id,
    bookId: r.book_id,
    fieldKey: r.field_key,
    critical: criticalOf(r.template_version).has(r.field_key),
    keyerId: r.keyer_id,
    reviewerId: r.reviewer_id,
    correctedAt: r.created_at,
  }));
}

type Tally = Map<string, { fields: number; records: Set<string> }>;

function add(tally: Tally, key: string, recordId: string, n: number): void {
  if (n === 0) return;
  const t = tally.get(key) ?? { fields: 0, records: new Set<string>() };
  t.fields += n;
  t.records.add(recordId);
  tally.set(key, t);
}

function addFields(tally: Tally, prefix: string, recordId: string, keys: readonly string[], critical: ReadonlySet<string>): void {
  add(tally, `${prefix}|critical`, recordId, keys.filter((k) => critical.has(k)).length);
  add(tally, `${prefix}|other`, recordId, keys.filter((k) => !critical.has(k)).length);
}

export async function countKeyedFields(ctx: ActorContext, filter: OutcomeFilter = {}): Promise<KeyedFieldCount[]> {
  const db = ctx.store.db;
  const tally: Tally = new Map();
  const compared = await listActionsOfKind(db, ctx.actor, 'compared', filter);
  const keyers = await findPassKeyers(
    db,
    compared.map((c) => c.record_id),
  );
  for (const c of compared) {
    const p = ComparedPayload.parse(c.payload);
    const critical = criticalOf(c.template_version);
    // Pass B's keyer answers only for the fields the machine's pass did not stand in for.
    const byPass: [string | undefined, readonly string[]][] = [
      [keyers.get(`${c.record_id}|A`), p.fields],
      [keyers.get(`${c.record_id}|B`), p.fields.filter((k) => !p.machineFields.includes(k))],
    ];
    for (const [keyer, fields] of byPass) {
      if (keyer && (!filter.keyerId || filter.keyerId === keyer)) addFields(tally, `arbitration|${keyer}`, c.record_id, fields, critical);
    }
  }
  for (const v of await listActionsOfKind(db, ctx.actor, 'verified', filter)) {
    const p = VerifiedPayload.parse(v.payload);
    if (v.keyer_id && (!filter.keyerId || filter.keyerId === v.keyer_id)) addFields(tally, `review|${v.keyer_id}`, v.record_id, p.fields ?? [], criticalOf(v.template_version));
  }
  return [...tally.entries()].map(([key, t]) => {
    const [source, keyerId, group] = key.split('|') as ['arbitration' | 'review', string, 'critical' | 'other'];
    return { keyerId, source, group, fields: t.fields, records: t.records.size };
  });
}
