/**
 * Confidence intervals for an error rate (k errors in n checked units) and
 * the sample size a target needs (QC.md §2). Clopper–Pearson (exact, from the
 * beta quantiles) decides acceptance; Wilson is shown only: at k = 0 its
 * one-sided bound ≈ 2.706/n is below the exact ≈ 2.996/n, i.e. optimistic.
 * Pure functions; rates are fractions (0.001 = 0.1 %).
 */
import { inverseRegularizedBeta, logGamma } from './stats-beta.js';

export interface Interval {
  lower: number;
  upper: number;
}

function assertCounts(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new RangeError(`bad counts k=${k}, n=${n}`);
}

/** Two-sided Clopper–Pearson interval at `confidence` (0.95: 2.5 % in each tail). n = 0 gives [0, 1]. */
export function clopperPearson(k: number, n: number, confidence = 0.95): Interval {
  assertCounts(k, n);
  if (n === 0) return { lower: 0, upper: 1 };
  const alpha = 1 - confidence;
  const lower = k === 0 ? 0 : inverseRegularizedBeta(alpha / 2, k, n - k + 1);
  const upper = k === n ? 1 : inverseRegularizedBeta(1 - alpha / 2, k + 1, n - k);
  return { lower, upper };
}

/** One-sided Clopper–Pearson upper bound: the p with P(X ≤ k | n, p) = 1 − confidence. */
export function clopperPearsonUpper(k: number, n: number, confidence = 0.95): number {
  assertCounts(k, n);
  if (n === 0 || k === n) return 1;
  return inverseRegularizedBeta(confidence, k + 1, n - k);
}

/** Standard normal quantiles: 97.5 % (two-sided 95 %) and 95 % (one-sided 95 %). */
export const Z_TWO_SIDED_95 = 1.959963984540054;
export const Z_ONE_SIDED_95 = 1.6448536269514722;

/** Wilson score interval with normal quantile z (two-sided 95 % by default; Z_ONE_SIDED_95 for a one-sided upper bound). */
export function wilson(k: number, n: number, z = Z_TWO_SIDED_95): Interval {
  assertCounts(k, n);
  if (n === 0) return { lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { lower: Math.max(0, (centre - half) / denom), upper: Math.min(1, (centre + half) / denom) };
}

/** P(X ≤ k) for X ~ Binomial(n, p), summed in log space. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (p <= 0) return 1;
  if (p >= 1) return k >= n ? 1 : 0;
  const lnC = logGamma(n + 1);
  let sum = 0;
  for (let i = 0; i <= Math.min(k, n); i++) {
    sum += Math.exp(lnC - logGamma(i + 1) - logGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return Math.min(1, sum);
}

/**
 * The smallest n for which k observed errors still keep the one-sided upper
 * bound at `confidence` at or below `target`: BinomCDF(k; n, target) ≤ 1 − confidence.
 * (0.1 %, k = 0 → 2,995; k = 3 → 7,752.)
 */
export function sampleSizeForUpperBound(target: number, k = 0, confidence = 0.95): number {
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be in (0, 1): ${target}`);
  const alpha = 1 - confidence;
  const ok = (n: number) => binomialCdf(k, n, target) <= alpha;
  let hi = Math.max(k + 1, Math.ceil((k + 1) / target));
  while (!ok(hi)) hi *= 2;
  let lo = k;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
