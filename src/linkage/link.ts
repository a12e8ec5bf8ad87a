/**
 * Running linkage over a set of registrations. PURE (no database): the
 * store-backed job and the benchmark both call it. For each kind it trains
 * the parameters on the data given (unless given), generates blocked pairs,
 * scores each with its explanation, applies the kind's hard constraint and
 * the deterministic rules, and keeps a pair when P ≥ threshold or a rule
 * matched. For a kind with rivals (birth ↔ death) P is the pair's
 * probability among the other candidates of its death record (rivals.ts),
 * not alone: pairs up to RIVAL_FLOOR bits below the threshold are weighed
 * first, then kept on that probability (Candidate.probability holds it). An
 * exclusive kind (a person dies once) then keeps
 * per record only the pairs near its best (KindModel.exclusive). Only the
 * kept pairs build their explanation: the rest are weighed on tables
 * (score.ts weigher, the same per-field weight as scorePair) without allocating. One candidate per pair of records
 * and kind (the best-scoring persons, e.g. the spouse that matched). A duplicate pair where either
 * side is a re-registration (loaiDangKy 2) or where số/quyển differ is
 * reported as 'reregistration'. Corrections come from reference.ts.
 */
import { personsOf, type LinkRecord, type Person } from './features.js';
import { MODELS, type KindModel, type LinkKind } from './kinds.js';
import { forEachPair, type BlockStats } from './pairs.js';
import { correctionLinks } from './reference.js';
import { matchingRules, type Rule } from './rules.js';
import { scorePair, weigher, type Explanation } from './score.js';
import { train, type Params } from './train.js';
import { DEFAULT_PARAMS } from './default-params.js';
import { sides } from './pairs.js';
import { posteriors, type Tentative } from './rivals.js';

/** Below this many persons on a kind's sides EM has too little to learn from: the synthetic province's parameters are used. */
export const MIN_TRAINING_PERSONS = 1000;
/** Persons on a side of one block; bigger blocks are split by place (pairs.ts). */
export const MAX_BLOCK = 50;
/** How far below the threshold (bits) a pair of a kind with rivals is still weighed among them: rivals.ts lifts a lone fit by up to log2(1/c), c ≥ κ/99. */
const RIVAL_FLOOR = 7;
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
  return train(model, persons);
}

export interface Candidate {
  kind: LinkKind;
  /** Record ids, a < b. */
  a: string;
  b: string;
  roleA: string;
  roleB: string;
  /** P of the pair (for a kind with rivals: among its record's other candidates, rivals.ts). */
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

/** Drops the pairs of an exclusive kind that are not near the best of their side-A or side-B record (KindModel.exclusive). */
function exclusive(best: Map<string, Candidate>, sideA: ReadonlyMap<string, string>, margin: { a: number; b?: number }): void {
  const top = new Map<string, number>();
  const raise = (k: string, w: number) => top.set(k, Math.max(top.get(k) ?? -Infinity, w));
  const ends = (key: string, c: Candidate) => {
    const a = sideA.get(key)!;
    return [`A|${a}`, `B|${a === c.a ? c.b : c.a}`] as const;
  };
  for (const [key, c] of best) {
    if (!sideA.has(key)) continue;
    const [ka, kb] = ends(key, c);
    raise(ka, c.weight);
    raise(kb, c.weight);
  }
  for (const [key, c] of best) {
    if (!sideA.has(key) || c.explanation.rules.length > 0) continue;
    const [ka, kb] = ends(key, c);
    if (c.weight < top.get(ka)! - margin.a || (margin.b !== undefined && c.weight < top.get(kb)! - margin.b)) best.delete(key);
  }
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
    const weigh = weigher(model, params);
    const kindRules = rules.filter((r) => r.kind === model.kind);
    const minWeight = Math.log2(threshold / (1 - threshold));
    const sideA = new Map<string, string>();
    const keep = (p: Person, q: Person, ruleIds: string[], probability?: number) => {
      const [x, y] = p.recordId < q.recordId ? [p, q] : [q, p];
      const kind = outKind(model, x, y);
      const key = `${kind}|${x.recordId}|${y.recordId}`;
      const s = scorePair(model, params, p, q);
      const prev = best.get(key);
      if (prev && prev.weight >= s.weight) return;
      s.explanation.rules = ruleIds;
      if (model.exclusive) sideA.set(key, p.recordId);
      best.set(key, { kind, a: x.recordId, b: y.recordId, roleA: x.role, roleB: y.role, probability: probability ?? s.probability, weight: s.weight, explanation: s.explanation });
    };
    // a kind with rivals weighs a pair among its side-B record's other candidates (rivals.ts): pairs up to
    // RIVAL_FLOOR bits below the threshold wait for that, held as persons and a weight, not as candidates
    const tentative: Tentative[] = [];
    const tentativeRules = new Map<number, string[]>();
    result.stats[model.kind] = forEachPair(
      model,
      persons,
      model.blocking,
      (p, q) => {
        if (p.recordId === q.recordId) return;
        if (opts.focus && !opts.focus.has(p.recordId) && !opts.focus.has(q.recordId)) return;
        if (model.constraint?.(p, q)) return;
        const w = weigh(p, q);
        const ruleIds = kindRules.length > 0 ? matchingRules(kindRules, model.kind, p, q) : [];
        if (model.rivals) {
          if (w < minWeight - RIVAL_FLOOR && ruleIds.length === 0) return;
          if (ruleIds.length > 0) tentativeRules.set(tentative.length, ruleIds);
          tentative.push(model.sideA(p) ? { a: p, b: q, weight: w } : { a: q, b: p, weight: w });
          return;
        }
        if (w < minWeight && ruleIds.length === 0) return;
        const [x, y] = p.recordId < q.recordId ? [p, q] : [q, p];
        const prev = best.get(`${outKind(model, x, y)}|${x.recordId}|${y.recordId}`);
        if (prev && prev.weight >= Math.round(w * 100) / 100) return;
        keep(p, q, ruleIds);
      },
      opts.maxBlock ?? MAX_BLOCK,
    );
    if (model.rivals) {
      const { a, b } = sides(model, persons);
      const inScope = (p: Person) => !opts.focus || opts.focus.has(p.recordId);
      const { probability } = posteriors(tentative, { lambda: params.lambda, sideA: a.length, sideB: (b ?? a).filter(inScope).length, samePerson: model.rivals.samePerson });
      tentative.forEach((t, i) => {
        const ruleIds = tentativeRules.get(i) ?? [];
        if (probability[i]! >= threshold || ruleIds.length > 0) keep(t.a, t.b, ruleIds, probability[i]);
      });
    }
    if (model.exclusive) exclusive(best, sideA, model.exclusive);
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
