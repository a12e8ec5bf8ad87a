/**
 * Autocomplete for the keying form: units whose full name, short name or
 * alias starts with what was typed (diacritics optional), at any level.
 * A binary search on the index's sorted keys keeps it well under 20 ms.
 */
import { compactKey, searchKey } from '../vn/index.js';
import { unitPath, type IndexedUnit, type UnitIndex } from './unit-index.js';
import type { UnitLevel, UnitScheme } from './unit.types.js';

export interface LookupOptions {
  level?: UnitLevel;
  scheme?: UnitScheme;
  limit?: number;
}

export interface LookupHit {
  id: string;
  code: string;
  name: string;
  path: string;
  level: UnitLevel;
  scheme: UnitScheme;
}

function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

export function lookupUnits(index: UnitIndex, query: string, opts: LookupOptions = {}): LookupHit[] {
  // No abbreviation expansion here: the last word is being typed ("Đạ T" must not become "Đạ tỉnh").
  const prefix = compactKey(query);
  if (!prefix) return [];
  const wanted = (u: IndexedUnit) => (!opts.level || u.level === opts.level) && (!opts.scheme || u.scheme === opts.scheme);
  const found = new Map<string, { unit: IndexedUnit; rank: number }>();
  const typed = query.normalize('NFC').toLowerCase().trim();
  const exactAccents = typed !== searchKey(typed);
  for (let i = lowerBound(index.sortedKeys, prefix); i < index.sortedKeys.length && found.size < 2000; i++) {
    const key = index.sortedKeys[i]!;
    if (!key.startsWith(prefix)) break;
    for (const e of index.byKey.get(key) ?? []) {
      const unit = index.units.get(e.unitId);
      if (!unit || !wanted(unit) || found.has(unit.id)) continue;
      const accentMiss = exactAccents && !unit.name.toLowerCase().includes(typed) ? 1 : 0;
      const rank = (key === prefix ? 0 : 10) + accentMiss * 5 + (e.via === 'alias' ? 3 : 0) + LEVEL_RANK[unit.level];
      found.set(unit.id, { unit, rank });
    }
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.unit.name.localeCompare(b.unit.name, 'vi'))
    .slice(0, opts.limit ?? 20)
    .map(({ unit }) => ({ id: unit.id, code: unit.code, name: unit.name, path: unitPath(index, unit.id), level: unit.level, scheme: unit.scheme }));
}
