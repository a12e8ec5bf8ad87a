/**
 * Writes src/linkage/default-params.ts: the Fellegi–Sunter parameters
 * trained on a synthetic province (20,000 registrations, the demo's name
 * frequencies), used when a run has too few records to train on (tests, a
 * first commune). Term frequencies are left out (the run computes them from
 * its own records). Run: npx tsx bench/support/linkage-params.ts
 */
import { writeFileSync } from 'node:fs';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from '../../src/demo/index.js';
import { featureTable, generateProvince, MODELS, train } from '../../src/linkage/index.js';

const w = (xs: readonly (readonly [string, number, ...unknown[]])[]) => xs.map(([n, x]) => [n, x] as const);
const province = generateProvince({
  registrations: 20_000,
  seed: 16,
  names: { family: w(FAMILY_NAMES), middle: { male: w(MIDDLE_NAMES.male.before1990), female: w(MIDDLE_NAMES.female.before1990) }, given: { male: w(GIVEN_NAMES.male), female: w(GIVEN_NAMES.female) } },
});
const persons = featureTable(province.records);
const r4 = (x: number) => Number(x.toPrecision(4));
const out = Object.fromEntries(
  MODELS.map((m) => {
    const p = train(m, persons);
    const arr = (o: Record<string, number[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.map(r4)]));
    return [m.kind, { lambda: r4(p.lambda), m: arr(p.m), u: arr(p.u) }];
  }),
);
writeFileSync(
  new URL('../../src/linkage/default-params.ts', import.meta.url),
  `/**
 * Parameters trained on the synthetic province (bench/support/linkage-params.ts
 * writes this file; do not edit by hand), used when a run has fewer than
 * MIN_TRAINING_PERSONS persons: EM needs data to learn from. λ is the prior
 * of a province of about 14,000 births; term frequencies come from the run.
 */
export const DEFAULT_PARAMS = ${JSON.stringify(out, null, 2)} as const;
`,
);
