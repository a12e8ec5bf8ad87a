/**
 * npm run bench:qc — the QC simulation at scale, pure and in memory (the same
 * functions the services use): 10,000 demo-like registrations (demoProvince
 * of successive seeds), two keyers with injected field error rates of 1 % and
 * 0.1 % (typo / omitted diacritics / digit swap).
 * Measured: blind double keying by both, compared with qc-keying's
 * comparePasses, + arbitration to the ground truth
 * (value) against single keying of the same records in the same run, each
 * record keyed by one of the two keyers in turn (baseline). Also the share of
 * fields sent to an arbitrator and the sampled-acceptance decisions of lots
 * of 2,000 registrations under both plans (95 % Clopper–Pearson bound and ISO
 * 2859-1 level II AQL 0.65) at the default targets (critical ≥ 99.9 %,
 * other ≥ 99.5 %). ratio = value ÷ baseline (lower is better).
 */
import { acceptLot, doubleKey, residualRate, simRecords, singleKey, type KeyedLot } from '../test/support/qc-simulation.js';

const N = 10_000;
const LOT = 2_000;
const RATES: [number, number] = [0.01, 0.001];

function lotsOf(k: KeyedLot): KeyedLot[] {
  const out: KeyedLot[] = [];
  for (let i = 0; i < k.records.length; i += LOT) out.push({ ...k, records: k.records.slice(i, i + LOT), final: k.final.slice(i, i + LOT) });
  return out;
}

function decisions(k: KeyedLot, label: string): Record<string, { accepted: number; rejected: number }> {
  const out: Record<string, { accepted: number; rejected: number }> = {};
  for (const kind of ['confidence', 'iso2859'] as const) {
    const tally = { accepted: 0, rejected: 0 };
    lotsOf(k).forEach((lot, i) => {
      const d = acceptLot(lot, kind, `${label}-${kind}-${i}-000000000000000000000000`);
      if (d.decision.verdict === 'accept') tally.accepted++;
      else tally.rejected++;
    });
    out[`${label}.${kind}`] = tally;
  }
  return out;
}

const t0 = performance.now();
const records = simRecords(N, 2025);
const double = doubleKey(records, RATES, 7);
const single = singleKey(records, (i) => RATES[i % 2]!, 8);
const single1 = singleKey(records, () => RATES[0], 9);
const single01 = singleKey(records, () => RATES[1], 10);
const value = residualRate(double.residual);
const baseline = residualRate(single.residual);
const arbitrationShare = double.arbitrated / double.fields;
const d = { ...decisions(double, 'double'), ...decisions(single, 'singleMixed'), ...decisions(single1, 'single1pct'), ...decisions(single01, 'single01pct') };
const ms = Math.round(performance.now() - t0);

console.log(`registrations ${N}, fields ${double.fields}, keyers at ${RATES.map((r) => `${r * 100} %`).join(' and ')}`);
console.log(`double keying + arbitration: residual ${(value * 100).toFixed(4)} % (critical ${double.residual.critical.errors}/${double.residual.critical.fields}, other ${double.residual.other.errors}/${double.residual.other.fields}); arbitration share ${(arbitrationShare * 100).toFixed(3)} %`);
console.log(`single keying (keyers in turn): residual ${(baseline * 100).toFixed(4)} %; single keying at 1 %: ${(residualRate(single1.residual) * 100).toFixed(4)} %`);
for (const [k, v] of Object.entries(d)) console.log(`lots of ${LOT} ${k}: accepted ${v.accepted}, rejected ${v.rejected}`);
console.log(JSON.stringify({
  bench: 'qc', metric: 'residualFieldError', value, baseline, ratio: baseline === 0 ? null : value / baseline, arbitrationShare,
  decisions: d, registrations: N, fields: double.fields, keyerErrorRates: RATES, ms, peakRssMB: Math.round(process.memoryUsage().rss / 1048576),
}));
