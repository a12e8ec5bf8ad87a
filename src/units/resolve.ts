/**
 * resolvePlace: place text as written in a book → ranked candidate units.
 * Every unit named in the text is a candidate; its score adds the weight of
 * its own mention and of each of its ancestors that the text also names
 * (a historic province counts for the provinces that succeeded it). Two
 * candidates that score alike and are not one inside the other make the
 * answer "ambiguous": hotich never guesses silently.
 */
import { findMentions, overlaps, type Mention } from './mentions.js';
import { nearestUnits } from './nearest.js';
import { placeSegments, placeTokens, type PlaceToken } from './place-text.js';
import { shortName } from './unit-kind.js';
import { normalizeTonePlacement } from '../vn/index.js';
import { ancestry, successorsIn2025, unitPath, type IndexedUnit, type UnitIndex } from './unit-index.js';
import type { UnitLevel } from './unit.types.js';

export interface ResolveOptions {
  /** The year the text was written; units not in force then weigh less (2025 units are left out before 2025). */
  asOf?: number;
  limit?: number;
}

export interface PlaceCandidate {
  id: string;
  code: string;
  name: string;
  path: string;
  level: UnitLevel;
  scheme: string;
  successors: { code: string; name: string; main: boolean }[];
  confidence: number;
  why: string;
}

export interface PlaceResolution {
  input: string;
  status: 'resolved' | 'ambiguous' | 'unresolved';
  candidates: PlaceCandidate[];
}

const WEIGHT: Record<UnitLevel, number> = { commune: 1, district: 0.7, province: 0.5 };
const AMBIGUITY_MARGIN = 0.1;
/** Written with the same diacritics as the unit's name: decides between names that differ only by them (Hưng / Hùng). */
const ACCENT_BONUS = 0.15;
const MIN_SCORE = 0.5;

interface Scored {
  unit: IndexedUnit;
  score: number;
  max: number;
  parts: { unit: IndexedUnit; mention: Mention; inherited: boolean }[];
}

function schemeFactor(u: IndexedUnit, asOf: number | undefined): number {
  if (asOf === undefined) return 1;
  if (u.scheme === 'y2025') return asOf < 2025 ? 0 : 1;
  if (u.scheme === 'legacy') return asOf > 2025 ? 0.9 : 1;
  const from = Number(u.validFrom ?? 0);
  const to = Number(u.validTo ?? 9999);
  return asOf >= from && asOf <= to ? 1 : 0.9;
}

/**
 * Historic provinces mentioned in the text count for the provinces they
 * became. Where the same words also name a province in force ("Tỉnh Hậu
 * Giang" since 2004), the historic reading is kept only for texts written
 * while the historic province existed.
 */
function inheritedMentions(index: UnitIndex, mentions: Map<string, Mention>, asOf: number | undefined): Map<string, Mention> {
  const out = new Map<string, Mention>();
  const visit = (id: string, m: Mention, depth: number) => {
    for (const link of index.successors.get(id) ?? []) {
      const to = index.units.get(link.toId);
      if (!to || to.level !== 'province' || depth > 3) continue;
      if (!out.has(to.id)) out.set(to.id, { ...m, unitId: to.id, quality: m.quality * 0.8 });
      if (to.scheme === 'historic') visit(to.id, m, depth + 1);
    }
  };
  const current = [...mentions.values()].filter((m) => {
    const u = index.units.get(m.unitId);
    return u?.level === 'province' && u.scheme !== 'historic';
  });
  for (const [id, m] of mentions) {
    const u = index.units.get(id);
    if (u?.scheme !== 'historic') continue;
    const ended = asOf === undefined || asOf > Number(u.validTo ?? 9999);
    if (ended && current.some((c) => c.start === m.start && c.end === m.end)) continue;
    visit(id, m, 0);
  }
  return out;
}

interface TextView {
  tokens: readonly PlaceToken[];
  /** Each segment in accent form, padded with spaces: " phường sa pả ". */
  segments: readonly string[];
}

/** Lower-case NFC with tone marks in one place and words separated by single spaces, padded. */
const accentForm = (s: string) =>
  ` ${normalizeTonePlacement(s.normalize('NFC').toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

const unitAccent = new WeakMap<IndexedUnit, string>();

function sameAccents(unit: IndexedUnit, m: Mention, text: TextView): boolean {
  let name = unitAccent.get(unit);
  if (name === undefined) unitAccent.set(unit, (name = accentForm(shortName(unit.name, unit.level))));
  return (text.segments[text.tokens[m.start]?.segment ?? -1] ?? '').includes(name);
}

function score(index: UnitIndex, own: Mention, mentions: Map<string, Mention>, inherited: Map<string, Mention>, asOf: number | undefined, text: TextView): Scored | undefined {
  const chain = ancestry(index, own.unitId);
  const unit = chain[0];
  const factor = unit ? schemeFactor(unit, asOf) : 0;
  if (!unit || factor === 0) return undefined;
  const parts: Scored['parts'] = [{ unit, mention: own, inherited: false }];
  let total = WEIGHT[unit.level] * own.quality + (sameAccents(unit, own, text) ? ACCENT_BONUS : 0);
  let max = WEIGHT[unit.level];
  for (const a of chain.slice(1)) {
    max += WEIGHT[a.level];
    const direct = mentions.get(a.id);
    const m = direct && !overlaps(direct, own) ? direct : inherited.get(a.id);
    if (!m || overlaps(m, own)) continue;
    total += WEIGHT[a.level] * m.quality;
    parts.push({ unit: a, mention: m, inherited: m !== direct });
  }
  return { unit, score: total * factor, max, parts };
}

const VIA_LABEL = { name: 'tên đầy đủ', short: 'tên không kèm cấp', alias: 'tên cũ hoặc viết tắt' } as const;

function why(s: Scored): string {
  return s.parts
    .map(({ unit, mention, inherited }) => {
      const how = mention.via === 'alias' ? `${VIA_LABEL.alias} "${mention.alias}"` : VIA_LABEL[mention.via];
      return inherited ? `${unit.name} (kế thừa từ tỉnh cũ được nêu)` : `${unit.name} (${how})`;
    })
    .join('; ');
}

function toCandidate(index: UnitIndex, s: Scored, ambiguous: boolean): PlaceCandidate {
  const u = s.unit;
  const successors = u.scheme === 'y2025' ? [] : successorsIn2025(index, u.id).map(({ unit, main }) => ({ code: unit.code, name: unit.name, main }));
  const confidence = Math.round(Math.min(1, s.score / (s.max + ACCENT_BONUS)) * (ambiguous ? 0.5 : 1) * 100) / 100;
  return { id: u.id, code: u.code, name: u.name, path: unitPath(index, u.id), level: u.level, scheme: u.scheme, successors, confidence, why: why(s) };
}

const related = (index: UnitIndex, a: IndexedUnit, b: IndexedUnit): boolean => ancestry(index, a.id).some((x) => x.id === b.id) || ancestry(index, b.id).some((x) => x.id === a.id);

export function resolvePlace(index: UnitIndex, input: string, opts: ResolveOptions = {}): PlaceResolution {
  const limit = opts.limit ?? 5;
  const text: TextView = { tokens: placeTokens(input), segments: placeSegments(input).map(accentForm) };
  const mentions = findMentions(index, text.tokens);
  const inherited = inheritedMentions(index, mentions, opts.asOf);
  const ranked = [...mentions.values()]
    .map((m) => score(index, m, mentions, inherited, opts.asOf, text))
    .filter((s): s is Scored => s !== undefined && s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.unit.id.localeCompare(b.unit.id));
  const top = ranked[0];
  if (!top) return { input, status: 'unresolved', candidates: nearestUnits(index, input, limit).map((u) => toNearest(index, u)) };
  const rivals = ranked.filter((s) => s !== top && s.score >= top.score - AMBIGUITY_MARGIN && !related(index, s.unit, top.unit));
  const ambiguous = rivals.length > 0;
  const shown = ambiguous ? [top, ...rivals] : [top, ...ranked.filter((s) => s !== top && !related(index, s.unit, top.unit))];
  return { input, status: ambiguous ? 'ambiguous' : 'resolved', candidates: shown.slice(0, limit).map((s) => toCandidate(index, s, ambiguous)) };
}

function toNearest(index: UnitIndex, n: { unit: IndexedUnit; similarity: number }): PlaceCandidate {
  const c = toCandidate(index, { unit: n.unit, score: 0, max: 1, parts: [] }, false);
  return { ...c, confidence: Math.round(n.similarity * 30) / 100, why: `gần giống (độ giống ${Math.round(n.similarity * 100)}%), không khớp chắc chắn` };
}
