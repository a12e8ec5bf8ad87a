import { describe, expect, it } from 'vitest';
import { checkDateInWords, dateInWords, parseDateWords } from './date-words.js';
import type { PartialDate } from './partial-date.js';

const day = (d: number, m: number, y: number): PartialDate => ({ year: y, month: m, day: d, precision: 'day' });
const month = (m: number, y: number): PartialDate => ({ year: y, month: m, precision: 'month' });
const year = (y: number): PartialDate => ({ year: y, precision: 'year' });

describe('dateInWords', () => {
  it('writes the MoJ template examples', () => {
    expect(dateInWords(day(27, 8, 2008))).toBe('Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám');
    expect(dateInWords(day(16, 7, 2008))).toBe('Ngày Mười Sáu Tháng Bảy Năm Hai Nghìn Không Trăm Linh Tám');
  });
  it('writes month and year precision', () => {
    expect(dateInWords(month(8, 1985))).toBe('Tháng Tám Năm Một Nghìn Chín Trăm Tám Mươi Lăm');
    expect(dateInWords(year(2000))).toBe('Năm Hai Nghìn');
  });
  it('uses Tư for April, Một for January, Mười Hai for December', () => {
    expect(dateInWords(month(4, 2010))).toBe('Tháng Tư Năm Hai Nghìn Không Trăm Mười');
    expect(dateInWords(month(1, 2021))).toBe('Tháng Một Năm Hai Nghìn Không Trăm Hai Mươi Mốt');
    expect(dateInWords(month(12, 1905))).toBe('Tháng Mười Hai Năm Một Nghìn Chín Trăm Linh Năm');
  });
  it('reads days with Mốt, Tư and Lăm after Mươi', () => {
    expect(dateInWords(day(21, 1, 2005))).toBe('Ngày Hai Mươi Mốt Tháng Một Năm Hai Nghìn Không Trăm Linh Năm');
    expect(dateInWords(day(24, 4, 2005))).toMatch(/^Ngày Hai Mươi Tư Tháng Tư /);
    expect(dateInWords(day(25, 5, 2005))).toMatch(/^Ngày Hai Mươi Lăm Tháng Năm Năm /);
    expect(dateInWords(day(15, 10, 2005))).toMatch(/^Ngày Mười Lăm Tháng Mười Năm /);
    expect(dateInWords(day(4, 11, 2005))).toMatch(/^Ngày Bốn Tháng Mười Một Năm /);
  });
});

describe('parseDateWords', () => {
  it('reads back every day of 2008 and a sample of years', () => {
    for (let t = Date.UTC(2008, 0, 1); t < Date.UTC(2009, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const date = day(d.getUTCDate(), d.getUTCMonth() + 1, 2008);
      expect(parseDateWords(dateInWords(date))).toEqual(date);
    }
    for (let y = 1800; y <= 2200; y += 7) {
      expect(parseDateWords(dateInWords(year(y)))).toEqual(year(y));
      expect(parseDateWords(dateInWords(month(5, y)))).toEqual(month(5, y));
    }
  });
  it('reads the short form found in the template itself', () => {
    expect(parseDateWords('Ngày Hai Tháng Ba Năm Hai Nghìn Linh Tám')).toEqual(day(2, 3, 2008));
  });
  it('tells the month "Năm" from the year marker', () => {
    expect(parseDateWords('Tháng Năm Năm Hai Nghìn')).toEqual(month(5, 2000));
    expect(parseDateWords('Ngày Năm Tháng Năm Năm Hai Nghìn Không Trăm Linh Năm')).toEqual(day(5, 5, 2005));
  });
  it('refuses text that is not a date in words', () => {
    for (const t of ['', 'hôm qua', 'Ngày Hai Mươi Bảy', 'Tháng Tám', 'Ngày Tháng Năm', 'Hai Tháng Ba Năm Hai Nghìn']) {
      expect(parseDateWords(t), t).toBeUndefined();
    }
  });
});

describe('checkDateInWords', () => {
  const d = day(27, 8, 2008);
  it('accepts the generated form and common variants', () => {
    for (const text of [
      'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám',
      'ngày hai mươi bảy tháng tám năm hai nghìn không trăm linh tám',
      'NGÀY HAI MƯƠI BẢY THÁNG TÁM NĂM HAI NGHÌN KHÔNG TRĂM LINH TÁM',
      'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Ngàn Không Trăm Lẻ Tám',
      'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Linh Tám',
      'Ngày hai mươi bảy, tháng tám, năm hai nghìn không trăm linh tám',
      'Ngay Hai Muoi Bay Thang Tam Nam Hai Nghin Khong Tram Linh Tam',
      'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám'.normalize('NFD'),
    ]) {
      expect(checkDateInWords(text, d), text).toBeUndefined();
    }
  });
  it('accepts Tư/Bốn, Mốt/Một, Lăm/Năm and tone placement variants', () => {
    expect(checkDateInWords('Ngày Hai Mươi Bốn Tháng Bốn Năm Hai Nghìn Không Trăm Hai Mươi Một', day(24, 4, 2021))).toBeUndefined();
    expect(checkDateInWords('Ngày Hai Mươi Lăm Tháng Năm Năm Một Nghìn Chín Trăm Tám Mươi Năm', day(25, 5, 1985))).toBeUndefined();
    expect(checkDateInWords('Ngày Mười Tháng Mười Hai Năm Hai Nghìn Không Trăm Mười', day(10, 12, 2010))).toBeUndefined();
    expect(checkDateInWords('Năm Một Nghìn Chín Trăm Bốn Mươi Tư', year(1944))).toBeUndefined();
  });
  it('warns when the words name another date', () => {
    const issue = checkDateInWords('Ngày Mười Sáu Tháng Bảy Năm Hai Nghìn Không Trăm Linh Tám', d);
    expect(issue).toMatchObject({ code: 'date_words.mismatch', severity: 'WARNING' });
    expect(issue?.message).toContain('16.07.2008');
    expect(issue?.message).toContain('27.08.2008');
  });
  it('warns on a different precision or year', () => {
    expect(checkDateInWords('Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám', d)?.code).toBe('date_words.mismatch');
    expect(checkDateInWords('Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Chín', d)?.code).toBe('date_words.mismatch');
  });
  it('warns on unreadable words and on digits', () => {
    expect(checkDateInWords('hai bảy tháng tám', d)?.code).toBe('date_words.unparsable');
    expect(checkDateInWords('Ngày 27 tháng 8 năm 2008', d)?.code).toBe('date_words.digits');
  });
  it('says nothing about empty text', () => {
    expect(checkDateInWords('  ', d)).toBeUndefined();
  });
});
