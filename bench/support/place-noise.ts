/**
 * Extra noise for bench:units, on top of test/support/noisy-places.ts
 * (abbreviations, missing levels, no diacritics, upper case, "UBND"):
 * - misspellings as keyers make them: a letter dropped, two letters swapped,
 *   a letter doubled, or a tone mark moved to another tone (ngã for hỏi...);
 * - pre-merger provinces: a commune of a province that was carved out of a
 *   former province is written with the former name, as a book of the time
 *   does ("…, tỉnh Bắc Thái" for Thái Nguyên and Bắc Kạn; "…, tỉnh Hà Tây"
 *   for the districts of Hà Nội that were Hà Tây until 2008).
 * Seeded; every case says which noises it got, so accuracy is reported per kind.
 */
import { HISTORIC_PROVINCES } from '../../src/units/index.js';
import { rng, type PlaceCase } from '../../test/support/noisy-places.js';

export type NoiseKind = 'misspelled' | 'pre_merger';
export interface NoisyCase extends PlaceCase {
  noise: NoiseKind[];
  provinceCode: string;
  districtCode: string;
}

/** Districts of today's Hà Nội (legacy codes) that made up Hà Tây, 1991–2008. */
const HA_TAY_DISTRICTS = new Set(['268', '269', '271', '272', '273', '274', '275', '276', '277', '278', '279', '280', '281', '282']);

/** The former provinces a commune of `province` (legacy code) / `district` may be written under. */
export function formerProvinces(province: string, district: string): string[] {
  const direct = HISTORIC_PROVINCES.filter((h) => h.successors.includes(province) && h.code !== 'HATAY').map((h) => h.name);
  if (province === '01' && HA_TAY_DISTRICTS.has(district)) direct.push('Tỉnh Hà Tây');
  return direct;
}

const TONES: string[][] = [
  ['a', 'á', 'à', 'ả', 'ã', 'ạ'],
  ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'],
  ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'],
  ['e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ'],
  ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ'],
  ['i', 'í', 'ì', 'ỉ', 'ĩ', 'ị'],
  ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ'],
  ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ'],
  ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ'],
  ['u', 'ú', 'ù', 'ủ', 'ũ', 'ụ'],
  ['ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự'],
  ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'],
];
const toneOf = new Map(TONES.flatMap((row) => row.map((ch, i) => [ch, { row, i }] as const)));

/** One keyer's slip in the longest word of `name` (short words like "Xã" are left alone). */
export function misspell(name: string, r: () => number): string {
  const words = name.split(' ');
  const at = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
  const w = [...words[at]!];
  const toned = w.map((ch, i) => ({ ch, i, t: toneOf.get(ch.toLowerCase()) })).filter((x) => x.t && x.t.i > 0);
  const kind = r();
  if (kind < 0.25 && toned.length > 0) {
    const { i, t } = toned[Math.floor(r() * toned.length)]!;
    w[i] = t!.row[1 + ((t!.i + Math.floor(r() * 4)) % 5)]!; // another tone on the same vowel
  } else if (kind < 0.5 && w.length > 3) {
    w.splice(1 + Math.floor(r() * (w.length - 2)), 1); // a letter dropped
  } else if (kind < 0.75 && w.length > 3) {
    const i = 1 + Math.floor(r() * (w.length - 3));
    [w[i], w[i + 1]] = [w[i + 1]!, w[i]!]; // two letters swapped
  } else {
    const i = Math.floor(r() * w.length);
    w.splice(i, 0, w[i]!); // a letter doubled
  }
  words[at] = w.join('');
  return words.join(' ');
}

/** Rewrites some cases: misspells one part (share `misspelled`), writes the former province (share `preMerger`, where one exists). */
export function addNoise(cases: readonly (PlaceCase & { provinceCode: string; districtCode: string })[], seed: number, share = { misspelled: 0.15, preMerger: 0.1 }): NoisyCase[] {
  const r = rng(seed);
  return cases.map((c) => {
    const noise: NoiseKind[] = [];
    let parts = c.text.split(/\s*,\s*/);
    const former = formerProvinces(c.provinceCode, c.districtCode);
    if (former.length > 0 && r() < share.preMerger / 0.6) {
      // about 60 % of communes have a former province: ÷0.6 keeps the overall share near `preMerger`
      const name = former[Math.floor(r() * former.length)]!;
      parts = [...parts.slice(0, Math.max(1, parts.length - 1)), r() < 0.5 ? name : name.replace(/^Tỉnh/, 'tỉnh')];
      noise.push('pre_merger');
    }
    if (r() < share.misspelled) {
      const i = r() < 0.6 ? 0 : Math.floor(r() * parts.length);
      parts[i] = misspell(parts[i]!, r);
      noise.push('misspelled');
    }
    return { ...c, text: parts.join(', '), noise };
  });
}
