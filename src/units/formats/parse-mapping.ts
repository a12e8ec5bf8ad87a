/**
 * The legacy → 2025 mapping (provinceCode, districtCode, districtType,
 * wardCode, wardType, isDividedWard, province, district, ward, newProvince,
 * newWard, newProvinceCode, newWardCode, newWardType, …). Self-sufficient:
 * it gives the legacy units and the 2025 units it names — as references
 * only (the batch is `unitsAreReferences`, see format-catalog.ts) — and the
 * successor links legacy commune → 2025 commune (main one chosen in
 * successor-choice.ts) and legacy province → 2025 province (derived from the
 * commune links by ../province-successors.ts).
 * Its legacy codes are unpadded numbers, the commune ones floats ("1.0"):
 * padded back (2/3/5 digits); a non-integer is a 'units.bad_code'. A row with
 * no ward (an island district without communes) links the district itself.
 */
import { searchKey } from '../../vn/index.js';
import { provinceSuccessors } from '../province-successors.js';
import { districtKind } from '../unit-naming.js';
import { unitId, type UnitRecord } from '../unit.types.js';
import { takeUnit, type ParseContext } from './parse-context.js';
import { SuccessorChooser } from './successor-choice.js';
import type { TableRow } from './table-row.js';

interface MappingRow {
  oldProvince: UnitRecord;
  oldUnit: UnitRecord;
  newProvince: UnitRecord;
  newWard: UnitRecord;
}

function flag(text: string): boolean | undefined {
  const key = searchKey(text);
  if (['true', '1', 'x', 'co'].includes(key)) return true;
  if (['false', '0', 'khong'].includes(key)) return false;
  return undefined;
}

function legacyUnits(ctx: ParseContext, row: TableRow): { oldProvince: UnitRecord; oldUnit: UnitRecord } {
  const oldProvince = takeUnit(ctx, row, { scheme: 'legacy', level: 'province', code: 'provinceCode', name: 'province' });
  const district = takeUnit(ctx, row, {
    scheme: 'legacy',
    level: 'district',
    code: 'districtCode',
    name: 'district',
    type: 'districtType',
    parentCode: oldProvince.code,
    refine: (kind) => districtKind(kind, oldProvince.kind),
  });
  if (ctx.read.text(row, 'wardCode') === '' && ctx.read.text(row, 'ward') === '') return { oldProvince, oldUnit: district };
  const commune = takeUnit(ctx, row, {
    scheme: 'legacy',
    level: 'commune',
    code: 'wardCode',
    name: 'ward',
    type: 'wardType',
    parentCode: district.code,
  });
  return { oldProvince, oldUnit: commune };
}

function mappingRow(ctx: ParseContext, row: TableRow): MappingRow {
  const newProvince = takeUnit(ctx, row, { scheme: 'y2025', level: 'province', code: 'newProvinceCode', name: 'newProvince' });
  const newWard = takeUnit(ctx, row, {
    scheme: 'y2025',
    level: 'commune',
    code: 'newWardCode',
    name: 'newWard',
    type: 'newWardType',
    parentCode: newProvince.code,
  });
  return { ...legacyUnits(ctx, row), newProvince, newWard };
}

export function parseMapping2025(ctx: ParseContext): void {
  const communes = new SuccessorChooser();
  const provinceOf = new Map<string, string>();
  for (const row of ctx.rows) {
    const m = mappingRow(ctx, row);
    provinceOf.set(unitId(m.oldUnit), m.oldProvince.code);
    provinceOf.set(unitId(m.newWard), m.newProvince.code);
    const divided = m.oldUnit.level === 'commune' ? flag(ctx.read.text(row, 'isDividedWard')) : undefined;
    communes.add(m.oldUnit, m.newWard, row.line, divided);
  }
  const links = communes.links();
  const provinces = provinceSuccessors(links, (l) => ({ from: provinceOf.get(unitId(l.from)), to: provinceOf.get(unitId(l.to)) }));
  [...links, ...provinces].forEach((link) => ctx.batch.addSuccessor(link));
  communes.doubts().forEach((d) => ctx.batch.warn(d.line, d.detail));
}
