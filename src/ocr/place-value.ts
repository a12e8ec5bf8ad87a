/**
 * A place read by the machine, made into its value through units/: when the
 * text resolves to one administrative unit, every run of words that spells
 * (diacritics aside) the short name of a unit the resolution vouches for (the
 * unit, its parents, the former provinces they came from) is written as the
 * unit list writes it, with the kind word before it ("xà" → "xã"); those
 * words are then as sure as the resolution, and only the other words keep the
 * word-level checks of the OCR confusions. Text that does not resolve, or
 * resolves to several units, stays as read and uncertain.
 */
import { searchKey } from '../vn/index.js';

/** What the unit list says of a place text (the caller resolves it through units/). */
export interface PlaceMatch {
  status: 'resolved' | 'ambiguous' | 'unresolved';
  /** When resolved: the short names of the units the resolution vouches for ("La Bằng", "Đại Từ", "Bắc Thái"). */
  names?: readonly string[];
  /** When resolved: the resolver's confidence in the unit. */
  confidence?: number;
}

export type PlaceCheck = (text: string) => PlaceMatch;

/** A word of the text: where it is, what it says, and whether the unit list spelled it. */
export interface PlaceToken {
  start: number;
  /** Length of the word as read. */
  length: number;
  text: string;
  covered: boolean;
}

const TOKEN_RE = /[^\s,.;:()/-]+/gu;
const KIND_WORDS: Readonly<Record<string, string>> = {
  'thanh pho': 'thành phố',
  'thi xa': 'thị xã',
  'thi tran': 'thị trấn',
  tinh: 'tỉnh',
  huyen: 'huyện',
  quan: 'quận',
  phuong: 'phường',
  xa: 'xã',
};

export function placeTokens(text: string): PlaceToken[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({ start: m.index, length: m[0].length, text: m[0], covered: false }));
}

/** The name's word in the case the text wrote it in: "LA BẰNG" stays upper case, "xà" stays lower. */
function inCaseOf(read: string, word: string): string {
  if (read.length > 1 && read === read.toUpperCase() && read !== read.toLowerCase()) return word.toUpperCase();
  const first = read.charAt(0);
  const rest = word.slice(1);
  return (first === first.toLowerCase() ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + rest;
}

function spellKindBefore(tokens: PlaceToken[], at: number): void {
  for (const n of [2, 1]) {
    const from = at - n;
    if (from < 0) continue;
    const words = tokens.slice(from, at);
    const kind = KIND_WORDS[words.map((t) => searchKey(t.text)).join(' ')];
    if (!kind) continue;
    kind.split(' ').forEach((w, i) => Object.assign(words[i]!, { text: inCaseOf(words[i]!.text, w), covered: true }));
    return;
  }
}

/** Writes each run of tokens that folds to one of the names as the name is written; marks them covered. */
export function spellNames(tokens: PlaceToken[], names: readonly string[]): void {
  const folded = tokens.map((t) => searchKey(t.text));
  const byLength = [...names].map((n) => n.split(/\s+/).filter(Boolean)).sort((a, b) => b.length - a.length);
  for (const name of byLength) {
    const keys = name.map((w) => searchKey(w));
    if (keys.length === 0 || keys.some((k) => k === '')) continue;
    for (let i = 0; i + keys.length <= tokens.length; i++) {
      if (!keys.every((k, j) => folded[i + j] === k && !tokens[i + j]!.covered)) continue;
      name.forEach((w, j) => Object.assign(tokens[i + j]!, { text: inCaseOf(tokens[i + j]!.text, w), covered: true }));
      spellKindBefore(tokens, i);
    }
  }
}

/** The text with its tokens replaced by their (re)spelled forms, separators as read. */
export function joinTokens(text: string, tokens: readonly PlaceToken[]): string {
  let out = '';
  let at = 0;
  for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, t.start) + t.text;
    at = t.start + t.length;
  }
  return out + text.slice(at);
}
