/**
 * QC simulation (pure, in memory) for the acceptance tests and `npm run
 * bench:qc`: demo ground truth (demoProvince), keyers with a seeded field
 * error injector (typo / omitted diacritics / digit swap), blind double
 * keying + comparison + an arbitrator who picks the ground-truth value, single
 * keying for the baseline, and a reviewer who checks sampled records against
 * the truth — feeding the same pure functions the services use (planLot,
 * rivestSample, summarizeChecks, decideLot).
 */
import { createRng, demoProvince, demoRecords, type Rng } from '../../src/demo/index.js';
import { comparable, comparePasses, criticalFieldKeys, decideLot, planLot, rivestSample, sampleComplete, summarizeChecks, DEFAULT_TARGETS, type FieldCheck, type LotDecision, type LotFindings, type LotPlan, type Targets } from '../../src/qc/index.js';
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
  const kinds: (() => string | undefined)[] = [() => { const s = stripDiacritics(value); return s !== value ? s : undefined; }, () => swapDigits(rng, value), () => typo(rng, value)];
  for (let attempt = 0; attempt < 10; attempt++) {
    const out = rng.weighted([[kinds[0]!, 0.3], [kinds[1]!, 0.3], [kinds[2]!, 0.4]] as const)();
    if (out !== undefined && out !== value) return out;
  }
  return value + 'x';
}

/** What a keyer with field error rate `rate` keys for a record. */
export function keyRecord(rng: Rng, r: SimRecord, rate: number): Record<string, string> {
  return Object.fromEntries(Object.entries(r.truth).map(([k, v]) => [k, rng.chance(rate) ? injectError(rng, v) : v]));
}

/** Two values agree when equal after the comparison's normalization (qc-keying's comparable: NFC, whitespace, tone placement). */
export const sameValue = (a: string, b: string): boolean => comparable(a) === comparable(b);

export interface Residual {
  critical: { fields: number; errors: number };
  other: { fields: number; errors: number };
}

export const residualRate = (r: Residual): number => (r.critical.errors + r.other.errors) / (r.critical.fields + r.other.fields);

function countResidual(acc: Residual, r: SimRecord, final: Record<string, string>): void {
  for (const [k, v] of Object.entries(r.truth)) {
    const g = r.critical.has(k) ? acc.critical : acc.other;
    g.fields++;
    if (!sameValue(final[k] ?? '', v)) g.errors++;
  }
}

export interface KeyedLot {
  records: SimRecord[];
  final: Record<string, string>[];
  residual: Residual;
  /** Fields sent to an arbitrator (double keying only). */
  arbitrated: number;
  fields: number;
}

/**
 * Blind double keying by keyers at rates a and b, compared with qc-keying's
 * comparePasses (the function the comparison service uses); every
 * disagreement goes to an arbitrator who picks the ground-truth value.
 */
export function doubleKey(records: SimRecord[], rates: [number, number], seed: number): KeyedLot {
  const rng = createRng(seed).fork('double');
  const residual: Residual = { critical: { fields: 0, errors: 0 }, other: { fields: 0, errors: 0 } };
  let arbitrated = 0;
  let fields = 0;
  const final = records.map((r) => {
    const keys = Object.keys(r.truth);
    const cmp = comparePasses(keys, keyRecord(rng, r, rates[0]), keyRecord(rng, r, rates[1]));
    const out: Record<string, string> = { ...cmp.agreed };
    for (const d of cmp.disagreements) out[d.fieldKey] = r.truth[d.fieldKey] ?? '';
    fields += cmp.fields.length;
    arbitrated += cmp.disagreements.length;
    countResidual(residual, r, out);
    return out;
  });
  return { records, final, residual, arbitrated, fields };
}

/** Single keying; `rateOf(i)` is the rate of the keyer of record i. */
export function singleKey(records: SimRecord[], rateOf: (i: number) => number, seed: number): KeyedLot {
  const rng = createRng(seed).fork('single');
  const residual: Residual = { critical: { fields: 0, errors: 0 }, other: { fields: 0, errors: 0 } };
  const final = records.map((r, i) => { const v = keyRecord(rng, r, rateOf(i)); countResidual(residual, r, v); return v; });
  return { records, final, residual, arbitrated: 0, fields: final.reduce((n, v) => n + Object.keys(v).length, 0) };
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
  const filled = (p: number) => { const r = lot.records[p - 1]!; const keys = Object.keys(r.truth); return { critical: keys.filter((k) => r.critical.has(k)).length, other: keys.filter((k) => !r.critical.has(k)).length }; };
  const picks = rivestSample(seed, n, plan.sampleSize, (drawn) => sampleComplete(plan, drawn.map(filled)));
  const sample = picks.map((p) => lot.records[p - 1]!.id);
  const checks = picks.flatMap((p) => reviewRecord(lot.records[p - 1]!, lot.final[p - 1]!));
  const findings = summarizeChecks(sample, checks, targets);
  return { plan, sample, findings, decision: decideLot(plan, findings) };
}
