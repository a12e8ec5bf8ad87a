import { expect, it } from 'vitest';
import { clopperPearson, rateStats, type KeyerAccuracy } from '../qc/index.js';
import { overallOf } from './keyer-throughput.service.js';

it("sums a keyer's QC sources and field groups into one accuracy with its 95 % interval", () => {
  const none = rateStats(0, 0);
  const status = {} as KeyerAccuracy['status'];
  const a: KeyerAccuracy = {
    keyerId: 'k',
    name: 'K',
    status,
    bySource: {
      arbitration: { records: 10, critical: rateStats(1, 200), other: rateStats(3, 600) },
      review: { records: 2, critical: rateStats(0, 40), other: none },
      sampling: { records: 5, critical: none, other: rateStats(2, 160) },
    },
  };
  const ci = clopperPearson(6, 1000);
  expect(overallOf(a)).toEqual({ fields: 1000, errors: 6, accuracy: 0.994, lower: 1 - ci.upper, upper: 1 - ci.lower });
  expect(overallOf(a)!.lower).toBeLessThan(0.994);
  expect(overallOf(a)!.upper).toBeGreaterThan(0.994);
  expect(overallOf(undefined)).toBeNull();
  expect(
    overallOf({
      ...a,
      bySource: { arbitration: { records: 0, critical: none, other: none }, review: { records: 0, critical: none, other: none }, sampling: { records: 0, critical: none, other: none } },
    }),
  ).toBeNull();
});
