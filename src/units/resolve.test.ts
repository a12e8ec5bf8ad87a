/**
 * The resolver on a small hand-made map of real units (names typed here as
 * facts, codes from the GSO list): abbreviations, numbered wards, extra
 * words, missing levels, ambiguity, aliases, historic provinces, the 2025
 * successor, and the nearest names when nothing matches.
 */
import { describe, expect, it } from 'vitest';
import { buildUnitIndex, type IndexedUnit } from './unit-index.js';
import { lookupUnits } from './lookup.js';
import { resolvePlace } from './resolve.js';
import { parentLevel, type UnitKind, type UnitLevel, type UnitScheme } from './unit.types.js';

function u(scheme: UnitScheme, level: UnitLevel, code: string, name: string, kind: UnitKind, parent?: string, validity?: [string, string]): IndexedUnit {
  return {
    id: `${scheme}:${level}:${code}`,
    scheme,
    level,
    code,
    name,
    kind,
    parentId: parent ? `${scheme}:${parentLevel({ scheme, level })}:${parent}` : null,
    validFrom: validity?.[0] ?? null,
    validTo: validity?.[1] ?? null,
  };
}

const UNITS: IndexedUnit[] = [
  u('legacy', 'province', '68', 'Tỉnh Lâm Đồng', 'tinh'),
  u('legacy', 'district', '682', 'Huyện Đạ Tẻh', 'huyen', '68'),
  u('legacy', 'commune', '25000', 'Xã An Nhơn', 'xa', '682'),
  u('legacy', 'commune', '24997', 'Thị trấn Đạ Tẻh', 'thi_tran', '682'),
  u('legacy', 'province', '52', 'Tỉnh Bình Định', 'tinh'),
  u('legacy', 'district', '543', 'Thị xã An Nhơn', 'thi_xa', '52'),
  u('legacy', 'commune', '21607', 'Xã Nhơn Hậu', 'xa', '543'),
  u('legacy', 'province', '79', 'Thành phố Hồ Chí Minh', 'thanh_pho_tw'),
  u('legacy', 'district', '760', 'Quận 1', 'quan', '79'),
  u('legacy', 'commune', '26740', 'Phường Bến Nghé', 'phuong', '760'),
  u('legacy', 'district', '770', 'Quận 3', 'quan', '79'),
  u('legacy', 'commune', '27154', 'Phường 9', 'phuong', '770'),
  u('legacy', 'district', '771', 'Quận 10', 'quan', '79'),
  u('legacy', 'commune', '27190', 'Phường 9', 'phuong', '771'),
  u('legacy', 'province', '01', 'Thành phố Hà Nội', 'thanh_pho_tw'),
  u('legacy', 'province', '17', 'Tỉnh Hòa Bình', 'tinh'),
  u('legacy', 'district', '277', 'Huyện Thạch Thất', 'huyen', '01'),
  u('legacy', 'commune', '09955', 'Xã Hương Ngải', 'xa', '277'),
  u('legacy', 'district', '148', 'Huyện Lương Sơn', 'huyen', '17'),
  u('legacy', 'commune', '04810', 'Xã Hòa Sơn', 'xa', '148'),
  u('historic', 'province', 'HASONBINH', 'Tỉnh Hà Sơn Bình', 'tinh', undefined, ['1976', '1991']),
  u('historic', 'province', 'HATAY', 'Tỉnh Hà Tây', 'tinh', undefined, ['1991', '2008']),
  u('y2025', 'province', '79', 'Thành phố Hồ Chí Minh', 'thanh_pho_tw'),
  u('y2025', 'commune', '26734', 'Phường Sài Gòn', 'phuong', '79'),
  u('y2025', 'province', '68', 'Tỉnh Lâm Đồng', 'tinh'),
  u('y2025', 'commune', '24985', 'Xã Đạ Tẻh', 'xa', '68'),
];

const index = buildUnitIndex({
  units: UNITS,
  successors: [
    { fromId: 'legacy:commune:26740', toId: 'y2025:commune:26734', main: true },
    { fromId: 'legacy:commune:25000', toId: 'y2025:commune:24985', main: true },
    { fromId: 'historic:province:HASONBINH', toId: 'historic:province:HATAY', main: true },
    { fromId: 'historic:province:HASONBINH', toId: 'legacy:province:17', main: false },
    { fromId: 'historic:province:HATAY', toId: 'legacy:province:01', main: true },
  ],
  aliases: [
    { unitId: 'legacy:commune:27154', alias: 'phuong10' },
    { unitId: 'legacy:province:79', alias: 'hcm' },
    { unitId: 'legacy:province:79', alias: 'Sài Gòn' },
  ],
});

const best = (text: string, asOf?: number) => {
  const r = resolvePlace(index, text, asOf ? { asOf } : {});
  return { status: r.status, code: r.candidates[0]?.code, id: r.candidates[0]?.id, r };
};

describe('resolvePlace', () => {
  it("resolves the book's own wording, with the 2025 successor", () => {
    const { status, id, r } = best('UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', 2008);
    expect(status).toBe('resolved');
    expect(id).toBe('legacy:commune:25000');
    expect(r.candidates[0]!.path).toBe('Xã An Nhơn, Huyện Đạ Tẻh, Tỉnh Lâm Đồng');
    expect(r.candidates[0]!.successors).toEqual([{ code: '24985', name: 'Xã Đạ Tẻh', main: true }]);
    expect(r.candidates[0]!.why).toContain('Huyện Đạ Tẻh');
  });
  it('ignores diacritics and case', () => {
    expect(best('XA AN NHON, HUYEN DA TEH, TINH LAM DONG').id).toBe('legacy:commune:25000');
  });
  it('reads abbreviations: TP., Q., P., X., H., T.P', () => {
    expect(best('P. Bến Nghé, Q.1, TP.HCM').id).toBe('legacy:commune:26740');
    expect(best('P.Bến Nghé, Q1, T.P Hồ Chí Minh').id).toBe('legacy:commune:26740');
    expect(best('X. An Nhơn, H. Đạ Tẻh').id).toBe('legacy:commune:25000');
  });
  it('tells numbered wards apart by their district', () => {
    expect(best('Phường 9, Quận 3, TP.HCM').id).toBe('legacy:commune:27154');
    expect(best('P9 Q10 tp hcm').id).toBe('legacy:commune:27190');
  });
  it('reports a numbered ward without its district as ambiguous, never guesses', () => {
    const { status, r } = best('Phường 9, Thành phố Hồ Chí Minh');
    expect(status).toBe('ambiguous');
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['27154', '27190']);
  });
  it('finds the unit behind extra words', () => {
    expect(best('Bệnh viện Từ Dũ, phường Bến Nghé, quận 1').id).toBe('legacy:commune:26740');
  });
  it('tells a commune from a district of the same name by the kind word', () => {
    expect(best('thị xã An Nhơn, tỉnh Bình Định').id).toBe('legacy:district:543');
    expect(best('xã An Nhơn').id).toBe('legacy:commune:25000');
  });
  it('resolves a district or a province alone', () => {
    expect(best('huyện Đạ Tẻh, Lâm Đồng').id).toBe('legacy:district:682');
    expect(best('tỉnh Bình Định').id).toBe('legacy:province:52');
  });
  it('uses aliases: an older name inside its district', () => {
    const { id, r } = best('Phường 10, Quận 3, Sài Gòn');
    expect(id).toBe('legacy:commune:27154');
    expect(r.candidates[0]!.why).toContain('phuong10');
  });
  it('resolves a commune named with its pre-2004 province', () => {
    const { id, status } = best('xã Hương Ngải, huyện Thạch Thất, tỉnh Hà Sơn Bình', 1985);
    expect(status).toBe('resolved');
    expect(id).toBe('legacy:commune:09955');
    const hoaSon = best('xã Hòa Sơn, huyện Lương Sơn, tỉnh Hà Sơn Bình', 1985);
    expect(hoaSon.id).toBe('legacy:commune:04810');
  });
  it('resolves a historic province alone, with its successors down to 2025 where known', () => {
    const { id, r } = best('tỉnh Hà Sơn Bình', 1980);
    expect(id).toBe('historic:province:HASONBINH');
    expect(r.candidates[0]!.level).toBe('province');
  });
  it('leaves 2025 units out of a 2008 text, and prefers them in a 2026 one', () => {
    expect(best('Xã Đạ Tẻh, tỉnh Lâm Đồng', 2008).id).toBe('legacy:commune:24997');
    expect(best('Xã Đạ Tẻh, tỉnh Lâm Đồng', 2026).id).toBe('y2025:commune:24985');
  });
  it('answers unresolved with the nearest names', () => {
    const r = resolvePlace(index, 'xã Thanh Xuân');
    expect(r.status).toBe('unresolved');
    const none = resolvePlace(index, 'Tokyo, Nhật Bản');
    expect(none.status).toBe('unresolved');
    expect(resolvePlace(index, 'phường Ben Nghea').candidates[0]?.code).toBe('26740');
  });
});

describe('lookupUnits', () => {
  it('finds units by prefix, diacritics optional, at any level', () => {
    expect(lookupUnits(index, 'ben ng').map((h) => h.code)).toEqual(['26740']);
    expect(lookupUnits(index, 'Đạ T').map((h) => h.id)).toEqual(expect.arrayContaining(['legacy:district:682', 'legacy:commune:24997']));
    expect(lookupUnits(index, 'an nh', { level: 'district' }).map((h) => h.code)).toEqual(['543']);
    expect(lookupUnits(index, 'hcm')[0]?.code).toBe('79');
  });
  it('returns nothing for an empty query', () => expect(lookupUnits(index, '  ')).toEqual([]));
});
