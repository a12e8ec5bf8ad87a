/**
 * Simulation (issue #7): demo ground truth keyed by keyers with injected
 * field error rates of 1 % and 0.1 %; double keying + arbitration to the
 * truth leaves < 0.2 % residual field error; sampled acceptance accepts the
 * double-keyed lot and rejects a single-keyed 1 % lot at the default targets
 * (critical ≥ 99.9 %, other ≥ 99.5 %); the intervals are checked against an
 * independent exact binomial computation done here. With correlated errors
 * (hard fields, pass B repeating pass A's misreading) some wrong values pass
 * the comparison unseen, and an erring arbitrator adds its wrong decisions:
 * the residual is exactly the two together.
 */
import { describe, expect, it } from 'vitest';
import { acceptLot, doubleKey, hardFields, injectError, residualRate, simRecords, singleKey, type KeyedLot } from '../../test/support/qc-simulation.js';
import { choiceOf } from './compare.js';
// eslint-disable-next-line no-restricted-imports -- a test may use the demo's seeded random generator (the product code may not)
import { createRng } from '../demo/index.js';

/** P(X ≤ k | n, p) by the term recurrence, and the one-sided 95 % upper bound by bisection: independent of stats-beta. */
function refUpper(k: number, n: number): number {
  const cdf = (p: number) => {
    let term = Math.pow(1 - p, n);
    let sum = term;
    for (let i = 1; i <= k; i++) sum += term *= ((n - i + 1) / i) * (p / (1 - p));
    return sum;
  };
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) > 0.05) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('QC simulation on the demo ground truth', () => {
  const records = simRecords(2400, 2025);
  const good = doubleKey(records, [0.01, 0.001], 11);
  const bad = singleKey(records, () => 0.01, 12);

  it('injects errors that always change the value (typo, omitted diacritics, digit swap)', () => {
    const rng = createRng(1);
    for (const v of ['Nguyễn Văn An', '12.03.1985', '7', 'Đỗ Thị Hà']) for (let i = 0; i < 50; i++) expect(injectError(rng, v)).not.toBe(v);
  });

  it('double keying + arbitration leaves under 0.2 % residual field error (single keying at 1 % does not)', () => {
    expect(good.fields).toBeGreaterThan(40000);
    expect(residualRate(good.residual)).toBeLessThan(0.002);
    expect(residualRate(bad.residual)).toBeGreaterThan(0.008);
    expect(good.arbitrated / good.fields).toBeGreaterThan(0.008);
  });

  for (const kind of ['confidence', 'iso2859'] as const) {
    it(`${kind} plan: accepts the double-keyed lot, rejects the single-keyed 1 % lot; same seed → same sample`, () => {
      const seed = '314159265358979323846264';
      const a = acceptLot(good, kind, seed);
      const b = acceptLot(bad, kind, seed);
      expect(a.decision.verdict).toBe('accept');
      expect(b.decision.verdict).toBe('reject');
      expect(acceptLot(good, kind, seed).sample).toEqual(a.sample);
      for (const g of [a.findings.critical, a.findings.other, b.findings.critical, b.findings.other]) {
        expect(g.upper).toBeCloseTo(refUpper(g.errors, g.units), 9);
      }
    });
  }
});

describe('QC simulation with correlated errors and an erring arbitrator', () => {
  const records = simRecords(2400, 2025);
  const difficulty = { hardShare: 0.02, hardFactor: 10, rho: 0.5 };
  const arbitrator = { errorRate: 0.05, hardErrorRate: 0.3, pickShare: 0.8 };
  const errors = (k: KeyedLot) => k.residual.critical.errors + k.residual.other.errors;
  const fields = records.reduce((n, r) => n + Object.keys(r.truth).length, 0);

  it('meets the same hard fields on every reading and keeps a lone keyer at its overall rate', () => {
    const hard = records.reduce((n, r) => n + hardFields(r, difficulty).size, 0);
    expect(hard / fields).toBeGreaterThan(0.015);
    expect(hard / fields).toBeLessThan(0.025);
    expect([...hardFields(records[7]!, difficulty)]).toEqual([...hardFields(records[7]!, difficulty)]);
    const alone = singleKey(records, () => 0.01, 12, { difficulty });
    expect(alone.keyedWrong[0]! / fields).toBeGreaterThan(0.008);
    expect(alone.keyedWrong[0]! / fields).toBeLessThan(0.012);
  });

  it('lets repeated misreadings through the comparison; an erring arbitrator adds its wrong decisions', () => {
    const independent = doubleKey(records, [0.01, 0.001], 11);
    const correlated = doubleKey(records, [0.01, 0.001], 11, { difficulty });
    expect(correlated.undetected).toBeGreaterThan(independent.undetected + 20);
    expect(errors(correlated)).toBe(correlated.undetected);
    const erring = doubleKey(records, [0.01, 0.001], 11, { difficulty, arbitrator });
    const wrong = erring.arbitrations.filter((a) => !a.right).length;
    expect(wrong).toBeGreaterThan(0);
    expect(errors(erring)).toBe(erring.undetected + wrong);
    expect(residualRate(erring.residual)).toBeGreaterThan(residualRate(correlated.residual));
    for (const a of erring.arbitrations) expect(choiceOf(a.value, a.valueA, a.valueB)).toBe(a.choice);
    expect(correlated.arbitrations.every((a) => a.right)).toBe(true);
  });
});
