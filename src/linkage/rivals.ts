/**
 * A pair read against its rivals, for a kind where a side-B record has at
 * most one partner person on side A (a person dies once). PURE. The
 * Fellegi–Sunter weight W (log2 of the prior odds times the likelihood
 * ratio) weighs a pair alone, as if nothing else were known of its records.
 * But a death that most likely has its birth in the province, with one
 * person that fits, is likelier linked than its pair alone says; one with two
 * namesakes that fit as well is less. So for each side-B record the
 * candidates are the alternatives of one choice, Bayes over "this person",
 * "that person" and "none of them":
 *   P(g) = 2^W_g / (Σ_h 2^W_h + c),   c = κ (1 − π) / π,
 * with g, h the candidate persons (births of one person keyed twice or
 * re-registered are one alternative, not rivals: KindModel.rivals
 * samePerson; W_g its best pair), κ = λ·|A| the partners a side-B record
 * expects under the prior λ, and π the share of side-B records whose partner
 * is on side A, estimated from the data by a fixed point: π = the mean over
 * side-B records of P(any candidate). Without rivals and with π = κ / (1 + κ)
 * this is the pair's own probability 2^W / (2^W + 1). One partner each way:
 * a second round leaves out of a record's alternatives the side-A persons
 * whose best pair, with another side-B record, is sure (P ≥ SURE): a birth
 * whose own death is found is nobody else's.
 */
import type { Person } from './features.js';

/** A scored pair: the side-A person, the side-B person, its weight (bits). */
export interface Tentative {
  a: Person;
  b: Person;
  weight: number;
}

/** The posterior of each tentative pair among its side-B record's rivals (same order), and π. */
export interface Posteriors {
  probability: Float64Array;
  /** Estimated share of side-B records with their partner on side A. */
  share: number;
}

const ITERATIONS = 50;
/** A pair this probable takes its side-A person away from the other side-B records (second round). */
const SURE = 0.9;
const ROUNDS = 2;
const SHARE_MIN = 0.01;
const SHARE_MAX = 0.99;

/**
 * `sideB`: how many side-B records are in scope (those without any candidate
 * count toward π as records without a partner on side A).
 */
export function posteriors(pairs: readonly Tentative[], opts: { lambda: number; sideA: number; sideB: number; samePerson: (x: Person, y: Person) => boolean }): Posteriors {
  // the pairs of each side-B record, grouped by person: group[i] = the index of the group's best pair
  const byB = new Map<Person, number[]>();
  pairs.forEach((t, i) => {
    const list = byB.get(t.b);
    if (list) list.push(i);
    else byB.set(t.b, [i]);
  });
  const group = new Int32Array(pairs.length);
  const lists: number[][] = [];
  for (const list of byB.values()) {
    list.sort((x, y) => pairs[y]!.weight - pairs[x]!.weight);
    const heads: number[] = [];
    for (const i of list) {
      const head = heads.find((h) => opts.samePerson(pairs[h]!.a, pairs[i]!.a));
      if (head === undefined) heads.push(i);
      group[i] = head ?? i;
    }
    lists.push(heads);
  }
  const kappa = opts.lambda * opts.sideA;
  const scope = Math.max(opts.sideB, lists.length);
  const cOf = (share: number) => (kappa * (1 - share)) / share;
  let share = Math.min(SHARE_MAX, Math.max(SHARE_MIN, kappa / (1 + kappa)));
  const odds = Float64Array.from(pairs, (t) => Math.pow(2, t.weight));
  const probability = new Float64Array(pairs.length);
  /** Per side-A person: the side-B record it surely belongs to (posterior ≥ SURE), if any. */
  const taken = new Map<Person, Person>();
  for (let round = 0; round < ROUNDS; round++) {
    // a side-A person another side-B record has surely taken is no alternative any more (one partner each)
    const free = (h: number) => {
      const owner = taken.get(pairs[h]!.a);
      return owner === undefined || owner === pairs[h]!.b ? 1 : 0;
    };
    const lifted = new Float64Array(pairs.length);
    const totals = lists.map((heads) => heads.reduce((s, h) => s + (lifted[h] = odds[h]! * free(h)), 0));
    for (let it = 0; it < ITERATIONS && scope > 0; it++) {
      const c = cOf(share);
      let any = 0;
      for (const s of totals) any += s / (s + c);
      share = Math.min(SHARE_MAX, Math.max(SHARE_MIN, any / scope));
    }
    const c = cOf(share);
    lists.forEach((heads, k) => {
      for (const h of heads) probability[h] = lifted[h]! / (totals[k]! + c);
    });
    // a side-A person is taken by the side-B record of its best pair when that pair is sure
    taken.clear();
    const top = new Map<Person, number>();
    for (let i = 0; i < pairs.length; i++) {
      probability[i] = probability[group[i]!]!;
      const t = top.get(pairs[i]!.a);
      if (t === undefined || pairs[i]!.weight > pairs[t]!.weight) top.set(pairs[i]!.a, i);
    }
    for (const [a, i] of top) if (probability[i]! >= SURE) taken.set(a, pairs[i]!.b);
  }
  return { probability, share };
}
