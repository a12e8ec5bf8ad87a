/**
 * Running linkage over a set of registrations. PURE (no database): the
 * store-backed job and the benchmark both call it. For each kind it trains
 * the parameters on the data given (unless given), generates blocked pairs,
 * scores each with its explanation, applies the kind's hard constraint and
 * the deterministic rules, and keeps a pair when P ≥ threshold or a rule
 * matched. One candidate per pair of records and kind (the best-scoring
 * persons, e.g. the spouse that matched). A duplicate pair where either
 * side is a re-registration (loaiDangKy 2) or where số/quyển differ is
 * reported as 'reregistration'. Corrections come from reference.ts.
 */
import { personsOf, type LinkRecord, type Person } from './features.js';
import { MODELS, type KindModel, type LinkKind } from './kinds.js';
import { forEachPair, type BlockStats } from './pairs.js';
import { correctionLinks } from './reference.js';
import { matchingRules, type Rule } from './rules.js';
import { scorePair, type Explanation } from './score.js';
import { train, type Params } from './train.js';
import { DEFAULT_PARAMS } from './default-params.js';
import { sides } from './pairs.js';

/** Below this many persons on a kind's sides EM has too little to learn from: the synthetic province's parameters are used. */
export const MIN_TRAINING_PERSONS = 1000;
/** Births of the synthetic province DEFAULT_PARAMS was trained on (λ scales with 1/size). */
const DEFAULT_SIZE = 14_000;

function defaultParams(model: KindModel, persons: readonly Person[]): Params {
  const d = DEFAULT_PARAMS[model.kind];
  const { a } = sides(model, persons);
  const lambda = Math.min(0.1, (d.lambda * DEFAULT_SIZE) / Math.max(1, a.length));
  const copy = (o: Readonly<Record<string, readonly number[]>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v]]));
  return { lambda, m: copy(d.m), u: copy(d.u), tf: {}, trainingPairs: 0 };
}

function paramsFor(model: KindModel, persons: readonly Person[], opts: LinkOptions): Params {
  const given = opts.params?.[model.kind];
  if (given) return given;
  const { a, b } = sides(model, persons);
  if (a.length + (b?.length ?? 0) < MIN_TRAINING_PERSONS) return defaultParams(model, persons);
  return train(model, persons, { maxBlock: opts.maxBlock ?? 300 });
}

export interface Candidate {
  kind: LinkKind;
  /** Record ids, a < b. */
  a: string;
  b: string;
  roleA: string;
  roleB: string;
  probability: number;
  weight: number;
  explanation: Explanation;
}

export interface LinkOptions {
  rules?: readonly Rule[];
  threshold?: number;
  maxBlock?: number;
  /** Parameters per kind (trained on the records when absent). */
  params?: Partial<Record<KindModel['kind'], Params>>;
  kinds?: readonly KindModel['kind'][];
  /** Only pairs touching one of these records (incremental runs); the rest still train. */
  focus?: ReadonlySet<string>;
}

export interface LinkResult {
  candidates: Candidate[];
  params: Partial<Record<KindModel['kind'], Params>>;
  stats: Partial<Record<KindModel['kind'], BlockStats>>;
  persons: number;
}

export function featureTable(records: readonly LinkRecord[]): Person[] {
  const persons: Person[] = [];
  for (const r of records) for (const p of personsOf(r, persons.length)) persons.push(p);
  return persons;
}

function outKind(model: KindModel, a: Person, b: Person): LinkKind {
  if (model.kind !== 'duplicate') return model.kind;
  const reReg = a.loaiDangKy === '2' || b.loaiDangKy === '2' || a.so !== b.so || a.quyenSo !== b.quyenSo || a.regPlace !== b.regPlace;
  return reReg ? 'reregistration' : 'duplicate';
}

export function linkPersons(persons: readonly Person[], opts: LinkOptions = {}): LinkResult {
  const threshold = opts.threshold ?? 0.5;
  const rules = opts.rules ?? [];
  const best = new Map<string, Candidate>();
  const result: LinkResult = { candidates: [], params: {}, stats: {}, persons: persons.length };
  for (const model of MODELS) {
    if (opts.kinds && !opts.kinds.includes(model.kind)) continue;
    const params = paramsFor(model, persons, opts);
    result.params[model.kind] = params;
    result.stats[model.kind] = forEachPair(
      model,
      persons,
      model.blocking,
      (p, q) => {
        if (p.recordId === q.recordId) return;
        if (opts.focus && !opts.focus.has(p.recordId) && !opts.focus.has(q.recordId)) return;
        const s = scorePair(model, params, p, q);
        const rejected = model.constraint?.(p, q) ?? null;
        const ruleKind = model.kind;
        s.explanation.rules = matchingRules(rules, ruleKind, p, q);
        if (rejected) return;
        if (s.probability < threshold && s.explanation.rules.length === 0) return;
        const [x, y] = p.recordId < q.recordId ? [p, q] : [q, p];
        const kind = outKind(model, x, y);
        const key = `${kind}|${x.recordId}|${y.recordId}`;
        const prev = best.get(key);
        if (prev && prev.weight >= s.weight) return;
        best.set(key, { kind, a: x.recordId, b: y.recordId, roleA: x.role, roleB: y.role, probability: s.probability, weight: s.weight, explanation: s.explanation });
      },
      opts.maxBlock ?? 300,
    );
  }
  if (!opts.kinds || opts.kinds.includes('duplicate')) {
    for (const c of correctionLinks(persons)) {
      if (opts.focus && !opts.focus.has(c.a) && !opts.focus.has(c.b)) continue;
      best.set(`correction|${c.a}|${c.b}`, c);
    }
  }
  result.candidates = [...best.values()].sort((p, q) => q.weight - p.weight || (p.a < q.a ? -1 : p.a > q.a ? 1 : 0));
  return result;
}

export function linkRecords(records: readonly LinkRecord[], opts: LinkOptions = {}): LinkResult {
  return linkPersons(featureTable(records), opts);
}
