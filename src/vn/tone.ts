/**
 * Tone-mark placement (vị trí dấu thanh). Registers mix "Hoà" and "Hòa",
 * "Thuý" and "Thúy"; both are correct spellings of the same name. This file
 * moves each syllable's tone to one canonical vowel so the two compare equal.
 *
 * Canonical placement chosen: the one on ID cards and in most civil-status
 * paperwork, "hòa, khỏe, thúy" (Wikipedia calls it the "old style"; the
 * "new style" writes hoà, khoẻ, thuý). Rules, in order (see syllable.ts):
 * quality vowel (ă â ê ô ơ ư) first; else before a final consonant the last
 * vowel (hoàng, quýt); else the middle of three vowels (ngoài) or the first
 * of two (hòa, mái). `qu` and `gi` are onsets: quý, giá, gìn.
 * Words that are not a Vietnamese syllable (Khmer, H'Mông, foreign names) or
 * carry several tone marks are left exactly as written. Case is preserved.
 * Normalise only for comparison and search: the stored value keeps the book's
 * spelling (DOMAIN §2.1).
 */
import { addTone, CODAS, NUCLEI, splitSyllable, splitTones, toneIndex, tonesSitOnVowels } from './syllable.js';

const WORD_RE = /[\p{L}\p{M}]+/gu;

function normalizeWord(word: string): string {
  const { bare, tones } = splitTones(word);
  const tone = tones[0];
  if (tones.length !== 1 || tone === undefined || !tonesSitOnVowels(word)) return word;
  const lower = bare.toLowerCase();
  if (lower.length !== bare.length) return word;
  const parts = splitSyllable(lower);
  if (!parts || !NUCLEI.has(parts.nucleus) || !CODAS.has(parts.coda)) return word;
  const i = toneIndex(parts);
  return bare.slice(0, i) + addTone(bare.slice(i, i + 1), tone) + bare.slice(i + 1);
}

/** NFC text with every syllable's tone mark on its canonical vowel ("Thuý Hoà" -> "Thúy Hòa"). */
export function normalizeTonePlacement(s: string): string {
  return s.normalize('NFC').replace(WORD_RE, normalizeWord);
}

/** True when a and b differ at most in where tone marks sit (and in NFC/NFD form). */
export function sameIgnoringTonePlacement(a: string, b: string): boolean {
  return normalizeTonePlacement(a) === normalizeTonePlacement(b);
}
