import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, splitSyllable, splitTones, toneIndex } from './syllable.js';

describe('splitTones', () => {
  it('separates the tone mark and keeps quality marks', () => {
    const { bare, tones } = splitTones('người');
    expect(bare).toBe('ngươi');
    expect(tones).toEqual(['\u0300']);
  });
  it('finds no tone in a level-tone word and two in a malformed one', () => {
    expect(splitTones('hoa').tones).toEqual([]);
    expect(splitTones('hóà').tones).toHaveLength(2);
  });
});

describe('splitSyllable', () => {
  it.each([
    ['quy', { onset: 'qu', nucleus: 'y', coda: '' }],
    ['gin', { onset: 'g', nucleus: 'i', coda: 'n' }],
    ['gi', { onset: 'g', nucleus: 'i', coda: '' }],
    ['giang', { onset: 'gi', nucleus: 'a', coda: 'ng' }],
    ['giuôc', { onset: 'gi', nucleus: 'uô', coda: 'c' }],
    ['nghiêng', { onset: 'ngh', nucleus: 'iê', coda: 'ng' }],
    ['ngươi', { onset: 'ng', nucleus: 'ươi', coda: '' }],
    ['oanh', { onset: '', nucleus: 'oa', coda: 'nh' }],
    ['thuy', { onset: 'th', nucleus: 'uy', coda: '' }],
  ])('%s', (bare, parts) => {
    expect(splitSyllable(bare)).toEqual(parts);
  });
  it('refuses words without a vowel or with a vowel after the final', () => {
    expect(splitSyllable('nth')).toBeUndefined();
    expect(splitSyllable('jose')).toBeUndefined();
  });
});

describe('toneIndex', () => {
  const at = (bare: string): number => {
    const parts = splitSyllable(bare);
    if (!parts) throw new Error(bare);
    return toneIndex(parts);
  };
  it('puts the tone on a quality vowel, the last one of ươ', () => {
    expect(at('ngươi')).toBe(3);
    expect(at('thuơ')).toBe(3);
    expect(at('nguyên')).toBe(4);
  });
  it('puts it on the last vowel before a final consonant', () => {
    expect(at('hoang')).toBe(2);
    expect(at('quyt')).toBe(2);
  });
  it('puts it on the first of two or the middle of three vowels in an open syllable', () => {
    expect(at('hoa')).toBe(1);
    expect(at('thuy')).toBe(2);
    expect(at('mai')).toBe(1);
    expect(at('ngoai')).toBe(3);
    expect(at('khuyu')).toBe(3);
  });
});

describe('isVietnameseSyllable', () => {
  it.each([
    'người',
    'Nguyễn',
    'QUỐC',
    'giữa',
    'gìn',
    'khuỷu',
    'ngoằn',
    'xoong',
    'thuở',
    'hươu',
    'yêu',
    'oái',
    'uể',
    'Quỳnh',
    'khuya',
    'nghiêng',
    'Ánh',
    'a',
    'ý',
    'đ'.concat('ường'),
    'hoà',
    'hòa',
    'thuý',
    'rượu',
    'khuếch',
  ])('accepts %s', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['NguyÔn', 'H\u00AD¬ng', 'Néi', 'Søren', 'Khmer', 'hóà', 'abc', 'Krông', 'xyz', '', 'Thaønh'])('refuses %s', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
