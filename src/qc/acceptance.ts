/**
 * The findings of a lot's sample and its decision (pure). Fields counted are
 * those with a value on the page or in the data (keyed or correct value
 * non-empty), so an omitted value is an error and an empty column is not a
 * free success. Error rates per group (critical / other fields) carry the
 * two-sided 95 % Clopper–Pearson interval, the one-sided 95 % upper bound
 * and, for display only, Wilson's interval.
 *
 * WHICH RULE DECIDES (both are always computed and shown):
 * - plan 'iso2859': the ISO Ac/Re numbers on nonconforming records (a record
 *   with any wrong critical field): accept when d < Re (d ≤ Ac).
 * - plan 'confidence': accept when, for critical AND other fields, the
 *   one-sided 95 % Clopper–Pearson upper bound of the error rate ≤ 1 − target.
 * A lot with unchecked sampled records cannot be decided.
 */
import type { LotPlan, Targets } from './acceptance-plan.js';
import { planVerdict } from './iso2859.js';
import { clopperPearson, clopperPearsonUpper, wilson, type Interval } from './stats-interval.js';

export interface FieldCheck {
  recordId: string;
  fieldKey: string;
  ok: boolean;
  critical: boolean;
  keyedValue: string;
  correctValue: string | null;
}

export interface RateStats {
  units: number;
  errors: number;
  rate: number;
  /** Two-sided 95 % Clopper–Pearson. */
  interval: Interval;
  /** One-sided 95 % Clopper–Pearson upper bound (the decision statistic). */
  upper: number;
  /** Two-sided 95 % Wilson, shown only (optimistic at zero errors). */
  wilson: Interval;
}

export interface GroupStats extends RateStats {
  /** Accuracy target (0.999) and the largest error rate it allows (0.001). */
  target: number;
  maxErrorRate: number;
  meetsTarget: boolean;
}

export interface LotFindings {
  sampleSize: number;
  recordsChecked: number;
  critical: GroupStats;
  other: GroupStats;
  /** Records with a wrong critical field (ISO nonconforming units). */
  nonconformingRecords: RateStats;
  /** Records with any wrong field. */
  recordsWithErrors: number;
  errors: FieldCheck[];
}

export function rateStats(errors: number, units: number): RateStats {
  return { units, errors, rate: units === 0 ? 0 : errors / units, interval: clopperPearson(errors, units), upper: clopperPearsonUpper(errors, units), wilson: wilson(errors, units) };
}

function groupStats(checks: readonly FieldCheck[], target: number): GroupStats {
  const counted = checks.filter((c) => !c.ok || c.keyedValue !== '' || (c.correctValue ?? '') !== '');
  const s = rateStats(counted.filter((c) => !c.ok).length, counted.length);
  return { ...s, target, maxErrorRate: 1 - target, meetsTarget: s.units === 0 || s.upper <= 1 - target + 1e-12 };
}

/** Sums the checks of the sampled records (`sampled`: every record drawn, checked or not). */
export function summarizeChecks(sampled: readonly string[], checks: readonly FieldCheck[], targets: Targets): LotFindings {
  const checkedRecords = new Set(checks.map((c) => c.recordId));
  const errors = checks.filter((c) => !c.ok);
  const badCritical = new Set(errors.filter((c) => c.critical).map((c) => c.recordId));
  return {
    sampleSize: sampled.length,
    recordsChecked: sampled.filter((id) => checkedRecords.has(id)).length,
    critical: groupStats(
      checks.filter((c) => c.critical),
      targets.critical,
    ),
    other: groupStats(
      checks.filter((c) => !c.critical),
      targets.other,
    ),
    nonconformingRecords: rateStats(badCritical.size, checkedRecords.size),
    recordsWithErrors: new Set(errors.map((c) => c.recordId)).size,
    errors,
  };
}

export type Verdict = 'accept' | 'reject';

export interface LotDecision {
  verdict: Verdict;
  /** The rule that decided (the plan's). */
  decidedBy: 'ac_re' | 'clopper_pearson';
  /** ISO Ac/Re on nonconforming records; null for a confidence plan (no Ac/Re). */
  isoVerdict: { verdict: Verdict; ac: number; re: number; nonconforming: number } | null;
  /** The confidence rule (always computed). */
  confidenceVerdict: { verdict: Verdict; critical: boolean; other: boolean };
}

/** The decision the plan's rule gives; throws when not every sampled record is checked. */
export function decideLot(plan: LotPlan, f: LotFindings): LotDecision {
  if (f.recordsChecked < f.sampleSize) throw new RangeError(`only ${f.recordsChecked} of ${f.sampleSize} sampled records are checked`);
  const confidenceVerdict = { verdict: (f.critical.meetsTarget && f.other.meetsTarget ? 'accept' : 'reject') as Verdict, critical: f.critical.meetsTarget, other: f.other.meetsTarget };
  const d = f.nonconformingRecords.errors;
  const isoVerdict = plan.kind === 'iso2859' ? { verdict: planVerdict(plan, d), ac: plan.ac, re: plan.re, nonconforming: d } : null;
  const verdict = isoVerdict ? isoVerdict.verdict : confidenceVerdict.verdict;
  return { verdict, decidedBy: plan.decidedBy, isoVerdict, confidenceVerdict };
}
