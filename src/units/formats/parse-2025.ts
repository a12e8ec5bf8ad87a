/**
 * The two-level system in force from 01.07.2025:
 * - units-2025: province, ward, provinceShort, wardShort, wardType,
 *   provinceCode, …, wardCode, … → the 34 provinces and their communes
 *   (xã, phường, đặc khu), parent = province;
 * - provinces-2025 (GSO letter 915/CTK-CSCL): Stt, Mã số, Tên 34 tỉnh sau
 *   sáp nhập. That list writes "Thành phố …" for the six centrally-run cities
 *   and the bare name for a province ("Cao Bằng"), which becomes "Tỉnh Cao Bằng".
 */
import { takeUnit, type ParseContext } from './parse-context.js';

export function parseUnits2025(ctx: ParseContext): void {
  for (const row of ctx.rows) {
    const province = takeUnit(ctx, row, { scheme: 'y2025', level: 'province', code: 'provinceCode', name: 'province' });
    takeUnit(ctx, row, {
      scheme: 'y2025',
      level: 'commune',
      code: 'wardCode',
      name: 'ward',
      type: 'wardType',
      parentCode: province.code,
    });
  }
}

export function parseProvinces2025(ctx: ParseContext): void {
  for (const row of ctx.rows) {
    takeUnit(ctx, row, { scheme: 'y2025', level: 'province', code: 'Mã số', name: 'Tên 34 tỉnh sau sáp nhập', fallback: 'tinh' });
  }
}
