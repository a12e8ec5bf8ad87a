/**
 * The written Vietnamese syllable: its five tone marks, its vowel letters, and
 * the split of a toneless syllable into onset (phụ âm đầu), vowel nucleus
 * (vần without the final) and final consonant (phụ âm cuối). The `qu` and `gi`
 * onsets are handled here: in "quý" the u, and in "giá" the i, belong to the
 * onset. Shared by tone placement and legacy-encoding detection.
 */

/** Combining tone marks: huyền, sắc, hỏi, ngã, nặng. */
const TONE_RE = /[\u0300\u0301\u0309\u0303\u0323]/g;

const VOWELS = new Set('aăâeêioôơuưy');
/** Vowels that carry a quality mark (mũ, trăng, móc); they always take the tone. */
export const QUALITY_VOWELS = new Set('ăâêôơư');

/** Vowel clusters written between onset and final (toneless, lower case). */
export const NUCLEI: ReadonlySet<string> = new Set([
  ...'aăâeêioôơuưy',
  ...['ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe'],
  ...['oi', 'ôi', 'ơi', 'oo', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ'],
  ...['ưu', 'yê', 'iêu', 'yêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu'],
  ...['ươi', 'ươu', 'iâu'], // iâu: minority place names (Miầu)
]);

export const CODAS: ReadonlySet<string> = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

export const ONSETS: ReadonlySet<string> = new Set([
  ...['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n'],
  ...['ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'],
]);

export interface ToneSplit {
  /** The word without tone marks, NFC (quality marks kept: "người" -> "ngươi"). */
  bare: string;
  /** The tone marks found, in order (normally zero or one). */
  tones: string[];
}

export function splitTones(word: string): ToneSplit {
  const decomposed = word.normalize('NFD');
  return {
    bare: decomposed.replace(TONE_RE, '').normalize('NFC'),
    tones: decomposed.match(TONE_RE) ?? [],
  };
}

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);
/** What may carry a tone in NFD: a vowel base or a quality mark (circumflex, breve, horn). */
const TONE_CARRIERS = new Set([...'aeiouyAEIOUY', '\u0302', '\u0306', '\u031B']);

/** False when a tone mark sits on something other than a vowel ("ñ"): not a Vietnamese word. */
export function tonesSitOnVowels(word: string): boolean {
  const chars = Array.from(word.normalize('NFD'));
  return chars.every((ch, i) => !TONE_MARKS.has(ch) || TONE_CARRIERS.has(chars[i - 1] ?? ''));
}

/** Puts a combining tone mark on one letter and recomposes it. */
export function addTone(letter: string, tone: string): string {
  return (letter + tone).normalize('NFC');
}

export interface SyllableParts {
  onset: string;
  nucleus: string;
  coda: string;
}

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.has(ch);
}

function onsetLength(bare: string, firstVowel: number): number {
  const consonants = bare.slice(0, firstVowel);
  const glideOnset = (consonants === 'q' && bare[firstVowel] === 'u') || (consonants === 'g' && bare[firstVowel] === 'i');
  return glideOnset && isVowel(bare[firstVowel + 1]) ? firstVowel + 1 : firstVowel;
}

/**
 * Splits a toneless, lower-case syllable. Undefined when it has no vowel or a
 * vowel after its final consonants (then it is not one syllable).
 */
export function splitSyllable(bare: string): SyllableParts | undefined {
  let first = 0;
  while (first < bare.length && !isVowel(bare[first])) first++;
  if (first === bare.length) return undefined;
  const onsetEnd = onsetLength(bare, first);
  let end = onsetEnd;
  while (isVowel(bare[end])) end++;
  const coda = bare.slice(end);
  if ([...coda].some((ch) => isVowel(ch))) return undefined;
  return { onset: bare.slice(0, onsetEnd), nucleus: bare.slice(onsetEnd, end), coda };
}

/**
 * Index (in the toneless syllable) of the vowel that carries the tone:
 * 1. a vowel with a quality mark (the last one: "người", "thuở", "khuyến");
 * 2. else, before a final consonant, the last vowel ("hoàng", "quýt", "huỳnh");
 * 3. else, in an open syllable, the middle of three vowels ("ngoài", "khuỷu")
 *    or the first of two ("mái", "mùa", and also "hòa", "khỏe", "thúy").
 */
export function toneIndex(parts: SyllableParts): number {
  const { nucleus } = parts;
  let index = 0;
  let quality = -1;
  for (let i = 0; i < nucleus.length; i++) if (QUALITY_VOWELS.has(nucleus[i] ?? '')) quality = i;
  if (quality >= 0) index = quality;
  else if (parts.coda !== '') index = nucleus.length - 1;
  else if (nucleus.length === 3) index = 1;
  return parts.onset.length + index;
}

/** True when the word, ignoring case, is one well-formed Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const { bare, tones } = splitTones(word.toLowerCase());
  if (tones.length > 1 || !/^[a-zđăâêôơư]+$/.test(bare)) return false;
  const parts = splitSyllable(bare);
  return parts !== undefined && ONSETS.has(parts.onset) && NUCLEI.has(parts.nucleus) && CODAS.has(parts.coda);
}
