/**
 * Keyer promotion and demotion (QC.md §3.4, after the US Census Bureau rule
 * "a clerk below the error threshold after N units moves to sampled QC" and
 * Dodge's CSP-1), as a pure replay of one keyer's history, oldest first:
 * - start on 'double' (full double keying);
 * - promote to 'sampled' (single keying + sampled review) once the keyer has
 *   at least `minRecords` adjudicated records since the last (re)start AND the
 *   one-sided 95 % Clopper–Pearson upper bound of the field error rate is at
 *   or below the threshold for critical and for other fields;
 * - demote back to 'double' (and start counting again) when, since the
 *   promotion, a sample finds a critical-field error (if
 *   `demoteOnCriticalSampleError`), a lot with the keyer's errors is rejected,
 *   or the rate rises: the two-sided 95 % CP LOWER bound exceeds the threshold.
 * Errors are charged only when arbitration against the image or an audit
 * proves a value wrong (the event sources).
 */
import { clopperPearson } from './stats-interval.js';
import { rateStats, type RateStats } from './acceptance.js';

export type KeyerMode = 'double' | 'sampled';
export type EventSource = 'arbitration' | 'review' | 'sampling';

export interface KeyerEvent {
  at: Date;
  source: EventSource;
  records: number;
  critical: { fields: number; errors: number };
  other: { fields: number; errors: number };
  /** A sampling lot rejected with this keyer's errors in it. */
  lotRejected?: boolean;
}

export interface PromotionRule {
  minRecords: number;
  /** Largest error rate allowed (fractions): 0.001 = 0.1 %. */
  thresholds: { critical: number; other: number };
  demoteOnCriticalSampleError: boolean;
}

export const DEFAULT_PROMOTION_RULE: PromotionRule = { minRecords: 500, thresholds: { critical: 0.001, other: 0.005 }, demoteOnCriticalSampleError: true };

/** The rule of this deployment (core config `qcPromotion`, read from HOTICH_QC_PROMOTION_*). */
export function promotionRuleOf(settings: { minRecords: number; critical: number; other: number }): PromotionRule {
  return { ...DEFAULT_PROMOTION_RULE, minRecords: settings.minRecords, thresholds: { critical: settings.critical, other: settings.other } };
}

export type TransitionReason = 'qualified' | 'critical_sample_error' | 'lot_rejected' | 'rate_rose';

export interface KeyerStatus {
  mode: KeyerMode;
  /** Counted since the last change of mode (what the rule looks at). */
  window: { records: number; critical: RateStats; other: RateStats };
  /** Everything in the history. */
  total: { records: number; critical: RateStats; other: RateStats };
  /** Records still needed to qualify (0 when sampled). */
  recordsToQualify: number;
  transitions: { at: Date; to: KeyerMode; reason: TransitionReason }[];
}

interface Counts {
  records: number;
  cf: number;
  ce: number;
  of: number;
  oe: number;
}
const ZERO: Counts = { records: 0, cf: 0, ce: 0, of: 0, oe: 0 };
const plus = (c: Counts, e: KeyerEvent): Counts => ({
  records: c.records + e.records,
  cf: c.cf + e.critical.fields,
  ce: c.ce + e.critical.errors,
  of: c.of + e.other.fields,
  oe: c.oe + e.other.errors,
});
const upper = (errors: number, fields: number) => rateStats(errors, fields).upper;

function qualifies(c: Counts, rule: PromotionRule): boolean {
  return c.records >= rule.minRecords && upper(c.ce, c.cf) <= rule.thresholds.critical && upper(c.oe, c.of) <= rule.thresholds.other;
}

function demotion(c: Counts, e: KeyerEvent, rule: PromotionRule): TransitionReason | null {
  if (e.lotRejected) return 'lot_rejected';
  if (rule.demoteOnCriticalSampleError && e.source === 'sampling' && e.critical.errors > 0) return 'critical_sample_error';
  const rose = (errors: number, fields: number, thr: number) => fields > 0 && clopperPearson(errors, fields).lower > thr;
  return rose(c.ce, c.cf, rule.thresholds.critical) || rose(c.oe, c.of, rule.thresholds.other) ? 'rate_rose' : null;
}

/** The keyer's current mode after replaying `events` (sorted here by time). */
export function keyerStatus(events: readonly KeyerEvent[], rule: PromotionRule = DEFAULT_PROMOTION_RULE): KeyerStatus {
  let mode: KeyerMode = 'double';
  let window = ZERO;
  let total = ZERO;
  const transitions: KeyerStatus['transitions'] = [];
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    window = plus(window, e);
    total = plus(total, e);
    const reason = mode === 'double' ? (qualifies(window, rule) ? 'qualified' : null) : demotion(window, e, rule);
    if (reason) {
      mode = mode === 'double' ? 'sampled' : 'double';
      transitions.push({ at: e.at, to: mode, reason });
      window = ZERO;
    }
  }
  const stats = (c: Counts) => ({ records: c.records, critical: rateStats(c.ce, c.cf), other: rateStats(c.oe, c.of) });
  return { mode, window: stats(window), total: stats(total), recordsToQualify: mode === 'double' ? Math.max(0, rule.minRecords - window.records) : 0, transitions };
}
