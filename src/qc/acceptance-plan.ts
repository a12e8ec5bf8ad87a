/**
 * How big the sample of a lot is, chosen by the planner (pure):
 * - 'iso2859': ISO 2859-1 single sampling on RECORDS, general inspection
 *   level II by default, an AQL in percent nonconforming records (a record is
 *   nonconforming when any critical field is wrong; QC.md §1.6 suggests 0.65
 *   for a 0.1 % critical field target). The lot is decided by Ac/Re.
 * - 'confidence': enough records for the one-sided 95 % Clopper–Pearson
 *   upper bound of each field group's error rate to fall below 1 − target
 *   when at most `expectedErrors` errors are found (QC.md §2), using the
 *   lot's mean number of filled fields per record. Decided by those bounds.
 */
import { singlePlan, type SinglePlan } from './iso2859.js';
import type { InspectionLevel, Severity } from './iso2859-tables.js';
import { sampleSizeForUpperBound } from './stats-interval.js';

/** Field accuracy targets, as fractions (0.999 = 99.9 %). */
export interface Targets {
  critical: number;
  other: number;
}

export const DEFAULT_TARGETS: Targets = { critical: 0.999, other: 0.995 };
export const DEFAULT_AQL = 0.65;
export const CONFIDENCE = 0.95;

export interface IsoLotPlan extends Omit<SinglePlan, 'standard'> {
  kind: 'iso2859';
  standard: 'ISO 2859-1';
  unit: 'record';
  decidedBy: 'ac_re';
}

export interface ConfidenceLotPlan {
  kind: 'confidence';
  lotSize: number;
  confidence: number;
  expectedErrors: number;
  /** Mean filled fields per record in the lot, per group. */
  fieldsPerRecord: { critical: number; other: number };
  /** Fields each group needs (sampleSizeForUpperBound). */
  fieldsNeeded: { critical: number; other: number };
  sampleSize: number;
  fullInspection: boolean;
  decidedBy: 'clopper_pearson';
}

export type LotPlan = IsoLotPlan | ConfidenceLotPlan;

export interface PlanInput {
  kind: 'iso2859' | 'confidence';
  lotSize: number;
  targets: Targets;
  aql?: number;
  level?: InspectionLevel;
  severity?: Severity;
  expectedErrors?: number;
  fieldsPerRecord: { critical: number; other: number };
}

function confidencePlan(input: PlanInput): ConfidenceLotPlan {
  const k = input.expectedErrors ?? 0;
  const need = (target: number, perRecord: number) => ({
    fields: sampleSizeForUpperBound(1 - target, k, CONFIDENCE),
    records: perRecord > 0 ? Math.ceil(sampleSizeForUpperBound(1 - target, k, CONFIDENCE) / perRecord) : 0,
  });
  const c = need(input.targets.critical, input.fieldsPerRecord.critical);
  const o = need(input.targets.other, input.fieldsPerRecord.other);
  const wanted = Math.max(1, c.records, o.records);
  return {
    kind: 'confidence',
    lotSize: input.lotSize,
    confidence: CONFIDENCE,
    expectedErrors: k,
    fieldsPerRecord: input.fieldsPerRecord,
    fieldsNeeded: { critical: c.fields, other: o.fields },
    sampleSize: Math.min(wanted, input.lotSize),
    fullInspection: wanted >= input.lotSize,
    decidedBy: 'clopper_pearson',
  };
}

function isoPlan(input: PlanInput): IsoLotPlan {
  if (input.lotSize < 2) {
    return {
      kind: 'iso2859',
      standard: 'ISO 2859-1',
      unit: 'record',
      decidedBy: 'ac_re',
      lotSize: input.lotSize,
      level: input.level ?? 'II',
      aql: input.aql ?? DEFAULT_AQL,
      severity: input.severity ?? 'normal',
      codeLetter: 'A',
      planLetter: 'A',
      sampleSize: input.lotSize,
      tableSampleSize: input.lotSize,
      fullInspection: true,
      ac: 0,
      re: 1,
    };
  }
  const p = singlePlan({ lotSize: input.lotSize, aql: input.aql ?? DEFAULT_AQL, level: input.level ?? 'II', severity: input.severity ?? 'normal' });
  return { ...p, kind: 'iso2859', unit: 'record', decidedBy: 'ac_re' };
}

/** The plan of a lot: its sample size and the rule that will decide it. */
export function planLot(input: PlanInput): LotPlan {
  return input.kind === 'iso2859' ? isoPlan(input) : confidencePlan(input);
}

/**
 * Whether the records drawn so far (their filled fields per group) complete
 * the sample. A confidence plan's need is in FIELDS, so the sampler keeps
 * drawing (the same seed's sequence, escalated) until each group has them.
 */
export function sampleComplete(plan: LotPlan, drawn: readonly { critical: number; other: number }[]): boolean {
  if (drawn.length < plan.sampleSize) return false;
  if (plan.kind !== 'confidence') return true;
  const sum = (g: 'critical' | 'other') => drawn.reduce((s, d) => s + d[g], 0);
  return sum('critical') >= plan.fieldsNeeded.critical && sum('other') >= plan.fieldsNeeded.other;
}
