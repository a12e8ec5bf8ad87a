/** Format detection from header rows, and the catalog's completeness. */
import { describe, expect, it } from 'vitest';
import { detectFormat, nearestFormat, UNIT_FORMATS } from './format-catalog.js';
import { FORMAT_PARSERS } from './format-parsers.js';

const GSO = 'Mã,Tên,Tên Tiếng Anh,Cấp,Mã QH,Quận Huyện,Mã TP,Tỉnh / Thành Phố';

describe('detectFormat', () => {
  it.each([
    [GSO, 'gso-communes'],
    ['Mã,Tên,Tên Tiếng Anh,Cấp,Mã TP,Tỉnh / Thành Phố', 'gso-districts'],
    ['province,ward,provinceShort,wardShort,wardType,provinceCode,provinceLat,provinceLon,wardCode', 'units-2025'],
    ['Stt,Mã số,Tên 34 tỉnh sau sáp nhập', 'provinces-2025'],
    [
      'provinceCode,isMergedProvince,districtCode,districtType,wardCode,wardType,isMergedWard,isDividedWard,province,district,ward,newProvince,newWard,newWardShort,newProvinceCode,newWardCode,newWardType',
      'mapping-2025',
    ],
    ['province_key,alias_keyword', 'alias-provinces'],
    ['province_key,district_key,alias_keyword,source', 'alias-districts'],
    ['province_key,district_key,ward_key,alias_keyword,source,year', 'alias-communes'],
  ])('%s -> %s', (header, id) => {
    expect(detectFormat(header.split(','))).toBe(id);
  });
  it('ignores case, diacritics, spacing and column order', () => {
    expect(detectFormat(['TỈNH/THÀNH PHỐ', 'MÃ TP', 'quận huyện', 'ma qh', 'CẤP', 'TÊN', 'MÃ'])).toBe('gso-communes');
  });
  it('does not read a commune list that lost a column as a district list', () => {
    expect(detectFormat(GSO.split(',').filter((c) => c !== 'Mã QH'))).toBeUndefined();
  });
  it('gives undefined for an unknown header', () => {
    expect(detectFormat(['Họ tên', 'Ngày sinh'])).toBeUndefined();
  });
  it('finds the nearest format of a header that lacks a column', () => {
    expect(nearestFormat(GSO.split(',').filter((c) => c !== 'Mã QH'))?.id).toBe('gso-communes');
    expect(nearestFormat(['province', 'ward', 'wardType', 'provinceCode'])?.id).toBe('units-2025');
    expect(nearestFormat(['Họ tên'])).toBeUndefined();
  });
  it('has a parser and a Vietnamese label for every format', () => {
    expect(Object.keys(FORMAT_PARSERS).sort()).toEqual(UNIT_FORMATS.map((f) => f.id).sort());
    for (const f of UNIT_FORMATS) expect(f.label).toMatch(/[àáảãạăâđêôơưếệốộ]/);
  });
});
