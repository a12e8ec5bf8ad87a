/**
 * The keying and writing errors of old books, applied to a true value by the
 * synthetic province (EXTRACTS-LINKAGE §2.3): tone placement (Hòa/Hoà),
 * dropped middle name (Thị, Văn), one-letter slips, the confusions of
 * handwriting (s/x, tr/ch, final n/ng), i/y, Huỳnh/Hoàng and Võ/Vũ, lost
 * diacritics; for dates: day and month swapped, year or month.year only.
 * Every function is deterministic given the generator.
 */
import type { Rng } from '../rng.js';

const OLD_STYLE: Readonly<Record<string, string>> = { Hòa: 'Hoà', Thúy: 'Thuý', Thủy: 'Thuỷ', Khỏe: 'Khoẻ', Hòe: 'Hoè', Thùy: 'Thuỳ', Khóa: 'Khoá', Tòa: 'Toà', Xòe: 'Xoè', Lụa: 'Luạ' };
const VARIANT_HO: Readonly<Record<string, string>> = { Hoàng: 'Huỳnh', Huỳnh: 'Hoàng', Vũ: 'Võ', Võ: 'Vũ', Lý: 'Lí' };
const CONFUSIONS: readonly (readonly [RegExp, string])[] = [
  [/^S/, 'X'],
  [/^X/, 'S'],
  [/^Tr/, 'Ch'],
  [/^Ch/, 'Tr'],
  [/ng$/, 'n'],
  [/([aeiouyăâêôơư])n$/, '$1ng'],
  [/y$/, 'i'],
  [/ỹ$/, 'ĩ'],
  [/ý$/, 'í'],
];
const LETTERS = 'abcdeghiklmnopqrstuvxy';

export type NameError = 'tone' | 'dropMiddle' | 'slip' | 'confusion' | 'variantHo' | 'noDiacritics';

/** Moves tone marks to the old-style vowel where the name has such a word. */
export function oldStyleTone(name: string): string {
  return name
    .split(' ')
    .map((w) => OLD_STYLE[w] ?? w)
    .join(' ');
}

function slip(word: string, rng: Rng): string {
  if (word.length < 3) return word;
  const chars = [...word];
  const i = rng.int(1, chars.length - 1);
  const op = rng.int(0, 2);
  if (op === 0) chars.splice(i, 1);
  else if (op === 1 && i < chars.length - 1) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  else chars[i] = rng.pick([...LETTERS]);
  return chars.join('');
}

export function applyNameError(name: string, kind: NameError, rng: Rng): string {
  const words = name.split(' ');
  switch (kind) {
    case 'tone':
      return oldStyleTone(name);
    case 'dropMiddle':
      return words.length > 2 ? [words[0], words.at(-1)].join(' ') : name;
    case 'slip': {
      const i = rng.chance(0.6) ? words.length - 1 : rng.int(0, words.length - 1);
      words[i] = slip(words[i]!, rng);
      return words.join(' ');
    }
    case 'confusion': {
      const i = rng.chance(0.6) ? words.length - 1 : rng.int(0, words.length - 1);
      const w = words[i]!;
      const hits = CONFUSIONS.filter(([re]) => re.test(w));
      if (hits.length === 0) return name;
      const [re, to] = rng.pick(hits);
      words[i] = w.replace(re, to);
      return words.join(' ');
    }
    case 'variantHo':
      words[0] = VARIANT_HO[words[0]!] ?? words[0]!;
      return words.join(' ');
    case 'noDiacritics':
      return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();
  }
}

/** A name as one keyer may write it: `rate` is the chance of one error. */
export function keyName(name: string, rng: Rng, rate: number, dropRate = 0.02): string {
  let out = name;
  if (rng.chance(dropRate)) out = applyNameError(out, 'dropMiddle', rng);
  if (rng.chance(rate))
    out = applyNameError(
      out,
      rng.weighted<NameError>([
        ['tone', 3],
        ['slip', 3],
        ['confusion', 2],
        ['variantHo', 1],
        ['noDiacritics', 1],
      ]),
      rng,
    );
  return out;
}

export interface TrueDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dateText(d: TrueDate): string {
  return `${pad(d.day)}.${pad(d.month)}.${d.year}`;
}

/** A date as written: swapped day/month, year only or month.year, each with its chance. */
export function keyDate(d: TrueDate, rng: Rng, p: { swap: number; yearOnly: number; monthYear: number }): string {
  const u = rng.next();
  if (u < p.yearOnly) return String(d.year);
  if (u < p.yearOnly + p.monthYear) return `${pad(d.month)}.${d.year}`;
  if (u < p.yearOnly + p.monthYear + p.swap && d.day <= 12 && d.day !== d.month) return `${pad(d.month)}.${pad(d.day)}.${d.year}`;
  return dateText(d);
}
