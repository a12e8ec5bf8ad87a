/** Queries behind the keyer outcomes (outcomes.ts): resolved disagreements, review corrections, compared/verified actions. */
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OutcomeFilter {
  bookId?: string;
  /** Only outcomes involving this keyer (either pass, or the keyer of a reviewed registration). */
  keyerId?: string;
  /** Decided / corrected / compared at or after. */
  since?: Date;
  /** ... and strictly before. */
  until?: Date;
}

type PassEb = ExpressionBuilder<Database & { d: Database['qc_disagreements'] }, 'd'>;

/** The keyer of pass A or B of the disagreement's registration: the actor of that pass's created action. */
const passKeyer = (eb: PassEb, pass: 'A' | 'B', alias: 'keyer_a' | 'keyer_b') =>
  eb
    .selectFrom('records as p')
    .innerJoin('record_actions as ca', 'ca.record_id', 'p.id')
    .whereRef('p.keying_of', '=', 'd.record_id')
    .where('p.keying_pass', '=', pass)
    .where('ca.kind', '=', 'created')
    .select('ca.actor_id')
    .limit(1)
    .as(alias);

export async function listResolvedDisagreements(db: Db, actor: Actor, f: OutcomeFilter) {
  let q = db
    .selectFrom('qc_disagreements as d')
    .innerJoin('records as r', 'r.id', 'd.record_id')
    .where('d.status', '=', 'resolved')
    .where(bookInScope(actor, 'r.book_id'))
    .select(['d.record_id', 'd.field_key', 'd.value_a', 'd.value_b', 'd.source_b', 'd.decided_value', 'r.book_id', 'r.template_version'])
    .select((eb) => [passKeyer(eb, 'A', 'keyer_a'), passKeyer(eb, 'B', 'keyer_b')])
    .select('d.decided_at')
    .orderBy('d.decided_at')
    .orderBy('d.id');
  if (f.bookId) q = q.where('r.book_id', '=', f.bookId);
  if (f.since) q = q.where('d.decided_at', '>=', f.since);
  if (f.until) q = q.where('d.decided_at', '<', f.until);
  const rows = await q.execute();
  // A B side read by the machine (pass M) is nobody's error: no keyer B for it.
  return rows
    .map((r) => ({ ...r, decided_at: r.decided_at!, keyer_a: r.keyer_a ?? null, keyer_b: r.source_b === 'machine' ? null : (r.keyer_b ?? null) }))
    .filter((r) => !f.keyerId || r.keyer_a === f.keyerId || r.keyer_b === f.keyerId);
}

export async function listReviewCorrections(db: Db, actor: Actor, f: OutcomeFilter) {
  let q = db
    .selectFrom('qc_review_corrections as c')
    .innerJoin('records as r', 'r.id', 'c.record_id')
    .where(bookInScope(actor, 'r.book_id'))
    .select(['c.record_id', 'c.field_key', 'c.keyer_id', 'c.reviewer_id', 'c.created_at', 'r.book_id', 'r.template_version'])
    .orderBy('c.id');
  if (f.bookId) q = q.where('r.book_id', '=', f.bookId);
  if (f.keyerId) q = q.where('c.keyer_id', '=', f.keyerId);
  if (f.since) q = q.where('c.created_at', '>=', f.since);
  if (f.until) q = q.where('c.created_at', '<', f.until);
  return q.execute();
}

/** Actions of one kind on registrations, with the registration's template and its keyer (actor of its created action). */
export async function listActionsOfKind(db: Db, actor: Actor, kind: 'compared' | 'verified', f: OutcomeFilter) {
  let q = db
    .selectFrom('record_actions as a')
    .innerJoin('records as r', 'r.id', 'a.record_id')
    .where(bookInScope(actor, 'r.book_id'))
    .innerJoin('record_actions as ca', (j) => j.onRef('ca.record_id', '=', 'r.id').on('ca.kind', '=', 'created'))
    .where('a.kind', '=', kind)
    .where('r.keying_of', 'is', null)
    .select(['a.record_id', 'a.payload', 'a.created_at', 'r.book_id', 'r.template_version', 'ca.actor_id as keyer_id'])
    .orderBy('a.id');
  if (f.bookId) q = q.where('r.book_id', '=', f.bookId);
  if (f.since) q = q.where('a.created_at', '>=', f.since);
  if (f.until) q = q.where('a.created_at', '<', f.until);
  return q.execute();
}

/** `${registrationId}|A` / `|B` → the keyer of that pass. */
export async function findPassKeyers(db: Db, registrationIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (registrationIds.length === 0) return out;
  const rows = await db
    .selectFrom('records as p')
    .innerJoin('record_actions as ca', (j) => j.onRef('ca.record_id', '=', 'p.id').on('ca.kind', '=', 'created'))
    .where('p.keying_of', 'in', [...new Set(registrationIds)])
    .select(['p.keying_of', 'p.keying_pass', 'ca.actor_id'])
    .execute();
  for (const r of rows) if (r.actor_id) out.set(`${r.keying_of}|${r.keying_pass}`, r.actor_id);
  return out;
}
