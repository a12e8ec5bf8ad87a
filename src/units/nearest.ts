/**
 * The nearest unit names to text that matched nothing: each comma-separated
 * segment, without kind words, against every unit's short name by edit
 * distance. Only used for unresolved input, so it may be a plain scan.
 */
import { placeTokens } from './place-text.js';
import { placeKey, type IndexedUnit, type UnitIndex } from './unit-index.js';
import { shortName } from './unit-kind.js';

const KIND = new Set(['tinh', 'thanh', 'pho', 'huyen', 'quan', 'thi', 'xa', 'tran', 'phuong', 'dac', 'khu']);

function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = row;
  }
  return prev[b.length]!;
}

function segmentKeys(text: string): string[] {
  const bySegment = new Map<number, string>();
  for (const t of placeTokens(text)) if (!KIND.has(t.word)) bySegment.set(t.segment, (bySegment.get(t.segment) ?? '') + t.word);
  return [...bySegment.values()].filter((k) => k.length >= 3);
}

/** Each unit's short-name key, computed once per unit (the scan below visits every unit). */
const shortKeys = new WeakMap<IndexedUnit, string>();
function shortKeyOf(unit: IndexedUnit): string {
  let key = shortKeys.get(unit);
  if (key === undefined) shortKeys.set(unit, (key = placeKey(shortName(unit.name, unit.level)).key));
  return key;
}

export function nearestUnits(index: UnitIndex, text: string, limit: number): { unit: IndexedUnit; similarity: number }[] {
  const keys = segmentKeys(text);
  const found: { unit: IndexedUnit; similarity: number }[] = [];
  for (const unit of index.units.values()) {
    const name = shortKeyOf(unit);
    let best = 0;
    for (const k of keys) {
      const cap = Math.floor(Math.max(k.length, name.length) / 3);
      if (Math.abs(k.length - name.length) > cap) continue;
      const d = editDistance(k, name, cap);
      if (d <= cap) best = Math.max(best, 1 - d / Math.max(k.length, name.length));
    }
    if (best > 0) found.push({ unit, similarity: best });
  }
  return found.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}
