/**
 * Fellegi–Sunter scoring with its explanation. PURE. Weight of a level =
 * log2(m/u); for the levels a comparison marks as term-frequency adjusted,
 * u is the share of persons holding that value (floored at TF_MIN_U), so a
 * match on "Nguyễn" or "Anh" weighs less than on "Khổng" or "Diệp". The total
 * is log2(λ/(1−λ)) plus every field's weight; P = 2^W/(1+2^W). Missing fields
 * weigh 0. The explanation lists every field with its status and weight, the
 * waterfall a reviewer reads (EXTRACTS-LINKAGE §2.2). One function weighs a
 * field (fieldWeight), on tables of log2(m/u) made once per Params and kind
 * (a WeakMap): scorePair (with the explanation) and weigher (the fast path of
 * the run) add the same numbers in the same order and cannot drift apart.
 */
import { MISSING, type Comparison } from './compare.js';
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

interface ComparisonTable {
  c: Comparison;
  /** log2(m/u) per level. */
  w: Float64Array;
  m: readonly number[];
  /** Term frequencies of the comparison's value, when it has tf levels and the run counted them. */
  freq: ReadonlyMap<string, number> | undefined;
}

interface Tables {
  prior: number;
  cs: ComparisonTable[];
}

/** Tables per Params and kind, made once: Params are not changed once made (train.ts, link.ts). */
const tableCache = new WeakMap<Params, WeakMap<KindModel, Tables>>();

function tablesOf(model: KindModel, params: Params): Tables {
  let byModel = tableCache.get(params);
  if (!byModel) tableCache.set(params, (byModel = new WeakMap()));
  let t = byModel.get(model);
  if (!t) {
    const cs = model.comparisons.map((c) => {
      const m = params.m[c.id]!;
      const u = params.u[c.id]!;
      return { c, w: Float64Array.from(m, (mi, l) => Math.log2(mi / u[l]!)), m, freq: c.tf ? params.tf[c.id] : undefined };
    });
    byModel.set(model, (t = { prior: Math.log2(params.lambda / (1 - params.lambda)), cs }));
  }
  return t;
}

/**
 * The weight of one comparison at level `l` of a pair: 0 when missing;
 * log2(m/u) from the table, or for a term-frequency level log2(m/max(TF_MIN_U, f))
 * with f the share of the commoner of the two values (when either is counted).
 * The one place a field's weight is computed: scorePair and weigher both call it.
 */
function fieldWeight(t: ComparisonTable, l: number, a: Person, b: Person): number {
  if (l === MISSING) return 0;
  const tf = t.c.tf;
  if (tf && l < tf.levels && t.freq) {
    const f = Math.max(t.freq.get(tf.value(a)) ?? 0, t.freq.get(tf.value(b)) ?? 0);
    if (f > 0) return Math.log2(t.m[l]! / Math.max(TF_MIN_U, f));
  }
  return t.w[l]!;
}

/**
 * The weight of a pair alone, without its explanation: the same sum as
 * scorePair (the same tables and fieldWeight), so the millions of blocked
 * pairs that are not kept allocate nothing.
 */
export function weigher(model: KindModel, params: Params): (a: Person, b: Person) => number {
  const { prior, cs } = tablesOf(model, params);
  return (a, b) => {
    let weight = prior;
    for (const t of cs) weight += fieldWeight(t, t.c.compare(a, b), a, b);
    return weight;
  };
}

export function scorePair(model: KindModel, params: Params, a: Person, b: Person): Scored {
  const { prior, cs } = tablesOf(model, params);
  let weight = prior;
  const fields: FieldExplanation[] = [];
  for (const t of cs) {
    const c = t.c;
    const l = c.compare(a, b);
    const w = fieldWeight(t, l, a, b);
    weight += w;
    fields.push({ field: c.id, label: c.label, status: statusOf(l, c.levels.length), level: l === MISSING ? 'thiếu ở một bên' : c.levels[l]!, weight: round(w) });
  }
  const probability = 1 / (1 + Math.pow(2, -weight));
  return { weight: round(weight), probability, explanation: { prior: round(prior), fields, rules: [] } };
}
