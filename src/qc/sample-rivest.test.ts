import { describe, expect, it } from 'vitest';
import { manifestHash, newSeed, rivestSample, rivestSequence } from './sample-rivest.js';

describe('Rivest sampler (QC.md §4.1)', () => {
  it('reproduces the published test vectors', () => {
    expect(rivestSequence('1', 3, 1, 1000)).toEqual([97, 89, 163]);
    expect(rivestSequence('0', 3, 1, 1000)).toEqual([905, 573, 160]);
  });
  it('same seed → same sample; distinct picks; extending escalates', () => {
    const a = rivestSample('123456789012345678901234', 500, 40);
    expect(rivestSample('123456789012345678901234', 500, 40)).toEqual(a);
    expect(new Set(a).size).toBe(40);
    expect(rivestSample('123456789012345678901234', 500, 60).slice(0, 40)).toEqual(a);
    expect(rivestSample('123456789012345678901235', 500, 40)).not.toEqual(a);
  });
  it('takes everything when n ≥ population, and escalates until a condition holds', () => {
    expect(rivestSample('7', 5, 10).sort()).toEqual([1, 2, 3, 4, 5]);
    const s = rivestSample('7', 1000, 3, (p) => p.some((x) => x <= 10));
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.some((x) => x <= 10)).toBe(true);
  });
  it('makes 24-digit seeds and stable manifest hashes', () => {
    expect(newSeed()).toMatch(/^\d{24}$/);
    expect(manifestHash(['a', 'b'])).toBe(manifestHash(['a', 'b']));
    expect(manifestHash(['a', 'b'])).not.toBe(manifestHash(['b', 'a']));
  });
});
