/**
 * The pre-2025 units of vietnam-provinces-js as UnitRecords of scheme
 * 'legacy': 63 provinces, 696 districts, 10,051 communes with their GSO
 * codes (zero-padded 2/3/5 digits) and parent codes. Names are cleaned
 * (NFC, spaces, kind-word casing); every cleaning, guessed kind, unknown
 * parent or repeated code is told in the batch's warnings.
 */
import { CODE_WIDTH, padCodeOrKeep } from '../unit-code.js';
import { districtKind } from '../unit-naming.js';
import { parentLevel, type UnitBatch, type UnitLevel, type UnitRecord } from '../unit.types.js';
import { droppedWarnings, type LegacyRaw, type Raw } from './package-data.js';
import { levelLabel, nameAndKind, namingWarnings } from './package-names.js';

export const LEGACY_FORMAT = 'builtin-legacy-units';

interface Draft {
  level: UnitLevel;
  code: string;
  name: string;
  parentCode?: string;
}

/** UnitBatch of the legacy units; `raw.dropped` rows are reported, not read. */
export function legacyBatch(raw: Raw<LegacyRaw>): UnitBatch {
  const warnings = droppedWarnings(raw);
  const { provinces, districts, communes } = raw.data;
  const drafts: Draft[] = [
    ...provinces.map((p) => ({ level: 'province' as const, code: p.idProvince, name: p.name })),
    ...districts.map((d) => ({ level: 'district' as const, code: d.idDistrict, name: d.name, parentCode: d.idProvince })),
    ...communes.map((c) => ({ level: 'commune' as const, code: c.idCommune, name: c.name, parentCode: c.idDistrict })),
  ];
  const units = toUnits(drafts, warnings);
  checkParents(units, warnings);
  return { format: LEGACY_FORMAT, source: raw.source, units, successors: [], aliases: [], warnings };
}

/** Records in the order given (provinces first, so districts can read their province's kind). */
function toUnits(drafts: readonly Draft[], warnings: string[]): UnitRecord[] {
  const byId = new Map<string, UnitRecord>();
  let cleaned = 0;
  for (const d of drafts) {
    const code = padCodeOrKeep(d.code, CODE_WIDTH[d.level]);
    const upper = parentLevel({ scheme: 'legacy', level: d.level });
    const parentCode = d.parentCode === undefined || upper === undefined ? undefined : padCodeOrKeep(d.parentCode, CODE_WIDTH[upper]);
    const nk = nameAndKind(d.name, d.level);
    const kind = d.level === 'district' ? districtKind(nk.kind, byId.get(`province:${parentCode}`)?.kind) : nk.kind;
    if (nk.name !== d.name) cleaned += 1;
    warnings.push(...namingWarnings(d.level, code, { ...nk, kind }));
    const id = `${d.level}:${code}`;
    if (byId.has(id)) warnings.push(`Mã ${levelLabel(d.level)} ${code} lặp lại ("${nk.name}"): giữ dòng đầu tiên.`);
    else byId.set(id, { scheme: 'legacy', level: d.level, code, name: nk.name, kind, ...(parentCode ? { parentCode } : {}) });
  }
  if (cleaned > 0) warnings.push(`${cleaned} tên đã được chuẩn hoá (NFC, khoảng trắng thừa, viết hoa từ chỉ loại như "Thành Phố" → "Thành phố").`);
  return [...byId.values()];
}

function checkParents(units: readonly UnitRecord[], warnings: string[]): void {
  const ids = new Set(units.map((u) => `${u.level}:${u.code}`));
  for (const u of units) {
    if (u.parentCode !== undefined && !ids.has(`${parentLevel(u) ?? ''}:${u.parentCode}`)) {
      warnings.push(`Đơn vị ${levelLabel(u.level)} ${u.code} "${u.name}": đơn vị cấp trên ${u.parentCode} không có trong danh sách.`);
    }
  }
}
