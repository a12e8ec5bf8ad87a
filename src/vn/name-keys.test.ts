import { describe, expect, it } from 'vitest';
import { nameKeys, normalizeName } from './name-keys.js';

describe('normalizeName', () => {
  it('gives one spelling for NFD input, old/new tone placement and stray spaces, keeping case and diacritics', () => {
    for (const s of ['Nguyễn Thị Thuý Hoà', '  Nguyễn  Thị\u00A0Thúy Hòa ', 'Nguyễn Thị Thuý Hoà'.normalize('NFD'), 'Nguyễn Thị\u200B Thúy Hoà']) {
      expect(normalizeName(s)).toBe('Nguyễn Thị Thúy Hòa');
    }
    expect(normalizeName('Khoẻ')).toBe('Khỏe');
    expect(normalizeName('NGUYEN')).toBe('NGUYEN');
    expect(normalizeName('Nguyen Thi Thuy Hoa')).not.toBe(normalizeName('Nguyễn Thị Thúy Hòa'));
  });
});

describe('nameKeys', () => {
  it('folds case, diacritics, Đ, NFD and tone placement to the same keys', () => {
    const forms = ['Đặng Thị Thuý Hoà', 'ĐẶNG THỊ THÚY HÒA', 'dang thi thuy hoa', ' Dang   Thi Thuy  Hoa ', 'Đặng Thị Thuý Hoà'.normalize('NFD')];
    for (const f of forms) {
      const k = nameKeys(f);
      expect(k).toMatchObject({ fold: 'dang thi thuy hoa', ho: 'dang', ten: 'hoa', dem: 'thi thuy' });
    }
    expect(nameKeys('Đặng Thị Thuý Hoà').tone).toBe(nameKeys('ĐẶNG THỊ THÚY HÒA').tone);
    expect(nameKeys('Đặng Thị Thuý Hoà').tone).toBe('đặng thị thúy hòa');
  });
  it('handles one word and empty names', () => {
    expect(nameKeys('Lan')).toEqual({ tone: 'lan', fold: 'lan', ho: 'lan', ten: 'lan', dem: '' });
    expect(nameKeys('  ')).toEqual({ tone: '', fold: '', ho: '', ten: '', dem: '' });
  });
});
