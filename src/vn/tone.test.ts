import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { searchKey } from './search-key.js';
import { addTone, CODAS, NUCLEI, splitSyllable, splitTones } from './syllable.js';
import { normalizeTonePlacement, sameIgnoringTonePlacement } from './tone.js';

const VOWELS = new Set('aăâeêioôơuưyAĂÂEÊIOÔƠUƯY');

function corpusWords(): string[] {
  const url = sharedPath('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv');
  const text = readFileSync(url, 'utf8');
  return [...new Set(text.match(/[\p{L}\p{M}]+/gu) ?? [])];
}

/** Every spelling of a word with its single tone moved to each of its vowels. */
function toneVariants(word: string): string[] {
  const { bare, tones } = splitTones(word);
  const tone = tones[0];
  if (tones.length !== 1 || tone === undefined) return [];
  const variants: string[] = [];
  [...bare].forEach((ch, i) => {
    if (VOWELS.has(ch)) variants.push(bare.slice(0, i) + addTone(ch, tone) + bare.slice(i + 1));
  });
  return variants;
}

describe('normalizeTonePlacement', () => {
  it('gives the canonical placement of the examples', () => {
    expect(normalizeTonePlacement('Thuý Hoà')).toBe('Thúy Hòa');
    expect(normalizeTonePlacement('hoà')).toBe(normalizeTonePlacement('hòa'));
    expect(normalizeTonePlacement('hòa')).not.toBe(normalizeTonePlacement('hoa'));
  });
  it.each([
    ['khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['Tỉnh Hoà Bình', 'Tỉnh Hòa Bình'],
    ['qúy', 'quý'],
    ['gía', 'giá'],
    ['hòang', 'hoàng'],
    ['ngừơi', 'người'],
    ['ngòai', 'ngoài'],
    ['khủyu', 'khuỷu'],
    ['thủơ', 'thuở'],
    ['húyt', 'huýt'],
    ['HOÀ', 'HÒA'],
    ['THUÝ', 'THÚY'],
    ['Nguyêñ', 'Nguyêñ'],
    ['nguỹên', 'nguyễn'],
    ['tòan', 'toàn'],
    ['qủa', 'quả'],
    ['gịữ', 'gịữ'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeTonePlacement(input)).toBe(expected);
  });
  it.each(['quý', 'gìn', 'giá', 'hoàng', 'Nguyễn', 'mùa', 'múi', 'ngoài', 'khuỷu', 'thuở', 'Quỳnh', 'huýt', 'giữa', 'hòa'])('keeps %s as it is', (w) => expect(normalizeTonePlacement(w)).toBe(w));
  it('leaves non-Vietnamese words and words with several tones alone', () => {
    for (const w of ['Khmer', "H'Mông", 'José', 'Søren', 'hóà', 'Ksor', 'Niê']) {
      expect(normalizeTonePlacement(w)).toBe(w);
    }
  });
  it('accepts NFD input and returns NFC', () => {
    const out = normalizeTonePlacement('Thuý Hoà'.normalize('NFD'));
    expect(out).toBe('Thúy Hòa');
    expect(out).toBe(out.normalize('NFC'));
  });
  it('keeps punctuation and spacing', () => {
    expect(normalizeTonePlacement('Hoà, Thuý - khoẻ!')).toBe('Hòa, Thúy - khỏe!');
  });
  it.runIf(hasShared('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv'))('on every word of the GSO unit names: idempotent, only moves tones, one canonical form', () => {
    const words = corpusWords();
    expect(words.length).toBeGreaterThan(2000);
    for (const w of words) {
      const n = normalizeTonePlacement(w);
      expect(normalizeTonePlacement(n)).toBe(n);
      expect(searchKey(n)).toBe(searchKey(w));
      expect(splitTones(n).tones).toEqual(splitTones(w).tones);
    }
  });
  it.runIf(hasShared('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv'))('maps every placement of a tone in a corpus syllable to the same spelling', () => {
    let checked = 0;
    for (const w of corpusWords()) {
      const parts = splitSyllable(splitTones(w).bare.toLowerCase());
      if (!parts || parts.nucleus.length < 2 || !NUCLEI.has(parts.nucleus) || !CODAS.has(parts.coda)) continue;
      const forms = new Set(toneVariants(w).map(normalizeTonePlacement));
      expect(forms.size, w).toBeLessThanOrEqual(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('sameIgnoringTonePlacement', () => {
  it('is true for placement and NFC/NFD differences only', () => {
    expect(sameIgnoringTonePlacement('Nguyễn Thị Thuý Hoà', 'Nguyễn Thị Thúy Hòa')).toBe(true);
    expect(sameIgnoringTonePlacement('Hoà'.normalize('NFD'), 'Hòa')).toBe(true);
  });
  it('is false for another tone, another letter, or another case', () => {
    expect(sameIgnoringTonePlacement('Hòa', 'Hoa')).toBe(false);
    expect(sameIgnoringTonePlacement('Hòa', 'Hóa')).toBe(false);
    expect(sameIgnoringTonePlacement('Thúy', 'Thùy')).toBe(false);
    expect(sameIgnoringTonePlacement('hòa', 'Hòa')).toBe(false);
  });
});
