/**
 * The list formats this module reads, each recognised by the columns of its
 * header row (compared by compactKey: case, diacritics, spaces and
 * punctuation never matter). A format is ruled out by a column that belongs
 * to a richer one (a district list has no "Quận Huyện" column), so a commune
 * list that lost a column is reported as such, not read as a district list;
 * when several formats still fit, the one with the most required columns wins.
 */
import { compactKey } from '../../vn/index.js';

export const UNIT_FORMAT_IDS = ['gso-communes', 'gso-districts', 'units-2025', 'provinces-2025', 'mapping-2025', 'alias-provinces', 'alias-districts', 'alias-communes'] as const;
export type UnitFormatId = (typeof UNIT_FORMAT_IDS)[number];

export interface UnitFormat {
  id: UnitFormatId;
  /** Vietnamese, for the user. */
  label: string;
  requiredColumns: readonly string[];
  /** Columns that belong to a richer format: their presence rules this one out. */
  excludedColumns?: readonly string[];
  /** Its units only make its links self-contained: they never rename a unit an authoritative list gave (UnitBatch.unitsAreReferences). */
  unitsAreReferences?: true;
}

const GSO_PROVINCE = ['Mã TP', 'Tỉnh / Thành Phố'];
const MAPPING_OLD = ['provinceCode', 'province', 'districtCode', 'district', 'wardCode', 'ward'];

export const UNIT_FORMATS: readonly UnitFormat[] = [
  {
    id: 'gso-communes',
    label: 'Danh mục xã, phường, thị trấn của Tổng cục Thống kê (trước 01/7/2025)',
    requiredColumns: ['Mã', 'Tên', 'Cấp', 'Mã QH', 'Quận Huyện', ...GSO_PROVINCE],
  },
  {
    id: 'gso-districts',
    label: 'Danh mục quận, huyện của Tổng cục Thống kê (trước 01/7/2025)',
    requiredColumns: ['Mã', 'Tên', 'Cấp', ...GSO_PROVINCE],
    excludedColumns: ['Mã QH', 'Quận Huyện'],
  },
  {
    id: 'units-2025',
    label: 'Danh sách tỉnh và xã, phường, đặc khu từ 01/7/2025',
    requiredColumns: ['province', 'ward', 'wardType', 'provinceCode', 'wardCode'],
    excludedColumns: ['newWardCode', 'newProvinceCode'],
  },
  {
    id: 'provinces-2025',
    label: 'Danh sách 34 tỉnh, thành phố từ 01/7/2025 (văn bản 915/CTK-CSCL)',
    requiredColumns: ['Mã số', 'Tên 34 tỉnh sau sáp nhập'],
  },
  {
    id: 'mapping-2025',
    label: 'Bảng chuyển đổi xã, phường cũ sang đơn vị hành chính từ 01/7/2025',
    requiredColumns: [...MAPPING_OLD, 'newProvinceCode', 'newProvince', 'newWardCode', 'newWard'],
    unitsAreReferences: true,
  },
  {
    id: 'alias-provinces',
    label: 'Tên cũ, tên gọi khác của tỉnh',
    requiredColumns: ['province_key', 'alias_keyword'],
    excludedColumns: ['district_key', 'ward_key'],
  },
  {
    id: 'alias-districts',
    label: 'Tên cũ, tên gọi khác của quận, huyện',
    requiredColumns: ['province_key', 'district_key', 'alias_keyword'],
    excludedColumns: ['ward_key'],
  },
  {
    id: 'alias-communes',
    label: 'Tên cũ, tên gọi khác của xã, phường',
    requiredColumns: ['province_key', 'district_key', 'ward_key', 'alias_keyword'],
  },
];

export function getUnitFormat(id: UnitFormatId): UnitFormat {
  const format = UNIT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`unknown unit format ${id}`);
  return format;
}

/** The required columns of `format` that the header lacks. */
export function missingColumns(format: UnitFormat, header: readonly string[]): string[] {
  const keys = new Set(header.map(compactKey));
  return format.requiredColumns.filter((column) => !keys.has(compactKey(column)));
}

function excluded(format: UnitFormat, header: readonly string[]): boolean {
  const keys = new Set(header.map(compactKey));
  return (format.excludedColumns ?? []).some((column) => keys.has(compactKey(column)));
}

/** The format whose required columns are all in the header (the most specific one), if any. */
export function detectFormat(header: string[]): UnitFormatId | undefined {
  const fitting = UNIT_FORMATS.filter((f) => !excluded(f, header) && missingColumns(f, header).length === 0);
  const best = fitting.sort((a, b) => b.requiredColumns.length - a.requiredColumns.length)[0];
  return best?.id;
}

/** The format the header most nearly fits (at least half its columns, two or more), for a precise error. */
export function nearestFormat(header: readonly string[]): UnitFormat | undefined {
  const scored = UNIT_FORMATS.filter((f) => !excluded(f, header))
    .map((f) => ({ f, found: f.requiredColumns.length - missingColumns(f, header).length }))
    .filter(({ f, found }) => found >= 2 && found * 2 >= f.requiredColumns.length)
    .sort((a, b) => b.found / b.f.requiredColumns.length - a.found / a.f.requiredColumns.length);
  return scored[0]?.f;
}
