/**
 * The shared reference lists, parsed whole. Each count is checked twice: against
 * a naive count made here (split lines on commas: none of these cells holds a
 * comma, except URLs in the alias lists, which are only counted by line) and
 * against the facts of the lists. Note: the GSO commune list has 10,035 rows
 * and names only 691 districts (the 5 island districts without communes —
 * Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo — are only in the district list).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../../test/support/shared.js';
import { parentLevel, unitId, type UnitBatch, type UnitLevel, type UnitScheme } from '../unit.types.js';
import { readUnitFile } from './index.js';

const DIR = ['data', 'admin-units'] as const;
const FILES = {
  gsoCommunes: 'gso-legacy-communes-2025-07-18.csv',
  gsoDistricts: 'gso-legacy-districts-2025-07-18.csv',
  units2025: 'units-2025-34-provinces.csv',
  provinces2025: 'provinces-2025-ctk915.csv',
  mapping: 'legacy-to-2025-mapping.csv',
  aliasProvinces: 'legacy-alias-provinces.csv',
  aliasDistricts: 'legacy-alias-districts.csv',
  aliasCommunes: 'legacy-alias-communes.csv',
} as const;
type SharedFile = (typeof FILES)[keyof typeof FILES];

const has = (...files: SharedFile[]) => files.every((f) => hasShared(...DIR, f));
/** Each list parsed once for the whole file (the tests only read the batches; the mapping alone takes seconds). */
const parsed = new Map<SharedFile, Promise<UnitBatch>>();
const read = (f: SharedFile): Promise<UnitBatch> => {
  if (!parsed.has(f)) parsed.set(f, readUnitFile({ name: f, bytes: readFileSync(sharedPath(...DIR, f)) }));
  return parsed.get(f)!;
};

/** Data rows split naively on commas (header dropped, blank lines ignored). */
function naiveRows(f: SharedFile): string[][] {
  const lines = readFileSync(sharedPath(...DIR, f), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return lines.slice(1).map((l) => l.split(','));
}
const distinct = (rows: string[][], col: number) => new Set(rows.map((r) => r[col] ?? '').filter((v) => v !== '')).size;
const count = (b: UnitBatch, scheme: UnitScheme, level: UnitLevel) => b.units.filter((u) => u.scheme === scheme && u.level === level).length;

function expectParentsPresent(b: UnitBatch): void {
  const ids = new Set(b.units.map(unitId));
  const orphans = b.units.filter((u) => u.parentCode && !ids.has(unitId({ scheme: u.scheme, level: parentLevel(u) ?? 'province', code: u.parentCode })));
  expect(orphans).toEqual([]);
}

describe.runIf(has(FILES.gsoCommunes))('GSO commune list', () => {
  it('gives 63 provinces, 691 districts and 10,035 communes, as many as distinct codes', async () => {
    const rows = naiveRows(FILES.gsoCommunes);
    const b = await read(FILES.gsoCommunes);
    expect(b.format).toBe('gso-communes');
    expect([count(b, 'legacy', 'province'), count(b, 'legacy', 'district'), count(b, 'legacy', 'commune')]).toEqual([distinct(rows, 6), distinct(rows, 4), distinct(rows, 0)]);
    expect([distinct(rows, 6), distinct(rows, 4), distinct(rows, 0), rows.length]).toEqual([63, 691, 10_035, 10_035]);
    expect(b.units.every((u) => u.code.length === { province: 2, district: 3, commune: 5 }[u.level])).toBe(true);
    expectParentsPresent(b);
    expect(b.warnings.map((w) => /tên "([^"]+)"/.exec(w)?.[1])).toEqual(['Thị trấn Ngọc Lặc', 'Phường 5', 'Phường 15']);
  });
});

describe.runIf(has(FILES.gsoDistricts))('GSO district list', () => {
  it('gives 63 provinces and 696 districts; Thủ Đức and Thủy Nguyên are cities of centrally-run cities', async () => {
    const rows = naiveRows(FILES.gsoDistricts);
    const b = await read(FILES.gsoDistricts);
    expect(b.format).toBe('gso-districts');
    expect([count(b, 'legacy', 'province'), count(b, 'legacy', 'district')]).toEqual([63, 696]);
    expect(distinct(rows, 0)).toBe(696);
    const ofCity = b.units.filter((u) => u.kind === 'thanh_pho_thuoc_tw').map((u) => u.name);
    expect(ofCity).toEqual(['Thành phố Thuỷ Nguyên', 'Thành phố Thủ Đức']);
    const cities = rows.filter((r) => r[3] === 'Thành phố').length;
    expect(b.units.filter((u) => u.kind === 'thanh_pho_thuoc_tinh')).toHaveLength(cities - 2);
    expectParentsPresent(b);
  });
});

describe.runIf(has(FILES.units2025, FILES.provinces2025))('2025 lists', () => {
  it('gives 34 provinces and 3,321 communes (687 phường, 2,621 xã, 13 đặc khu)', async () => {
    const rows = naiveRows(FILES.units2025);
    const b = await read(FILES.units2025);
    expect([count(b, 'y2025', 'province'), count(b, 'y2025', 'commune')]).toEqual([34, 3321]);
    expect([distinct(rows, 5), distinct(rows, 8)]).toEqual([34, 3321]);
    const kinds = (k: string) => b.units.filter((u) => u.kind === k).length;
    expect([kinds('phuong'), kinds('xa'), kinds('dac_khu')]).toEqual([687, 2621, 13]);
    expectParentsPresent(b);
  });
  it('CTK 915 gives the same 34 provinces, codes and names', async () => {
    const b = await read(FILES.provinces2025);
    expect(b.units).toHaveLength(naiveRows(FILES.provinces2025).length);
    const units = (await read(FILES.units2025)).units.filter((u) => u.level === 'province');
    const key = (u: { code: string; name: string; kind: string }) => `${u.code} ${u.name} ${u.kind}`;
    expect(b.units.map(key).sort()).toEqual(units.map(key).sort());
  });
});

describe.runIf(has(FILES.mapping, FILES.gsoCommunes))('legacy → 2025 mapping', () => {
  it('names every legacy commune of the GSO list, with exactly one main successor each', async () => {
    const b = await read(FILES.mapping);
    expect(b.format).toBe('mapping-2025');
    const legacy = b.units.filter((u) => u.scheme === 'legacy' && u.level === 'commune');
    const gso = new Set(naiveRows(FILES.gsoCommunes).map((r) => r[0]));
    expect(new Set(legacy.map((u) => u.code))).toEqual(gso);
    const mains = new Map<string, number>();
    for (const l of b.successors) if (l.main) mains.set(unitId(l.from), (mains.get(unitId(l.from)) ?? 0) + 1);
    expect(legacy.filter((u) => mains.get(unitId(u)) !== 1)).toEqual([]);
    expect([...mains.values()].every((n) => n === 1)).toBe(true);
    expect(b.successors).toHaveLength(naiveRows(FILES.mapping).length + 63);
  });
  it('pads codes ("1.0" → 00001) and names both sides', async () => {
    const b = await read(FILES.mapping);
    expect(b.units.find((u) => unitId(u) === 'legacy:commune:00001')).toMatchObject({ name: 'Phường Phúc Xá', parentCode: '001' });
    const link = b.successors.find((l) => unitId(l.from) === 'legacy:commune:00001');
    expect(link).toEqual({ from: { scheme: 'legacy', level: 'commune', code: '00001' }, to: { scheme: 'y2025', level: 'commune', code: '00097' }, main: true });
    expect([count(b, 'legacy', 'province'), count(b, 'legacy', 'district'), count(b, 'y2025', 'province'), count(b, 'y2025', 'commune')]).toEqual([63, 696, 34, 3321]);
    expect(b.successors.filter((l) => l.from.level === 'province').every((l) => l.main)).toBe(true);
    expect(b.warnings.filter((w) => w.includes('đơn vị kế thừa'))).toHaveLength(471);
  });
  it('chooses the main successor of the 471 divided communes by the shared rule, and says which rule', async () => {
    const b = await read(FILES.mapping);
    const rules: Record<string, number> = {};
    for (const w of b.warnings) {
      const rule = /theo quy tắc "([^"]+)"/.exec(w)?.[1];
      if (rule) rules[rule] = (rules[rule] ?? 0) + 1;
    }
    expect(rules).toEqual({ 'cùng mã': 151, 'cùng tên': 45, 'mã gần nhất': 275 });
    expect(b.unitsAreReferences).toBe(true);
  });
});

describe.runIf(has(FILES.aliasProvinces, FILES.aliasDistricts, FILES.aliasCommunes))('alias lists', () => {
  it.each([
    [FILES.aliasProvinces, 'alias-provinces', 4],
    [FILES.aliasDistricts, 'alias-districts', 80],
    [FILES.aliasCommunes, 'alias-communes', 3963],
  ] as const)('%s gives one alias per data row', async (file, format, rows) => {
    const b = await read(file);
    expect(b.format).toBe(format);
    expect(naiveRows(file)).toHaveLength(rows);
    expect(b.aliases).toHaveLength(rows);
    expect(b.units).toEqual([]);
  });
});
