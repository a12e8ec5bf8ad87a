/**
 * npm run bench:units — resolve noisy place strings built from the GSO legacy
 * commune list and count how many land on the right commune, against a real
 * peer on the same strings in the same run: the fuzzy search of
 * vietnam-provinces-js (bench/support/peer-resolver.ts).
 *
 * Noise: abbreviations, missing levels, no diacritics, upper case, "UBND"
 * (test/support/noisy-places.ts), plus misspellings in one part (15 %) and a
 * pre-merger province where the commune had one (about 10 %: "tỉnh Bắc Thái",
 * "tỉnh Hà Tây", "tỉnh Nghệ Tĩnh"...; bench/support/place-noise.ts). The
 * hotich index holds the GSO list and the former provinces (historicBatch),
 * as a deployment does.
 *
 * The resolver reads all N = 10,000 strings (speed); the peer takes about
 * 0.2 s a string, so it reads the first PEER_N (default 300) and accuracy is
 * compared on those. Also times the autocomplete lookup (p95 over 1,000
 * prefixes; target < 20 ms). Exits 1 below 95 % correct on the strings
 * without the two new noises (the old target). Needs ../shared/data/admin-units.
 *
 * Last line: {bench, metric: correct_commune_share, value (hotich, peer strings), baseline (peer), ratio, ...}.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/core/index.js';
import { buildUnitIndex, historicBatch, lookupUnits, parentLevel, readUnitFile, resolvePlace, type IndexedUnit, type UnitBatch, type UnitIndex } from '../src/units/index.js';
import { searchKey } from '../src/vn/index.js';
import { noisyCases } from '../test/support/noisy-places.js';
import { peerResolver } from './support/peer-resolver.js';
import { addNoise, type NoiseKind, type NoisyCase } from './support/place-noise.js';

const N = 10_000;
const PEER_N = Number(process.env.PEER_N ?? 300);
const TARGET = 0.95;
const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const round = (x: number) => Math.round(x * 10000) / 10000;

/** The index of the GSO list plus the former provinces and their successors. */
function indexOf(batches: UnitBatch[]): { index: UnitIndex; communes: IndexedUnit[]; byId: Map<string, IndexedUnit> } {
  const id = (r: { scheme: string; level: string; code: string }) => `${r.scheme}:${r.level}:${r.code}`;
  const units: IndexedUnit[] = batches
    .flatMap((b) => b.units)
    .map((u) => ({
      id: id(u),
      scheme: u.scheme,
      level: u.level,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: u.parentCode ? `${u.scheme}:${parentLevel(u)}:${u.parentCode}` : null,
      validFrom: u.validFrom ?? null,
      validTo: u.validTo ?? null,
    }));
  const successors = batches.flatMap((b) => b.successors).map((s) => ({ fromId: id(s.from), toId: id(s.to), main: s.main }));
  const byId = new Map(units.map((u) => [u.id, u]));
  return { index: buildUnitIndex({ units, successors, aliases: [] }), communes: units.filter((u) => u.level === 'commune' && u.scheme === 'legacy'), byId };
}

function ours(index: UnitIndex, c: NoisyCase): boolean {
  const res = resolvePlace(index, c.text);
  return res.status === 'resolved' && res.candidates[0]?.code === c.code;
}

function share(cases: readonly NoisyCase[], right: (c: NoisyCase, i: number) => boolean, kind?: NoiseKind | 'none'): { share: number; n: number } {
  const idx = cases.map((c, i) => [c, i] as const).filter(([c]) => kind === undefined || (kind === 'none' ? c.noise.length === 0 : c.noise.includes(kind)));
  return { share: idx.length ? idx.filter(([c, i]) => right(c, i)).length / idx.length : NaN, n: idx.length };
}

async function main(): Promise<void> {
  const file = path.join(loadConfig().sharedDir, 'data/admin-units/gso-legacy-communes-2025-07-18.csv');
  const gso = await readUnitFile({ name: path.basename(file), bytes: readFileSync(file) });
  const { index, communes, byId } = indexOf([gso, historicBatch()]);
  const located = noisyCases(communes, byId, N, 20261125).map((c) => {
    const commune = communes.find((u) => u.code === c.code)!;
    const district = byId.get(commune.parentId!)!;
    return { ...c, districtCode: district.code, provinceCode: byId.get(district.parentId!)!.code };
  });
  const cases = addNoise(located, 20261204);

  let t = process.hrtime.bigint();
  const hit = cases.map((c) => ours(index, c));
  const resolveSeconds = seconds(t);

  const peer = await peerResolver();
  const sample = cases.slice(0, PEER_N);
  t = process.hrtime.bigint();
  const peerHit: boolean[] = [];
  for (const c of sample) peerHit.push((await peer(c.text)) === c.code);
  const peerSeconds = seconds(t);

  const lookupMs = cases.slice(0, 1000).map((c, i) => {
    const t0 = process.hrtime.bigint();
    lookupUnits(index, searchKey(c.text).slice(0, 2 + (i % 6)));
    return seconds(t0) * 1000;
  });
  const lookupP95Ms = Math.round(lookupMs.sort((a, b) => a - b)[Math.floor(lookupMs.length * 0.95)]! * 100) / 100;

  const oursAll = share(cases, (_, i) => hit[i]!);
  const oursSample = share(sample, (_, i) => hit[i]!);
  const peerSample = share(sample, (_, i) => peerHit[i]!);
  const byKind = (['none', 'misspelled', 'pre_merger'] as const).map((k) => ({
    k,
    ours: share(sample, (_, i) => hit[i]!, k),
    peer: share(sample, (_, i) => peerHit[i]!, k),
    oursAll: share(cases, (_, i) => hit[i]!, k),
  }));
  const plain = byKind[0]!.oursAll.share;
  const oursPerSecond = N / resolveSeconds;
  const peerPerSecond = PEER_N / peerSeconds;

  console.log(`hotich: ${Math.round(oursPerSecond)} địa danh/giây; đúng xã ${pct(oursAll.share)} trên ${N} chuỗi, ${pct(oursSample.share)} trên ${PEER_N} chuỗi đem so`);
  console.log(`vietnam-provinces-js (tìm mờ xã, xếp hạng theo huyện/tỉnh): ${peerPerSecond.toFixed(1)} địa danh/giây; đúng xã ${pct(peerSample.share)} trên ${PEER_N} chuỗi`);
  for (const { k, ours: o, peer: p, oursAll: a } of byKind) {
    console.log(
      `  ${k === 'none' ? 'chỉ nhiễu cũ' : k === 'misspelled' ? 'gõ sai chính tả' : 'tên tỉnh trước khi chia/nhập'}: hotich ${pct(a.share)} (${a.n} chuỗi), trên mẫu đem so hotich ${pct(o.share)} / peer ${pct(p.share)} (${o.n} chuỗi)`,
    );
  }
  console.log(`tra cứu gợi ý (autocomplete): p95 ${lookupP95Ms} ms trên 1.000 tiền tố`);
  if (plain < TARGET) {
    console.error(`Dưới mục tiêu ${TARGET * 100} % xã đúng trên các chuỗi chỉ có nhiễu cũ.`);
    process.exitCode = 1;
  }
  const kinds = Object.fromEntries(
    byKind.map(({ k, ours: o, peer: p, oursAll: a }) => [k, { strings: a.n, hotich: round(a.share), sampleStrings: o.n, hotichOnSample: round(o.share), peerOnSample: round(p.share) }]),
  );
  console.log(
    JSON.stringify({
      bench: 'units',
      metric: 'correct_commune_share',
      value: round(oursSample.share),
      baseline: round(peerSample.share),
      ratio: peerSample.share > 0 ? round(oursSample.share / peerSample.share) : null,
      peer: 'vietnam-provinces-js@2.0.0 fuzzy search',
      peerStrings: PEER_N,
      strings: N,
      hotichAllStrings: round(oursAll.share),
      resolutionsPerSecond: Math.round(oursPerSecond),
      peerResolutionsPerSecond: round(peerPerSecond),
      speedRatio: Math.round(oursPerSecond / peerPerSecond),
      byNoise: kinds,
      lookupP95Ms,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

await main();
