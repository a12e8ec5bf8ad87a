/**
 * The one normalization of Vietnamese personal names, shared by keying and
 * QC (is "Thuý Hoà" the same text as "Thúy Hòa"?) and by search (which keys
 * find "Nguyễn Thị Thuý Hoà" however it was typed).
 *
 * - normalizeName: NFC, invisible characters dropped, whitespace collapsed,
 *   tone marks on their canonical vowel (tone.ts). Case and diacritics are
 *   kept: two names with the same normalizeName are the same spelling.
 * - nameKeys: the search keys. `tone` is normalizeName in lower case (an
 *   exact match with diacritics); `fold` is searchKey (no diacritics, đ→d,
 *   lower case, one space between words: "nguyen thi thuy hoa"); `ho` is the
 *   first word (họ), `ten` the last (tên), `dem` the words between.
 * The stored value always keeps the book's spelling; these are for comparing
 * and indexing only.
 */
import { searchKey } from './search-key.js';
import { cleanText } from './text.js';
import { normalizeTonePlacement } from './tone.js';

/** NFC, tidy whitespace, canonical tone placement: "  Thuý   Hoà " -> "Thúy Hòa". */
export function normalizeName(s: string): string {
  return normalizeTonePlacement(cleanText(s));
}

export interface NameKeys {
  /** normalizeName, lower case: "nguyễn thị thúy hòa". */
  tone: string;
  /** searchKey: "nguyen thi thuy hoa". */
  fold: string;
  /** First folded word (họ): "nguyen"; '' for an empty name. */
  ho: string;
  /** Last folded word (tên): "hoa"; equals ho for a one-word name. */
  ten: string;
  /** Folded words between họ and tên: "thi thuy". */
  dem: string;
}

export function nameKeys(s: string): NameKeys {
  const fold = searchKey(s);
  const words = fold === '' ? [] : fold.split(' ');
  return {
    tone: normalizeName(s).toLowerCase(),
    fold,
    ho: words[0] ?? '',
    ten: words.at(-1) ?? '',
    dem: words.slice(1, -1).join(' '),
  };
}
