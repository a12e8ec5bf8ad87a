/**
 * The GSO (Tổng cục Thống kê) export of the legacy three-level list:
 * - communes: Mã, Tên, Tên Tiếng Anh, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh / Thành Phố
 * - districts: Mã, Tên, Tên Tiếng Anh, Cấp, Mã TP, Tỉnh / Thành Phố
 * Every row names its province and district too; each unit is kept once. A
 * commune-list row with empty commune columns (a district without communes,
 * as island districts are exported) still gives its district and province.
 */
import { districtKind } from '../unit-naming.js';
import type { UnitRecord } from '../unit.types.js';
import { takeUnit, type ParseContext } from './parse-context.js';
import type { TableRow } from './table-row.js';

const PROVINCE_COLUMNS = { code: 'Mã TP', name: 'Tỉnh / Thành Phố' } as const;

function gsoProvince(ctx: ParseContext, row: TableRow): UnitRecord {
  return takeUnit(ctx, row, { scheme: 'legacy', level: 'province', ...PROVINCE_COLUMNS });
}

function communeColumnsEmpty(ctx: ParseContext, row: TableRow): boolean {
  return ['Mã', 'Tên', 'Cấp'].every((column) => ctx.read.text(row, column) === '');
}

export function parseGsoCommunes(ctx: ParseContext): void {
  for (const row of ctx.rows) {
    const province = gsoProvince(ctx, row);
    const district = takeUnit(ctx, row, {
      scheme: 'legacy',
      level: 'district',
      code: 'Mã QH',
      name: 'Quận Huyện',
      parentCode: province.code,
      refine: (kind) => districtKind(kind, province.kind),
    });
    if (communeColumnsEmpty(ctx, row)) continue;
    takeUnit(ctx, row, { scheme: 'legacy', level: 'commune', code: 'Mã', name: 'Tên', type: 'Cấp', parentCode: district.code });
  }
}

export function parseGsoDistricts(ctx: ParseContext): void {
  for (const row of ctx.rows) {
    const province = gsoProvince(ctx, row);
    takeUnit(ctx, row, {
      scheme: 'legacy',
      level: 'district',
      code: 'Mã',
      name: 'Tên',
      type: 'Cấp',
      parentCode: province.code,
      refine: (kind) => districtKind(kind, province.kind),
    });
  }
}
