/**
 * The in-memory index the resolver and the autocomplete work on: every unit
 * with its keys (full name, short name, aliases — all as compact keys built
 * by the same tokenizer as the place text), children and successors.
 * Built from plain rows, so it is the same whatever the database.
 */
import { shortName } from './unit-kind.js';
import { placeTokens } from './place-text.js';
import type { UnitKind, UnitLevel, UnitScheme } from './unit.types.js';

export interface IndexedUnit {
  id: string;
  scheme: UnitScheme;
  level: UnitLevel;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export type KeyVia = 'name' | 'short' | 'alias';

export interface KeyEntry {
  unitId: string;
  via: KeyVia;
  /** The alias text, for `via: 'alias'`. */
  alias?: string;
}

export interface UnitIndex {
  units: ReadonlyMap<string, IndexedUnit>;
  byKey: ReadonlyMap<string, readonly KeyEntry[]>;
  successors: ReadonlyMap<string, readonly { toId: string; main: boolean }[]>;
  /** Every key, sorted: prefix search for autocomplete. */
  sortedKeys: readonly string[];
  /** Longest key, in tokens: the resolver never looks at longer n-grams. */
  maxKeyTokens: number;
}

export interface IndexRows {
  units: readonly IndexedUnit[];
  successors: readonly { fromId: string; toId: string; main: boolean }[];
  aliases: readonly { unitId: string; alias: string }[];
}

/** Compact key of a text as the place tokenizer reads it: "Phường 09" → "phuong9". */
export function placeKey(text: string): { key: string; tokens: number } {
  const words = placeTokens(text).map((t) => t.word);
  return { key: words.join(''), tokens: words.length };
}

export function buildUnitIndex(rows: IndexRows): UnitIndex {
  const units = new Map(rows.units.map((u) => [u.id, u]));
  const byKey = new Map<string, KeyEntry[]>();
  let maxKeyTokens = 1;
  const add = (text: string, entry: KeyEntry) => {
    const { key, tokens } = placeKey(text);
    if (!key) return;
    maxKeyTokens = Math.max(maxKeyTokens, tokens);
    const list = byKey.get(key) ?? [];
    if (!list.some((e) => e.unitId === entry.unitId && e.via === entry.via)) list.push(entry);
    byKey.set(key, list);
  };
  for (const u of rows.units) {
    add(u.name, { unitId: u.id, via: 'name' });
    const short = shortName(u.name, u.level);
    if (short !== u.name && !/^\d+$/.test(short)) add(short, { unitId: u.id, via: 'short' });
  }
  for (const a of rows.aliases) if (units.has(a.unitId)) add(a.alias, { unitId: a.unitId, via: 'alias', alias: a.alias });
  const successors = new Map<string, { toId: string; main: boolean }[]>();
  for (const s of rows.successors) successors.set(s.fromId, [...(successors.get(s.fromId) ?? []), { toId: s.toId, main: s.main }]);
  return { units, byKey, successors, sortedKeys: [...byKey.keys()].sort(), maxKeyTokens: Math.min(maxKeyTokens, 8) };
}

/** The unit and its ancestors, nearest first. */
export function ancestry(index: UnitIndex, id: string): IndexedUnit[] {
  const out: IndexedUnit[] = [];
  for (let u = index.units.get(id); u; u = u.parentId ? index.units.get(u.parentId) : undefined) out.push(u);
  return out;
}

/** "Xã An Nhơn, Huyện Đạ Tẻh, Tỉnh Lâm Đồng". */
export function unitPath(index: UnitIndex, id: string): string {
  return ancestry(index, id)
    .map((u) => u.name)
    .join(', ');
}

/** The 2025 units a unit became, following successor links (historic → legacy → 2025). */
export function successorsIn2025(index: UnitIndex, id: string, seen = new Set<string>()): { unit: IndexedUnit; main: boolean }[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const out: { unit: IndexedUnit; main: boolean }[] = [];
  for (const link of index.successors.get(id) ?? []) {
    const to = index.units.get(link.toId);
    if (!to) continue;
    if (to.scheme === 'y2025') out.push({ unit: to, main: link.main });
    else out.push(...successorsIn2025(index, to.id, seen).map((s) => ({ unit: s.unit, main: s.main && link.main })));
  }
  const unique = new Map<string, { unit: IndexedUnit; main: boolean }>();
  for (const s of out) unique.set(s.unit.id, { unit: s.unit, main: (unique.get(s.unit.id)?.main ?? false) || s.main });
  return [...unique.values()];
}
