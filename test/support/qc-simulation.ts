/**
 * QC simulation (pure, in memory) for the acceptance tests and `npm run
 * bench:qc`: demo ground truth (demoProvince), keyers with a seeded field
 * error injector (typo / omitted diacritics / digit swap), blind double
 * keying + comparison (comparePasses) + arbitration of every disagreement as
 * the arbitration screen records it (the two values in aShownFirst order, a
 * choice first / second / other, choiceOf), single keying for the baseline,
 * and a reviewer who checks sampled records against the truth — feeding the
 * same pure functions the services use (planLot, rivestSample,
 * summarizeChecks, decideLot).
 * By default errors are independent and the arbitrator always right. A World
 * can add correlated errors (Difficulty: hard fields where keyers err more
 * and pass B repeats pass A's misreading with probability rho) and an
 * arbitrator who errs (Arbitrator); see those types for the model.
 */
import { createRng, demoProvince, demoRecords, type Rng } from '../../src/demo/index.js';
import {
  aShownFirst,
  choiceOf,
  comparable,
  comparePasses,
  criticalFieldKeys,
  type Disagreement,
  decideLot,
  planLot,
  rivestSample,
  sampleComplete,
  summarizeChecks,
  DEFAULT_TARGETS,
  type FieldCheck,
  type LotDecision,
  type LotFindings,
  type LotPlan,
  type Targets,
} from '../../src/qc/index.js';
import { getTemplate } from '../../src/registers/index.js';

export interface SimRecord {
  id: string;
  templateId: string;
  truth: Record<string, string>;
  critical: ReadonlySet<string>;
}

/** `count` demo-like registrations: demo provinces of seeds seed, seed+1, … until enough. */
export function simRecords(count: number, seed = 2025): SimRecord[] {
  const out: SimRecord[] = [];
  for (let s = seed; out.length < count; s++) {
    for (const { book, record } of demoRecords(demoProvince(s))) {
      if (out.length >= count) break;
      const template = getTemplate(book.registerType);
      const truth = Object.fromEntries(Object.entries(record.values).filter(([, v]) => v !== ''));
      out.push({ id: `${s}-${book.key}-${record.no}`, templateId: template.id, truth, critical: criticalFieldKeys(template) });
    }
  }
  return out;
}

const stripDiacritics = (v: string) => v.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

function swapDigits(rng: Rng, v: string): string | undefined {
  const spots = [...v].flatMap((ch, i) => (i + 1 < v.length && /\d/.test(ch) && /\d/.test(v[i + 1]!) && ch !== v[i + 1] ? [i] : []));
  if (spots.length === 0) return undefined;
  const i = rng.pick(spots);
  return v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2);
}

function typo(rng: Rng, v: string): string {
  const i = rng.int(0, v.length - 1);
  if (v.length > 1 && rng.chance(0.3)) return v.slice(0, i) + v.slice(i + 1);
  const letters = /\d/.test(v[i]!) ? '0123456789' : 'abcdeghiklmnopqrstuvxy';
  const ch = rng.pick([...letters].filter((c) => c !== v[i]));
  return v.slice(0, i) + ch + v.slice(i + 1);
}

/** One keying error in a non-empty value: omitted diacritics, a digit swap or a typo; always differs from the value. */
export function injectError(rng: Rng, value: string): string {
  const kinds: (() => string | undefined)[] = [
    () => {
      const s = stripDiacritics(value);
      return s !== value ? s : undefined;
    },
    () => swapDigits(rng, value),
    () => typo(rng, value),
  ];
  for (let attempt = 0; attempt < 10; attempt++) {
    const out = rng.weighted([
      [kinds[0]!, 0.3],
      [kinds[1]!, 0.3],
      [kinds[2]!, 0.4],
    ] as const)();
    if (out !== undefined && out !== value) return out;
  }
  return value + 'x';
}

/**
 * Correlated errors. A share `hardShare` of the fields (faded ink, ambiguous
 * handwriting) is hard: the same fields for every reader of the record
 * (drawn once per record and field). On a hard field a keyer errs at
 * `hardFactor` × its rate; on the other fields at the rate that keeps its
 * overall rate what it is alone (rate × (1 − hardShare·hardFactor) ÷
 * (1 − hardShare); needs hardShare·hardFactor ≤ 1). When pass A misreads a
 * hard field, pass B, misled by the same strokes, keys the very same wrong
 * reading with probability `rho`; otherwise B keys on its own at its hard
 * rate. (So B's overall error rate rises by about hardShare·hardFactor·rateA·rho.)
 */
export interface Difficulty {
  hardShare: number;
  hardFactor: number;
  rho: number;
}

/**
 * An arbitrator who errs: a wrong decision with probability `errorRate` on
 * an ordinary field and `hardErrorRate` on a hard one; a wrong decision picks
 * a wrong shown value with probability `pickShare` (the other of the two, or
 * either when both are wrong), else types a wrong third value. A right
 * decision picks the true value, or types it when neither pass has it.
 */
export interface Arbitrator {
  errorRate: number;
  hardErrorRate: number;
  pickShare: number;
}

export interface World {
  difficulty?: Difficulty;
  arbitrator?: Arbitrator;
}

const PERFECT: Arbitrator = { errorRate: 0, hardErrorRate: 0, pickShare: 0 };
const NO_HARD: ReadonlySet<string> = new Set();

/** The hard fields of a record: a function of the record and the difficulty only, so single and double keying meet the same ones. */
export function hardFields(r: SimRecord, d: Difficulty | undefined): ReadonlySet<string> {
  if (!d || d.hardShare === 0) return NO_HARD;
  const rng = createRng(4242).fork(`hard:${r.id}`);
  return new Set(Object.keys(r.truth).filter(() => rng.chance(d.hardShare)));
}

/** A keyer's error rate on a field, hard or not (see Difficulty). */
function rateOn(rate: number, hard: boolean, d: Difficulty | undefined): number {
  if (!d || d.hardShare === 0) return rate;
  if (d.hardShare * d.hardFactor > 1) throw new Error('hardShare × hardFactor must be ≤ 1');
  return hard ? Math.min(1, rate * d.hardFactor) : (rate * (1 - d.hardShare * d.hardFactor)) / (1 - d.hardShare);
}

/**
 * What a keyer with field error rate `rate` keys for a record. With a
 * difficulty, `hard` are the record's hard fields and `misreadings` pass A's
 * wrong readings that this keyer may repeat on them (pass B only).
 */
export function keyRecord(rng: Rng, r: SimRecord, rate: number, d?: Difficulty, hard: ReadonlySet<string> = NO_HARD, misreadings?: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(r.truth).map(([k, v]) => {
      const isHard = hard.has(k);
      const misread = isHard && misreadings?.[k] !== undefined && !sameValue(misreadings[k], v) ? misreadings[k] : undefined;
      if (misread !== undefined && rng.chance(d!.rho)) return [k, misread];
      return [k, rng.chance(rateOn(rate, isHard, d)) ? injectError(rng, v) : v];
    }),
  );
}

/** Two values agree when equal after the comparison's normalization (qc-keying's comparable: NFC, whitespace, tone placement). */
export const sameValue = (a: string, b: string): boolean => a === b || comparable(a) === comparable(b);

export interface Residual {
  critical: { fields: number; errors: number };
  other: { fields: number; errors: number };
}

export const residualRate = (r: Residual): number => (r.critical.errors + r.other.errors) / (r.critical.fields + r.other.fields);

const newResidual = (): Residual => ({ critical: { fields: 0, errors: 0 }, other: { fields: 0, errors: 0 } });

function countResidual(acc: Residual, r: SimRecord, final: Record<string, string>): void {
  for (const [k, v] of Object.entries(r.truth)) {
    const g = r.critical.has(k) ? acc.critical : acc.other;
    g.fields++;
    if (!sameValue(final[k] ?? '', v)) g.errors++;
  }
}

const wrongFields = (r: SimRecord, keyed: Record<string, string>) => Object.entries(r.truth).filter(([k, v]) => !sameValue(keyed[k] ?? '', v)).length;

/** One arbitration as the disagreement row and the `arbitrated` action keep it. */
export interface ArbitrationRecord {
  disagreementId: string;
  recordId: string;
  fieldKey: string;
  valueA: string;
  valueB: string;
  /** What the arbitrator did on the screen: the value shown first or second, or a typed third value. */
  screen: 'first' | 'second' | 'other';
  value: string;
  /** choiceOf: the pass the decided value matches. */
  choice: 'A' | 'B' | 'other';
  hard: boolean;
  right: boolean;
}

/** The arbitrator's action on the screen (values shown in aShownFirst order). */
function arbitratorAction(rng: Rng, shown: readonly [string, string], truth: string, hard: boolean, a: Arbitrator): { screen: 'first' | 'second' | 'other'; typed?: string } {
  const at = (i: number) => (i === 0 ? 'first' : 'second');
  const right = shown.findIndex((v) => sameValue(v, truth));
  if (!rng.chance(hard ? a.hardErrorRate : a.errorRate)) return right >= 0 ? { screen: at(right) } : { screen: 'other', typed: truth };
  if (rng.chance(a.pickShare)) return { screen: at(rng.pick([0, 1].filter((i) => i !== right))) };
  return { screen: 'other', typed: injectError(rng, truth) };
}

/** Arbitrates one disagreement; the decided value follows arbitration.service's decide (first/second → that value, other → the typed one; choiceOf). */
function arbitrate(rng: Rng, id: string, r: SimRecord, d: Disagreement, hard: boolean, a: Arbitrator): ArbitrationRecord {
  const shown: [string, string] = aShownFirst(id) ? [d.valueA, d.valueB] : [d.valueB, d.valueA];
  const truth = r.truth[d.fieldKey] ?? '';
  const act = arbitratorAction(rng, shown, truth, hard, a);
  const picked = act.screen === 'first' ? shown[0] : act.screen === 'second' ? shown[1] : act.typed!;
  const choice = choiceOf(picked, d.valueA, d.valueB);
  const value = choice === 'A' ? d.valueA : choice === 'B' ? d.valueB : picked;
  return { disagreementId: id, recordId: r.id, fieldKey: d.fieldKey, valueA: d.valueA, valueB: d.valueB, screen: act.screen, value, choice, hard, right: sameValue(value, truth) };
}

export interface KeyedLot {
  records: SimRecord[];
  final: Record<string, string>[];
  residual: Residual;
  /** Fields sent to an arbitrator (double keying only). */
  arbitrated: number;
  fields: number;
  /** Fields each pass keyed wrong (double keying: [A, B]; single: [keyer]). */
  keyedWrong: number[];
  /** Fields both passes keyed wrong alike, so the comparison agreed on a wrong value (double keying only). */
  undetected: number;
  arbitrations: ArbitrationRecord[];
}

/**
 * Blind double keying by keyers at rates a and b, compared with qc-keying's
 * comparePasses (the function the comparison service uses); every
 * disagreement goes to an arbitrator (by default always right).
 */
export function doubleKey(records: SimRecord[], rates: [number, number], seed: number, world: World = {}): KeyedLot {
  const rng = createRng(seed).fork('double');
  const arbRng = createRng(seed).fork('arbitrator');
  const residual = newResidual();
  const arbitrations: ArbitrationRecord[] = [];
  const keyedWrong = [0, 0];
  let [arbitrated, fields, undetected] = [0, 0, 0];
  const final = records.map((r) => {
    const hard = hardFields(r, world.difficulty);
    const a = keyRecord(rng, r, rates[0], world.difficulty, hard);
    const b = keyRecord(rng, r, rates[1], world.difficulty, hard, world.difficulty ? a : undefined);
    const cmp = comparePasses(Object.keys(r.truth), a, b);
    const out: Record<string, string> = { ...cmp.agreed };
    for (const d of cmp.disagreements) {
      const arb = arbitrate(arbRng, String(arbitrations.length + 1), r, d, hard.has(d.fieldKey), world.arbitrator ?? PERFECT);
      arbitrations.push(arb);
      out[d.fieldKey] = arb.value;
    }
    keyedWrong[0]! += wrongFields(r, a);
    keyedWrong[1]! += wrongFields(r, b);
    undetected += Object.entries(cmp.agreed).filter(([k, v]) => !sameValue(v, r.truth[k] ?? '')).length;
    fields += cmp.fields.length;
    arbitrated += cmp.disagreements.length;
    countResidual(residual, r, out);
    return out;
  });
  return { records, final, residual, arbitrated, fields, keyedWrong, undetected, arbitrations };
}

/** Single keying; `rateOf(i)` is the rate of the keyer of record i; with a difficulty the keyer meets the same hard fields (and has no one to repeat). */
export function singleKey(records: SimRecord[], rateOf: (i: number) => number, seed: number, world: World = {}): KeyedLot {
  const rng = createRng(seed).fork('single');
  const residual = newResidual();
  let wrong = 0;
  const final = records.map((r, i) => {
    const v = keyRecord(rng, r, rateOf(i), world.difficulty, hardFields(r, world.difficulty));
    wrong += wrongFields(r, v);
    countResidual(residual, r, v);
    return v;
  });
  return { records, final, residual, arbitrated: 0, fields: final.reduce((n, v) => n + Object.keys(v).length, 0), keyedWrong: [wrong], undetected: 0, arbitrations: [] };
}

export interface SampledAcceptance {
  plan: LotPlan;
  sample: string[];
  findings: LotFindings;
  decision: LotDecision;
}

/** The reviewer's checks of one record: every field with a value (keyed or true). */
export function reviewRecord(r: SimRecord, keyed: Record<string, string>): FieldCheck[] {
  const keys = new Set([...Object.keys(r.truth), ...Object.keys(keyed)]);
  return [...keys].map((k) => {
    const ok = sameValue(keyed[k] ?? '', r.truth[k] ?? '');
    return { recordId: r.id, fieldKey: k, ok, critical: r.critical.has(k), keyedValue: keyed[k] ?? '', correctValue: ok ? null : (r.truth[k] ?? '') };
  });
}

/** Samples a keyed lot with the Rivest sampler, reviews the sample against the truth and decides. */
export function acceptLot(lot: KeyedLot, kind: 'iso2859' | 'confidence', seed: string, targets: Targets = DEFAULT_TARGETS): SampledAcceptance {
  const n = lot.records.length;
  const per = (crit: boolean) => lot.records.reduce((s, r) => s + Object.keys(r.truth).filter((k) => r.critical.has(k) === crit).length, 0) / n;
  const plan = planLot({ kind, lotSize: n, targets, fieldsPerRecord: { critical: per(true), other: per(false) } });
  const filled = (p: number) => {
    const r = lot.records[p - 1]!;
    const keys = Object.keys(r.truth);
    return { critical: keys.filter((k) => r.critical.has(k)).length, other: keys.filter((k) => !r.critical.has(k)).length };
  };
  const picks = rivestSample(seed, n, plan.sampleSize, (drawn) => sampleComplete(plan, drawn.map(filled)));
  const sample = picks.map((p) => lot.records[p - 1]!.id);
  const checks = picks.flatMap((p) => reviewRecord(lot.records[p - 1]!, lot.final[p - 1]!));
  const findings = summarizeChecks(sample, checks, targets);
  return { plan, sample, findings, decision: decideLot(plan, findings) };
}
