/**
 * Fellegi–Sunter scoring with its explanation. PURE. Weight of a level =
 * log2(m/u); for the levels a comparison marks as term-frequency adjusted,
 * u is the share of persons holding that value (floored at TF_MIN_U), so a
 * match on "Nguyễn" or "Anh" weighs less than on "Khổng" or "Diệp". The total
 * is log2(λ/(1−λ)) plus every field's weight; P = 2^W/(1+2^W). Missing fields
 * weigh 0. The explanation lists every field with its status and weight, the
 * waterfall a reviewer reads (EXTRACTS-LINKAGE §2.2).
 */
import { MISSING } from './compare.js';
import type { Person } from './features.js';
import type { KindModel } from './kinds.js';
import type { Params } from './train.js';

export const TF_MIN_U = 0.0005;

export type FieldStatus = 'agree' | 'partial' | 'disagree' | 'missing';

export interface FieldExplanation {
  field: string;
  label: string;
  status: FieldStatus;
  level: string;
  weight: number;
}

export interface Explanation {
  prior: number;
  fields: FieldExplanation[];
  /** Deterministic rules (rules.ts) that matched the pair. */
  rules: string[];
  /** Why a hard constraint rejected it, when one did. */
  rejected?: string;
}

export interface Scored {
  weight: number;
  probability: number;
  explanation: Explanation;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function statusOf(level: number, levels: number): FieldStatus {
  if (level === MISSING) return 'missing';
  if (level === 0) return 'agree';
  return level === levels - 1 ? 'disagree' : 'partial';
}

/**
 * The weight of a pair alone, without its explanation: the same sum as
 * scorePair, on tables of log2(m/u) made once per kind, so the millions of
 * blocked pairs that are not kept allocate nothing.
 */
export function weigher(model: KindModel, params: Params): (a: Person, b: Person) => number {
  const prior = Math.log2(params.lambda / (1 - params.lambda));
  const cs = model.comparisons.map((c) => ({
    compare: c.compare,
    w: params.m[c.id]!.map((m, l) => Math.log2(m / params.u[c.id]![l]!)),
    m: params.m[c.id]!,
    tf: c.tf,
    freq: params.tf[c.id],
  }));
  return (a, b) => {
    let weight = prior;
    for (const c of cs) {
      const l = c.compare(a, b);
      if (l === MISSING) continue;
      if (c.tf && l < c.tf.levels && c.freq) {
        const f = Math.max(c.freq.get(c.tf.value(a)) ?? 0, c.freq.get(c.tf.value(b)) ?? 0);
        if (f > 0) {
          weight += Math.log2(c.m[l]! / Math.max(TF_MIN_U, f));
          continue;
        }
      }
      weight += c.w[l]!;
    }
    return weight;
  };
}

export function scorePair(model: KindModel, params: Params, a: Person, b: Person): Scored {
  const prior = Math.log2(params.lambda / (1 - params.lambda));
  let weight = prior;
  const fields: FieldExplanation[] = [];
  for (const c of model.comparisons) {
    const l = c.compare(a, b);
    let w = 0;
    if (l !== MISSING) {
      const m = params.m[c.id]![l]!;
      let u = params.u[c.id]![l]!;
      if (c.tf && l < c.tf.levels) {
        const freq = params.tf[c.id];
        const fa = freq?.get(c.tf.value(a)) ?? 0;
        const fb = freq?.get(c.tf.value(b)) ?? 0;
        const f = Math.max(fa, fb);
        if (f > 0) u = Math.max(TF_MIN_U, f);
      }
      w = Math.log2(m / u);
    }
    weight += w;
    fields.push({ field: c.id, label: c.label, status: statusOf(l, c.levels.length), level: l === MISSING ? 'thiếu ở một bên' : c.levels[l]!, weight: round(w) });
  }
  const probability = 1 / (1 + Math.pow(2, -weight));
  return { weight: round(weight), probability, explanation: { prior: round(prior), fields, rules: [] } };
}
