import { describe, expect, it } from 'vitest';
import { numberInWords, readNumberWords } from './number-words.js';
import { searchKey } from './search-key.js';

const tokens = (s: string): string[] =>
  searchKey(s)
    .split(' ')
    .filter((t) => t !== '');

describe('numberInWords', () => {
  it.each([
    [0, 'Không'],
    [1, 'Một'],
    [4, 'Bốn'],
    [5, 'Năm'],
    [10, 'Mười'],
    [11, 'Mười Một'],
    [14, 'Mười Bốn'],
    [15, 'Mười Lăm'],
    [20, 'Hai Mươi'],
    [21, 'Hai Mươi Mốt'],
    [24, 'Hai Mươi Tư'],
    [25, 'Hai Mươi Lăm'],
    [31, 'Ba Mươi Mốt'],
    [99, 'Chín Mươi Chín'],
    [100, 'Một Trăm'],
    [105, 'Một Trăm Linh Năm'],
    [110, 'Một Trăm Mười'],
    [1905, 'Một Nghìn Chín Trăm Linh Năm'],
    [1985, 'Một Nghìn Chín Trăm Tám Mươi Lăm'],
    [2000, 'Hai Nghìn'],
    [2005, 'Hai Nghìn Không Trăm Linh Năm'],
    [2008, 'Hai Nghìn Không Trăm Linh Tám'],
    [2010, 'Hai Nghìn Không Trăm Mười'],
    [2021, 'Hai Nghìn Không Trăm Hai Mươi Mốt'],
    [2024, 'Hai Nghìn Không Trăm Hai Mươi Tư'],
    [1900, 'Một Nghìn Chín Trăm'],
    [1800, 'Một Nghìn Tám Trăm'],
    [2100, 'Hai Nghìn Một Trăm'],
    [9999, 'Chín Nghìn Chín Trăm Chín Mươi Chín'],
  ])('%i -> %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });
  it('refuses numbers it cannot write', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(10000)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });
});

describe('readNumberWords', () => {
  it('reads back every number 0-9999 it writes', () => {
    for (let n = 0; n <= 9999; n++) expect(readNumberWords(tokens(numberInWords(n)))).toBe(n);
  });
  it.each([
    ['Hai Nghìn Linh Tám', 2008],
    ['hai ngàn lẻ tám', 2008],
    ['Hai Nghìn Mười', 2010],
    ['HAI NGHÌN KHÔNG TRĂM HAI MƯƠI MỘT', 2021],
    ['Hai Mươi Bốn', 24],
    ['Hai Mươi Năm', 25],
    ['Mười Năm', 15],
    ['mot nghin chin tram tam muoi lam', 1985],
    ['Một Nghìn Chín Trăm Lẻ Năm', 1905],
  ])('%s -> %i', (words, n) => {
    expect(readNumberWords(tokens(words))).toBe(n);
  });
  it.each(['', 'Nghìn', 'Trăm', 'Hai Ba', 'Mười Mười', 'Một Mươi', 'Linh', 'Không Nghìn', 'Hai Nghìn Nghìn', 'xyz'])('refuses "%s"', (words) => {
    expect(readNumberWords(tokens(words))).toBeUndefined();
  });
});
