/**
 * Finding units of a batch by code or by the names a mapping row writes
 * ("Thành phố Hà Nội" / "Khánh Hòa", "Quận Gò Vấp"), and walking a unit up
 * to its province. Names are compared by search key of the short name, so
 * case, diacritic form, tone placement and the kind word do not matter.
 */
import { searchKey } from '../../vn/index.js';
import { shortName } from '../unit-kind.js';
import { CODE_WIDTH, padCodeOrKeep } from '../unit-code.js';
import { parentLevel, unitId, type UnitLevel, type UnitRecord, type UnitRef } from '../unit.types.js';

const key = (name: string, level: UnitLevel): string => searchKey(shortName(name, level));

export class UnitLookup {
  private readonly byId = new Map<string, UnitRecord>();
  private readonly byName = new Map<string, UnitRecord[]>();

  constructor(units: readonly UnitRecord[]) {
    this.add(units);
  }

  add(units: readonly UnitRecord[]): void {
    for (const u of units) {
      this.byId.set(unitId(u), u);
      const k = `${u.scheme}:${u.level}:${key(u.name, u.level)}`;
      this.byName.set(k, [...(this.byName.get(k) ?? []), u]);
    }
  }

  get(ref: UnitRef): UnitRecord | undefined {
    return this.byId.get(unitId(ref));
  }

  /** Units of a scheme and level with this short name (any parent). */
  named(scheme: UnitRef['scheme'], level: UnitLevel, name: string): readonly UnitRecord[] {
    return this.byName.get(`${scheme}:${level}:${key(name, level)}`) ?? [];
  }

  /** The 2025 commune with this code; when the code is unknown, the one of this name in this province. */
  y2025Commune(code: string, name: string, provinceName: string): UnitRecord | undefined {
    const byCode = this.get({ scheme: 'y2025', level: 'commune', code: padCodeOrKeep(code, CODE_WIDTH.commune) });
    if (byCode) return byCode;
    const provinces = new Set(this.named('y2025', 'province', provinceName).map((p) => p.code));
    return this.named('y2025', 'commune', name).find((c) => provinces.has(c.parentCode ?? ''));
  }

  /** The legacy district of this name in this province, else the only one of this name anywhere. */
  legacyDistrict(provinceName: string, districtName: string): UnitRecord | undefined {
    const all = this.named('legacy', 'district', districtName);
    const provinces = new Set(this.named('legacy', 'province', provinceName).map((p) => p.code));
    return all.find((d) => provinces.has(d.parentCode ?? '')) ?? (all.length === 1 ? all[0] : undefined);
  }

  /** Code of the province a unit belongs to (itself for a province). */
  provinceOf(ref: UnitRef): string | undefined {
    let unit = this.get(ref);
    for (let hops = 0; unit && unit.level !== 'province' && hops < 3; hops += 1) {
      const level = parentLevel(unit);
      unit = unit.parentCode === undefined || level === undefined ? undefined : this.get({ scheme: unit.scheme, level, code: unit.parentCode });
    }
    return unit?.level === 'province' ? unit.code : undefined;
  }
}
