/**
 * Noisy place strings built from a unit list, as keyers and old books write
 * them: no diacritics, abbreviated kinds (TP., Q., P., X., H., TX., TT.),
 * a missing district or province, upper case, an "UBND" prefix. Seeded, so
 * the same seed gives the same strings (benchmark and test share them).
 */
import { searchKey } from '../../src/vn/index.js';
import { buildUnitIndex, parentLevel, type IndexedUnit, type UnitBatch, type UnitIndex } from '../../src/units/index.js';

export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABBREV: [RegExp, string][] = [
  [/^Thành phố /, 'TP. '],
  [/^Tỉnh /, 'T. '],
  [/^Huyện /, 'H. '],
  [/^Quận /, 'Q. '],
  [/^Thị xã /, 'TX. '],
  [/^Thị trấn /, 'TT. '],
  [/^Phường /, 'P. '],
  [/^Xã /, 'X. '],
];

function noisy(parts: readonly [string, string, string], r: () => number): string {
  let [c, d, p] = parts;
  const abbreviate = (s: string) => ABBREV.reduce((acc, [re, to]) => acc.replace(re, to), s);
  if (r() < 0.5) [c, d, p] = [abbreviate(c), abbreviate(d), abbreviate(p)];
  const drop = r();
  let list = drop < 0.15 ? [c, p] : drop < 0.3 ? [c, d] : [c, d, p];
  if (r() < 0.5) list = list.map((s) => searchKey(s));
  let text = list.join(r() < 0.5 ? ', ' : ' , ');
  if (r() < 0.1) text = text.toUpperCase();
  if (r() < 0.1) text = `UBND ${text}`;
  return text;
}

export interface PlaceCase {
  code: string;
  canonical: string;
  text: string;
}

/** The legacy index of a GSO commune list, built straight from the parsed batch. */
export function indexOfBatch(batch: UnitBatch): { index: UnitIndex; communes: IndexedUnit[]; byId: Map<string, IndexedUnit> } {
  const units: IndexedUnit[] = batch.units.map((u) => ({
    id: `${u.scheme}:${u.level}:${u.code}`,
    scheme: u.scheme,
    level: u.level,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentCode ? `${u.scheme}:${parentLevel(u)}:${u.parentCode}` : null,
    validFrom: null,
    validTo: null,
  }));
  const byId = new Map(units.map((u) => [u.id, u]));
  return { index: buildUnitIndex({ units, successors: [], aliases: [] }), communes: units.filter((u) => u.level === 'commune'), byId };
}

export function noisyCases(communes: readonly IndexedUnit[], byId: ReadonlyMap<string, IndexedUnit>, n: number, seed: number): PlaceCase[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const u = communes[Math.floor(r() * communes.length)]!;
    const d = byId.get(u.parentId!)!;
    const parts = [u.name, d.name, byId.get(d.parentId!)!.name] as const;
    return { code: u.code, canonical: parts.join(', '), text: noisy(parts, r) };
  });
}
