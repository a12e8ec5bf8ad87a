/**
 * Older names and abbreviations of units (province_key, district_key,
 * ward_key, alias_keyword, source, year). The unit is named by its compact
 * keys; resolving them to units is the importer's work. Every row gives one
 * alias, text kept as written (NFC, spaces trimmed); a key that is not in compact
 * form (lower-case ASCII, no spaces: "xãđôngthành") is kept and reported.
 */
import { compactKey } from '../../vn/index.js';
import type { AliasRecord, UnitLevel } from '../unit.types.js';
import type { ParseContext } from './parse-context.js';
import type { TableRow } from './table-row.js';

const KEY_COLUMNS = { province: 'province_key', district: 'district_key', commune: 'ward_key' } as const;
const LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  province: ['province'],
  district: ['province', 'district'],
  commune: ['province', 'district', 'commune'],
};

function key(ctx: ParseContext, row: TableRow, level: UnitLevel): string {
  const column = KEY_COLUMNS[level];
  const value = ctx.read.required(row, column);
  if (compactKey(value) !== value) ctx.batch.warn(row.line, `khóa "${value}" ở cột ${column} không ở dạng rút gọn (nên là "${compactKey(value)}"); giữ nguyên như tệp ghi.`);
  return value;
}

function aliasUnit(ctx: ParseContext, row: TableRow, level: UnitLevel): AliasRecord['unit'] {
  const keys = LEVELS[level].map((l) => key(ctx, row, l));
  const [provinceKey = '', districtKey, communeKey] = keys;
  return {
    level,
    provinceKey,
    ...(districtKey === undefined ? {} : { districtKey }),
    ...(communeKey === undefined ? {} : { communeKey }),
  };
}

function aliasRow(ctx: ParseContext, row: TableRow, level: UnitLevel): AliasRecord {
  const alias: AliasRecord = { unit: aliasUnit(ctx, row, level), alias: ctx.read.required(row, 'alias_keyword') };
  const source = ctx.read.text(row, 'source');
  const year = ctx.read.text(row, 'year');
  if (source !== '') alias.source = source;
  if (year !== '') alias.year = year;
  return alias;
}

export function aliasParser(level: UnitLevel): (ctx: ParseContext) => void {
  return (ctx) => ctx.rows.forEach((row) => ctx.batch.addAlias(aliasRow(ctx, row, level)));
}
