import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { compactKey, searchKey } from './search-key.js';

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWEL_BASES: ReadonlyArray<[string, string]> = [
  ['a', 'a'],
  ['ă', 'a'],
  ['â', 'a'],
  ['e', 'e'],
  ['ê', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['ô', 'o'],
  ['ơ', 'o'],
  ['u', 'u'],
  ['ư', 'u'],
  ['y', 'y'],
];

describe('searchKey', () => {
  it('gives one key for case, diacritic, tone-placement and NFD variants', () => {
    const forms = ['Nguyễn Thị Thuý Hoà', 'NGUYỄN THỊ THÚY HÒA', 'nguyen thi thuy hoa', 'Nguyễn Thị Thuý Hoà'.normalize('NFD')];
    for (const f of forms) expect(searchKey(f)).toBe('nguyen thi thuy hoa');
  });
  it('folds đ and Đ to d (which NFD alone does not), and the look-alike Ð', () => {
    expect('Đ'.normalize('NFD')).toBe('Đ');
    expect(searchKey('Đặng Đình Đức')).toBe('dang dinh duc');
    expect(searchKey('ĐẶNG')).toBe('dang');
    expect(searchKey('ÐẮK LẮK')).toBe('dak lak');
  });
  it('folds every Vietnamese vowel with every tone, in both cases, to its ASCII base', () => {
    for (const [vowel, base] of VOWEL_BASES) {
      for (const tone of TONES) {
        const letter = (vowel + tone).normalize('NFC');
        expect(searchKey(letter)).toBe(base);
        expect(searchKey(letter.toUpperCase())).toBe(base);
      }
    }
  });
  it('collapses whitespace and punctuation', () => {
    expect(searchKey('  Lê \u00A0 Văn\tAn  ')).toBe('le van an');
    expect(searchKey('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
    expect(searchKey('Số 12, ngõ 3/4')).toBe('so 12 ngo 3 4');
  });
  it('drops apostrophes and spells out a few foreign letters', () => {
    expect(searchKey("H'Mông")).toBe('hmong');
    expect(searchKey('K’Ho')).toBe('kho');
    expect(searchKey('Søren Kjær Straße')).toBe('soren kjaer strasse');
  });
  it('gives an empty key for blank or symbol-only input', () => {
    expect(searchKey('   ')).toBe('');
    expect(searchKey('—')).toBe('');
  });
  it.runIf(hasShared('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv'))('is lower-case ASCII and stable under NFD and upper case for all GSO unit names', () => {
    const url = sharedPath('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv');
    const rows = readFileSync(url, 'utf8').split(/\r?\n/).slice(1, 3000);
    for (const row of rows) {
      const key = searchKey(row);
      expect(key).toMatch(/^[a-z0-9 ]*$/);
      expect(searchKey(row.normalize('NFD'))).toBe(key);
      expect(searchKey(row.toUpperCase())).toBe(key);
    }
  });
});

describe('compactKey', () => {
  it('also ignores spaces and hyphens', () => {
    for (const f of ['Khơ-me', 'Khơ Me', 'KHƠME', 'khome']) expect(compactKey(f)).toBe('khome');
  });
});
