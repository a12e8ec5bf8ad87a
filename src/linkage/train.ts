/**
 * Fellegi–Sunter parameters estimated from the province's own data
 * (EXTRACTS-LINKAGE §2.2, as Splink does):
 * - u (P(level | not the same person)) from random pairs of the kind's sides;
 * - m (P(level | same person)) by expectation–maximisation over the pairs of
 *   each training rule, u held fixed; a rule's own fields are excluded (all
 *   its pairs agree on them, so they say nothing there): blocking on the birth
 *   date trains the name fields, blocking on the name trains the date and the
 *   rest, and fields trained by both are averaged;
 * - λ (prior of a random pair being a match) from the training rule on the
 *   birth date, scaled to all pairs;
 * - term frequencies of given and family names for the per-value u.
 * Deterministic: random pairs come from a seeded generator.
 */
import { MISSING, type Comparison } from './compare.js';
import type { Person } from './features.js';
import type { KindModel } from './kinds.js';
import { forEachPair, sides } from './pairs.js';
import { createRng } from './rng.js';

export interface Params {
  lambda: number;
  m: Record<string, number[]>;
  u: Record<string, number[]>;
  /** Per comparison with tf: value -> share of persons holding it. */
  tf: Record<string, Map<string, number>>;
  trainingPairs: number;
}

const FLOOR = 1e-4;
/** Training blocks bigger than this are left out: EM needs a sample of pairs, not every pair of the commonest names. */
export const TRAINING_MAX_BLOCK = 100;

const normalize = (xs: number[], floor = FLOOR) => {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => Math.max(floor, s > 0 ? x / s : 1 / xs.length));
};
/**
 * u is estimated on U_SAMPLES random pairs and floored lower than m: two
 * persons share a full birth date about once in 30,000 pairs, and a floor at
 * FLOOR would cap what an agreeing date weighs while the prior λ falls with
 * the province's size (the bigger the province, the more the cap cost).
 */
const U_SAMPLES = 1_000_000;
const U_FLOOR = 1e-6;

/** u from `samples` random pairs of the kind. */
export function estimateU(model: KindModel, persons: readonly Person[], samples = U_SAMPLES, seed = 1): Record<string, number[]> {
  const { a, b } = sides(model, persons);
  const other = b ?? a;
  const counts = Object.fromEntries(model.comparisons.map((c) => [c.id, new Array<number>(c.levels.length).fill(0.5)]));
  if (a.length === 0 || other.length === 0) return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, normalize(v)]));
  const rnd = createRng(seed).next;
  for (let s = 0; s < samples; s++) {
    const p = a[Math.floor(rnd() * a.length)]!;
    const q = other[Math.floor(rnd() * other.length)]!;
    if (p === q) continue;
    for (const c of model.comparisons) {
      const l = c.compare(p, q);
      if (l !== MISSING) counts[c.id]![l]!++;
    }
  }
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, normalize(v, U_FLOOR)]));
}

/** Initial m: most mass on agreement. */
function initialM(c: Comparison): number[] {
  const n = c.levels.length;
  return normalize(c.levels.map((_, i) => (i === 0 ? 0.8 : i === n - 1 ? 0.02 : 0.18 / Math.max(1, n - 2))));
}

interface Pattern {
  levels: Int8Array;
  count: number;
}

/** The comparison patterns of a rule's pairs, counted (the EM runs on patterns, not pairs). */
function patterns(model: KindModel, persons: readonly Person[], rule: KindModel['training'][number], maxBlock: number): { pats: Pattern[]; pairs: number } {
  const byKey = new Map<number, Pattern>();
  const cs = model.comparisons;
  const lv = new Int8Array(cs.length);
  let pairs = 0;
  forEachPair(
    model,
    persons,
    [rule],
    (p, q) => {
      pairs++;
      let k = 0;
      for (let i = 0; i < cs.length; i++) {
        lv[i] = cs[i]!.compare(p, q);
        k = k * 16 + lv[i]! + 1;
      }
      const pat = byKey.get(k);
      if (pat) pat.count++;
      else byKey.set(k, { levels: lv.slice(), count: 1 });
    },
    maxBlock,
    false,
  );
  return { pats: [...byKey.values()], pairs };
}

/** EM for m (u fixed) on patterns; returns m for the comparisons not excluded and the rule's λ. */
function em(model: KindModel, pats: readonly Pattern[], u: Record<string, number[]>, excludes: readonly string[], iterations = 25) {
  const used = model.comparisons.map((c, i) => ({ c, i })).filter(({ c }) => !excludes.includes(c.id));
  const m = Object.fromEntries(used.map(({ c }) => [c.id, initialM(c)]));
  let lambda = 0.3;
  for (let it = 0; it < iterations; it++) {
    const acc = Object.fromEntries(used.map(({ c }) => [c.id, new Array<number>(c.levels.length).fill(0)]));
    let matched = 0;
    let total = 0;
    for (const pat of pats) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (const { c, i } of used) {
        const l = pat.levels[i]!;
        if (l === MISSING) continue;
        pm *= m[c.id]![l]!;
        pu *= u[c.id]![l]!;
      }
      const w = pm / (pm + pu);
      matched += w * pat.count;
      total += pat.count;
      for (const { c, i } of used) {
        const l = pat.levels[i]!;
        if (l !== MISSING) acc[c.id]![l]! += w * pat.count;
      }
    }
    for (const { c } of used) m[c.id] = normalize(acc[c.id]!);
    lambda = Math.min(0.999, Math.max(1e-6, total > 0 ? matched / total : 0.5));
  }
  return { m, lambda };
}

function termFrequencies(model: KindModel, persons: readonly Person[]): Record<string, Map<string, number>> {
  const out: Record<string, Map<string, number>> = {};
  const scope = persons.filter((p) => model.sideA(p) || (model.sideB?.(p) ?? false));
  for (const c of model.comparisons) {
    if (!c.tf) continue;
    const counts = new Map<string, number>();
    for (const p of scope) {
      const v = c.tf.value(p);
      if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const freq = new Map<string, number>();
    for (const [v, n] of counts) freq.set(v, n / scope.length);
    out[c.id] = freq;
  }
  return out;
}

export function train(model: KindModel, persons: readonly Person[], opts: { seed?: number; maxBlock?: number } = {}): Params {
  const u = estimateU(model, persons, U_SAMPLES, opts.seed ?? 1);
  const sums: Record<string, number[][]> = {};
  let lambda = 1e-4;
  let trainingPairs = 0;
  const { a, b } = sides(model, persons);
  const allPairs = b ? a.length * b.length : (a.length * (a.length - 1)) / 2;
  const mDate: number[] = [];
  for (const rule of model.training) {
    const { pats, pairs } = patterns(model, persons, rule, opts.maxBlock ?? TRAINING_MAX_BLOCK);
    trainingPairs += pairs;
    if (pairs === 0) continue;
    const r = em(model, pats, u, rule.excludes);
    for (const [id, ms] of Object.entries(r.m)) (sums[id] ??= []).push(ms);
    if (rule.excludes.includes('ngaySinh') && allPairs > 0) lambda = (r.lambda * pairs) / allPairs;
    if (r.m.ngaySinh) mDate.push(...r.m.ngaySinh);
  }
  // the date rule only sees matches whose full birth dates agree: scale λ by how often that happens
  if (mDate[0] !== undefined && mDate[0] > 0.05) lambda /= mDate[0];
  const m: Record<string, number[]> = {};
  for (const c of model.comparisons) {
    const got = sums[c.id];
    m[c.id] = got && got.length > 0 ? normalize(c.levels.map((_, l) => got.reduce((s, ms) => s + ms[l]!, 0) / got.length)) : initialM(c);
  }
  return { lambda: Math.min(0.5, Math.max(1e-9, lambda)), m, u, tf: termFrequencies(model, persons), trainingPairs };
}
