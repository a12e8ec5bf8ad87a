import { describe, expect, it } from 'vitest';
import { titleCaseName, upperCaseName } from './name-case.js';

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Lower- and upper-case bases, paired by position. */
const LOWER = [...'aăâeêioôơuưy'];
const UPPER = [...'AĂÂEÊIOÔƠUƯY'];

/** Every Vietnamese vowel with every tone as [lower, upper], built from combining marks. */
function vowelPairs(): Array<[string, string]> {
  return LOWER.flatMap((l, i) => TONES.map((t): [string, string] => [(l + t).normalize('NFC'), ((UPPER[i] ?? '') + t).normalize('NFC')]));
}

describe('titleCaseName', () => {
  it.each([
    ['NGUYỄN THỊ ĐÀO', 'Nguyễn Thị Đào'],
    ['phạm anh đài', 'Phạm Anh Đài'],
    ['  lê   văn\u00A0an ', 'Lê Văn An'],
    ['ÂU DƯƠNG ỨNG', 'Âu Dương Ứng'],
    ['nguyễn-hoàng ánh', 'Nguyễn-Hoàng Ánh'],
    ['y-moan ênuôl', 'Y-Moan Ênuôl'],
    ["h'hen niê", "H'Hen Niê"],
    ['ĐỖ ÍCH ỶN', 'Đỗ Ích Ỷn'],
  ])('%s -> %s', (input, expected) => {
    expect(titleCaseName(input)).toBe(expected);
  });
  it('returns NFC for NFD input', () => {
    const out = titleCaseName('NGUYỄN THỊ ĐÀO'.normalize('NFD'));
    expect(out).toBe('Nguyễn Thị Đào');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('upperCaseName', () => {
  it.each([
    ['Nguyễn Thị Đào', 'NGUYỄN THỊ ĐÀO'],
    ['phạm anh đài', 'PHẠM ANH ĐÀI'],
    ['trương  ưởng\tỷ', 'TRƯƠNG ƯỞNG Ỷ'],
  ])('%s -> %s', (input, expected) => {
    expect(upperCaseName(input)).toBe(expected);
  });
});

describe('every Vietnamese letter', () => {
  const pairs = vowelPairs();
  it('covers 134 non-ASCII letters (vowels with tones, đ/Đ)', () => {
    const letters = new Set([...pairs.flat(), 'đ', 'Đ'].filter((c) => !/^[a-zA-Z]$/.test(c)));
    expect(letters.size).toBe(134);
  });
  it('upper-cases and title-cases each letter, and round-trips', () => {
    for (const [lower, upper] of [...pairs, ['đ', 'Đ'] as [string, string]]) {
      expect(upperCaseName(lower)).toBe(upper);
      expect(titleCaseName(upper)).toBe(upper);
      expect(titleCaseName(upper + upper)).toBe(upper + lower);
      expect(upperCaseName(titleCaseName(lower + upper))).toBe(upper + upper);
      expect(titleCaseName(upperCaseName(upper + lower))).toBe(upper + lower);
    }
  });
  it('handles NFD letters', () => {
    for (const [lower, upper] of pairs) {
      expect(upperCaseName(lower.normalize('NFD'))).toBe(upper);
      expect(titleCaseName(upper.normalize('NFD') + upper.normalize('NFD'))).toBe(upper + lower);
    }
  });
});
