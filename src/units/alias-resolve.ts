/**
 * Alias lists name their unit by compact keys of full names
 * ("thanhphohochiminh" / "quan3" / "phuong9"). This finds the unit those keys
 * name among the legacy units known so far.
 */
import { compactKey } from '../vn/index.js';
import { unitId, type AliasRecord } from './unit.types.js';

interface UnitLike {
  id: string;
  scheme: string;
  level: string;
  name: string;
  parent_id: string | null;
}

export type AliasTarget = (a: AliasRecord) => string | undefined;

export function aliasTargets(units: Iterable<UnitLike>): AliasTarget {
  const byKey = new Map<string, string[]>();
  const put = (k: string, id: string) => byKey.set(k, [...(byKey.get(k) ?? []), id]);
  for (const u of units) {
    if (u.scheme !== 'legacy') continue;
    put(`${u.level}|${u.parent_id ?? ''}|${compactKey(u.name)}`, u.id);
  }
  const one = (level: string, parent: string, key: string | undefined): string | undefined => {
    if (!key) return undefined;
    const ids = byKey.get(`${level}|${parent}|${key}`) ?? [];
    return ids.length === 1 ? ids[0] : undefined;
  };
  return (a) => {
    if ('code' in a.unit) return unitId(a.unit);
    const province = one('province', '', a.unit.provinceKey);
    if (!province || a.unit.level === 'province') return province;
    const district = one('district', province, a.unit.districtKey);
    if (!district || a.unit.level === 'district') return district;
    return one('commune', district, a.unit.communeKey);
  };
}
