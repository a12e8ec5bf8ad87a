import { describe, expect, it } from 'vitest';
import { inverseRegularizedBeta, logGamma, regularizedBeta } from './stats-beta.js';
import { binomialCdf, clopperPearson, clopperPearsonUpper, sampleSizeForUpperBound, wilson, Z_ONE_SIDED_95 } from './stats-interval.js';

/** Independent reference: P(X ≤ k) by term recurrence (no gamma, no beta), then bisection on p. */
function refCdf(k: number, n: number, p: number): number {
  let term = Math.pow(1 - p, n);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    sum += term;
  }
  return sum;
}
function refUpper(k: number, n: number, alpha: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (refCdf(k, n, mid) > alpha) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('regularized incomplete beta', () => {
  it('log-gamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('has closed forms for a = 1 or b = 1 and inverts itself', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.3, 2, 1)).toBeCloseTo(0.09, 14);
    expect(regularizedBeta(0.01, 1, 500)).toBeCloseTo(1 - Math.pow(0.99, 500), 12);
    for (const [a, b] of [
      [3, 48],
      [8, 43],
      [1, 2995],
      [0.5, 0.5],
      [120, 30000],
    ] as const) {
      for (const p of [0.025, 0.5, 0.95]) expect(regularizedBeta(inverseRegularizedBeta(p, a, b), a, b)).toBeCloseTo(p, 10);
    }
  });
});

describe('Clopper–Pearson and Wilson (QC.md §2 test vectors)', () => {
  it('k = 7, n = 50: CP (0.0581917, 0.2673960), Wilson (0.0695083, 0.2618619)', () => {
    const cp = clopperPearson(7, 50);
    expect(cp.lower).toBeCloseTo(0.0581917, 7);
    expect(cp.upper).toBeCloseTo(0.267396, 7);
    const w = wilson(7, 50);
    expect(w.lower).toBeCloseTo(0.0695083, 7);
    expect(w.upper).toBeCloseTo(0.2618619, 7);
  });
  it('one-sided 95 % upper bounds: (0, 2995) → 0.00099974; (2, 2000) → 0.0031445; (0, 80) → 0.036754', () => {
    expect(clopperPearsonUpper(0, 2995)).toBeCloseTo(0.00099974, 8);
    expect(clopperPearsonUpper(2, 2000)).toBeCloseTo(0.0031445, 7);
    expect(clopperPearsonUpper(0, 80)).toBeCloseTo(0.036754, 6);
    expect(clopperPearsonUpper(0, 2000)).toBeCloseTo(1 - Math.pow(0.05, 1 / 2000), 12);
  });
  it('agrees with an independent exact binomial computation', () => {
    for (const [k, n] of [
      [0, 1],
      [1, 10],
      [3, 125],
      [6, 12500],
      [49, 12500],
      [15, 40000],
      [0, 250000],
    ] as const) {
      expect(clopperPearsonUpper(k, n) / refUpper(k, n, 0.05)).toBeCloseTo(1, 8);
      expect(binomialCdf(k, n, 0.001)).toBeCloseTo(refCdf(k, n, 0.001), 10);
    }
  });
  it('Wilson is optimistic at zero errors (≈ 2.706/n vs 2.996/n)', () => {
    expect(wilson(0, 10000, Z_ONE_SIDED_95).upper * 10000).toBeCloseTo(2.706, 2);
    expect(clopperPearsonUpper(0, 10000) * 10000).toBeCloseTo(2.9953, 3);
  });
  it('edge cases: n = 0, k = n', () => {
    expect(clopperPearson(0, 0)).toEqual({ lower: 0, upper: 1 });
    expect(clopperPearson(5, 5).upper).toBe(1);
    expect(() => clopperPearson(3, 2)).toThrow();
  });
});

describe('sample size for a 95 % upper bound (QC.md §2 table)', () => {
  const table: [number, number[]][] = [
    [0.001, [2995, 4742, 6294, 7752]],
    [0.005, [598, 947, 1258, 1549]],
    [0.01, [299, 473, 628, 773]],
    [0.02, [149, 236, 313, 386]],
  ];
  for (const [target, ns] of table) {
    it(`target ${target * 100} %: ${ns.join(', ')}`, () => {
      expect(ns.map((_, k) => sampleSizeForUpperBound(target, k))).toEqual(ns);
    });
  }
  it('promotion arithmetic: at 12,500 fields at most 6 errors keep the bound under 0.1 % (QC.md §3.4)', () => {
    expect(clopperPearsonUpper(6, 12500)).toBeLessThan(0.001);
    expect(clopperPearsonUpper(7, 12500)).toBeGreaterThan(0.001);
    expect(clopperPearsonUpper(49, 12500)).toBeLessThan(0.005);
    expect(clopperPearsonUpper(50, 12500)).toBeGreaterThan(0.005);
  });
});
