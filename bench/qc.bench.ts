/**
 * npm run bench:qc — the QC simulation at scale, pure and in memory (the same
 * functions the services use; test/support/qc-simulation.ts): 10,000
 * demo-like registrations (demoProvince of successive seeds), two keyers with
 * field error rates of 1 % and 0.1 % (typo / omitted diacritics / digit swap),
 * blind double keying compared with comparePasses, every disagreement
 * arbitrated through the arbitration screen's choice (aShownFirst order,
 * first / second / other, choiceOf).
 * Four worlds, on the same records and keyer draws:
 * - independent / perfect: errors independent, arbitrator always right (the
 *   model of the first version of this bench);
 * - correlated / perfect: DIFFICULTY — 2 % of the fields are hard (faded
 *   ink, ambiguous handwriting); there a keyer errs at 10 × its rate (its
 *   overall rate unchanged: lower elsewhere) and when pass A misreads a hard
 *   field pass B makes the SAME misreading with probability rho = 0.3;
 * - independent / erring: ARBITRATOR — wrong on 2 % of ordinary and 20 % of
 *   hard disagreements; a wrong decision picks the wrong shown value (80 %)
 *   or types a wrong third value;
 * - correlated / erring: both (value).
 * Baseline: single keying in the correlated world (each record keyed once, by
 * the two keyers in turn; a lone keyer meets the same hard fields). Also: rho
 * from 0 to 1 in the correlated / erring world, and the sampled-acceptance
 * decisions of lots of 2,000 under both plans (95 % Clopper–Pearson bound and
 * ISO 2859-1 level II AQL 0.65) at the default targets. ratio = value ÷
 * baseline (lower is better). Last line: one JSON object.
 */
import { readFileSync } from 'node:fs';
import { acceptLot, doubleKey, residualRate, simRecords, singleKey, type Arbitrator, type Difficulty, type KeyedLot, type SimRecord, type World } from '../test/support/qc-simulation.js';

const N = 10_000;
const LOT = 2_000;
const RATES: [number, number] = [0.01, 0.001];
const DIFFICULTY: Difficulty = { hardShare: 0.02, hardFactor: 10, rho: 0.3 };
const ARBITRATOR: Arbitrator = { errorRate: 0.02, hardErrorRate: 0.2, pickShare: 0.8 };
const RHO_SWEEP = [0, 0.1, 0.5, 1]; // and DIFFICULTY.rho, the correlated / erring world itself
const SEED = { double: 7, single: 8, single1: 9, single01: 10 };

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

const round = (x: number) => Number(x.toPrecision(4));

/** The figures of one double-keyed world. */
function summary(k: KeyedLot) {
  const fieldsOfTruth = k.records.reduce((n, r) => n + Object.keys(r.truth).length, 0);
  const wrongArbitrations = k.arbitrations.filter((a) => !a.right);
  return {
    residual: round(residualRate(k.residual)),
    residualCritical: round(k.residual.critical.errors / k.residual.critical.fields),
    residualOther: round(k.residual.other.errors / k.residual.other.fields),
    residualFields: k.residual.critical.errors + k.residual.other.errors,
    undetectedByComparison: k.undetected,
    arbitrationShare: round(k.arbitrated / k.fields),
    arbitrations: k.arbitrations.length,
    wrongArbitrations: wrongArbitrations.length,
    arbitrationsOnHardFields: k.arbitrations.filter((a) => a.hard).length,
    arbitrationChoices: {
      A: k.arbitrations.filter((a) => a.choice === 'A').length,
      B: k.arbitrations.filter((a) => a.choice === 'B').length,
      other: k.arbitrations.filter((a) => a.choice === 'other').length,
    },
    keyerErrorRates: k.keyedWrong.map((w) => round(w / fieldsOfTruth)),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(4)} %`;

function run(records: SimRecord[]) {
  const erring = { arbitrator: ARBITRATOR };
  const worlds: Record<string, World> = {
    independentPerfect: {},
    correlatedPerfect: { difficulty: DIFFICULTY },
    independentErring: erring,
    correlatedErring: { difficulty: DIFFICULTY, ...erring },
  };
  const lots = Object.fromEntries(Object.entries(worlds).map(([name, w]) => [name, doubleKey(records, RATES, SEED.double, w)]));
  const single = singleKey(records, (i) => RATES[i % 2]!, SEED.single, { difficulty: DIFFICULTY });
  const singleIndependent = singleKey(records, (i) => RATES[i % 2]!, SEED.single);
  const rhoSweep = [...RHO_SWEEP, DIFFICULTY.rho]
    .sort((a, b) => a - b)
    .map((rho) => {
      const k = rho === DIFFICULTY.rho ? lots.correlatedErring! : doubleKey(records, RATES, SEED.double, { difficulty: { ...DIFFICULTY, rho }, ...erring });
      return { rho, residual: round(residualRate(k.residual)) };
    });
  return { lots, single, singleIndependent, rhoSweep };
}

const t0 = performance.now();
const records = simRecords(N, 2025);
const { lots, single, singleIndependent, rhoSweep } = run(records);
const single1 = singleKey(records, () => RATES[0], SEED.single1);
const single01 = singleKey(records, () => RATES[1], SEED.single01);
const d = {
  ...decisions(lots.independentPerfect!, 'double'),
  ...decisions(lots.correlatedErring!, 'doubleCorrelatedErring'),
  ...decisions(single, 'singleMixed'),
  ...decisions(single1, 'single1pct'),
  ...decisions(single01, 'single01pct'),
};
const scenarios = Object.fromEntries(Object.entries(lots).map(([name, k]) => [name, summary(k)]));
const value = residualRate(lots.correlatedErring!.residual);
const baseline = residualRate(single.residual);
const ms = Math.round(performance.now() - t0);

console.log(`registrations ${N}, fields ${lots.independentPerfect!.fields}, keyers at ${RATES.map((r) => `${r * 100} %`).join(' and ')}`);
for (const [name, s] of Object.entries(scenarios)) {
  console.log(
    `double keying, ${name}: residual ${pct(s.residual)} (${s.residualFields} fields; ${s.undetectedByComparison} agreed wrong, ${s.wrongArbitrations}/${s.arbitrations} arbitrations wrong), keyers wrong ${s.keyerErrorRates.map(pct).join(' / ')}`,
  );
}
console.log(`single keying (keyers in turn): residual ${pct(baseline)} with hard fields, ${pct(residualRate(singleIndependent.residual))} without`);
console.log(`correlated / erring, residual by rho: ${rhoSweep.map((r) => `${r.rho}: ${pct(r.residual)}`).join(', ')}`);
for (const [k, v] of Object.entries(d)) console.log(`lots of ${LOT} ${k}: accepted ${v.accepted}, rejected ${v.rejected}`);
const peakRssMB = Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024);
console.log(
  JSON.stringify({
    bench: 'qc',
    metric: 'residualErrorRate',
    value: round(value),
    baseline: round(baseline),
    ratio: round(value / baseline),
    scenarios,
    singleKeying: { correlated: round(baseline), independent: round(residualRate(singleIndependent.residual)) },
    residualByRho: rhoSweep,
    parameters: { keyerErrorRates: RATES, difficulty: DIFFICULTY, arbitrator: ARBITRATOR },
    decisions: d,
    registrations: N,
    fields: lots.independentPerfect!.fields,
    ms,
    peakRssMB,
  }),
);
