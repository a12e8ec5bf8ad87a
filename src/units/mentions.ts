/**
 * Finding unit names in place text: every run of tokens whose compact key is
 * a unit's full name, short name or alias is a mention, with a quality that
 * says how sure the match is (a full name with its kind word beats a bare
 * short name; a short name after the kind word of another level is doubtful).
 */
import type { PlaceToken } from './place-text.js';
import type { KeyVia, UnitIndex } from './unit-index.js';
import type { UnitLevel } from './unit.types.js';

export interface Mention {
  unitId: string;
  start: number;
  end: number;
  via: KeyVia;
  alias?: string;
  quality: number;
}

const KIND_WORDS: readonly [string[], readonly UnitLevel[]][] = [
  [
    ['thanh', 'pho'],
    ['province', 'district'],
  ],
  [['thi', 'xa'], ['district']],
  [['thi', 'tran'], ['commune']],
  [['dac', 'khu'], ['commune']],
  [['tinh'], ['province']],
  [['huyen'], ['district']],
  [['quan'], ['district']],
  [['phuong'], ['commune']],
  [['xa'], ['commune']],
];

/** The levels named by a kind word ending just before token i, if any. */
function kindBefore(words: readonly string[], i: number): readonly UnitLevel[] | undefined {
  for (const [kw, levels] of KIND_WORDS) {
    const from = i - kw.length;
    if (from >= 0 && kw.every((w, j) => words[from + j] === w)) return levels;
  }
  return undefined;
}

function quality(via: KeyVia, level: UnitLevel, words: readonly string[], start: number, len: number): number {
  if (via === 'name') return 1;
  const before = kindBefore(words, start);
  if (before && !before.includes(level)) return 0.5;
  if (via === 'alias') return 0.8;
  return len === 1 ? 0.6 : 0.85;
}

/** For each unit named in the text, its best mention. */
export function findMentions(index: UnitIndex, tokens: readonly PlaceToken[]): Map<string, Mention> {
  const words = tokens.map((t) => t.word);
  const best = new Map<string, Mention>();
  for (let start = 0; start < words.length; start++) {
    let key = '';
    for (let len = 1; len <= index.maxKeyTokens && start + len <= words.length; len++) {
      key += words[start + len - 1];
      for (const entry of index.byKey.get(key) ?? []) {
        const unit = index.units.get(entry.unitId);
        if (!unit) continue;
        const m: Mention = { unitId: unit.id, start, end: start + len, via: entry.via, quality: quality(entry.via, unit.level, words, start, len) };
        if (entry.alias) m.alias = entry.alias;
        const prev = best.get(unit.id);
        if (!prev || m.quality > prev.quality || (m.quality === prev.quality && m.end - m.start > prev.end - prev.start)) best.set(unit.id, m);
      }
    }
  }
  return demoteContained(best, index);
}

/** "Phường Dịch Vọng Hậu" also contains "Phường Dịch Vọng": a mention inside a longer one of the same level counts less. */
function demoteContained(best: Map<string, Mention>, index: UnitIndex): Map<string, Mention> {
  const all = [...best.values()];
  for (const m of all) {
    const level = index.units.get(m.unitId)?.level;
    const inside = all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start && index.units.get(o.unitId)?.level === level);
    if (inside) best.set(m.unitId, { ...m, quality: m.quality * 0.6 });
  }
  return best;
}

export const overlaps = (a: Mention, b: Mention): boolean => a.start < b.end && b.start < a.end;
