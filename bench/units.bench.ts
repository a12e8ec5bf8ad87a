/**
 * npm run bench:units — resolve 10,000 noisy place strings built from the GSO
 * legacy commune list (no diacritics, abbreviations, missing levels, upper
 * case, "UBND" prefixes; see test/support/noisy-places.ts) and count how many
 * land on the right commune. Baseline, measured in the same run: exact-string
 * lookup of the same strings in a map of the canonical "commune, district,
 * province" strings. Also times the autocomplete lookup (p95 over 1,000
 * prefixes; target < 20 ms). The index is built straight from the parsed
 * file: the database is not what is measured. Exits 1 below 95 % correct.
 * Needs ../shared/data/admin-units (reads it, never copies it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/core/index.js';
import { lookupUnits, readUnitFile, resolvePlace } from '../src/units/index.js';
import { searchKey } from '../src/vn/index.js';
import { indexOfBatch, noisyCases } from '../test/support/noisy-places.js';

const N = 10_000;
const TARGET = 0.95;
const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

async function main(): Promise<void> {
  const file = path.join(loadConfig().sharedDir, 'data/admin-units/gso-legacy-communes-2025-07-18.csv');
  const { index, communes, byId } = indexOfBatch(await readUnitFile({ name: path.basename(file), bytes: readFileSync(file) }));
  const cases = noisyCases(communes, byId, N, 20261125);

  const exact = new Map(cases.map((c) => [c.canonical, c.code]));
  let t = process.hrtime.bigint();
  const baselineHits = cases.filter((c) => exact.get(c.text) === c.code).length;
  const baselineSeconds = seconds(t);

  t = process.hrtime.bigint();
  let hits = 0;
  let ambiguous = 0;
  for (const c of cases) {
    const res = resolvePlace(index, c.text);
    if (res.status === 'resolved' && res.candidates[0]?.code === c.code) hits++;
    if (res.status === 'ambiguous') ambiguous++;
  }
  const resolveSeconds = seconds(t);

  const lookupMs = cases.slice(0, 1000).map((c, i) => {
    const t0 = process.hrtime.bigint();
    lookupUnits(index, searchKey(c.text).slice(0, 2 + (i % 6)));
    return seconds(t0) * 1000;
  });
  const lookupP95Ms = Math.round(lookupMs.sort((a, b) => a - b)[Math.floor(lookupMs.length * 0.95)]! * 100) / 100;

  const share = hits / N;
  const baselineShare = baselineHits / N;
  console.log(`hotich resolver: ${Math.round(N / resolveSeconds)} địa danh/giây, đúng xã ${(share * 100).toFixed(2)} %, mơ hồ ${ambiguous}`);
  console.log(`baseline tra chuỗi chính xác: ${Math.round(N / baselineSeconds)} chuỗi/giây, đúng xã ${(baselineShare * 100).toFixed(2)} %`);
  console.log(`tra cứu gợi ý (autocomplete): p95 ${lookupP95Ms} ms trên 1.000 tiền tố`);
  if (share < TARGET) {
    console.error(`Dưới mục tiêu ${TARGET * 100} % xã đúng.`);
    process.exitCode = 1;
  }
  console.log(JSON.stringify({
    bench: 'units', metric: 'correct_commune_share', value: share, baseline: baselineShare, ratio: baselineShare > 0 ? share / baselineShare : null,
    resolutionsPerSecond: Math.round(N / resolveSeconds), baselineLookupsPerSecond: Math.round(N / baselineSeconds), ambiguous, strings: N, lookupP95Ms,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
}

await main();
