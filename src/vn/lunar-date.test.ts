/**
 * Lunar dates as old books write them, converted to solar (expected dates
 * from the published tables of lunar-calendar.test.ts: Tết Ất Sửu 21.01.1985,
 * Tết Tân Mùi 15.02.1991, tháng 2 nhuận Quý Mão from 22.03.2023, Giỗ Tổ
 * 10/3 Ất Sửu = 29.04.1985).
 */
import { describe, expect, it } from 'vitest';
import { canChiIndex, canChiName, parseCanChi, yearsOfCanChi } from './can-chi.js';
import { parseDateText } from './date-text.js';
import { parseLunarDate, type LunarDateResult } from './lunar-date.js';
import { readLunarText } from './lunar-text.js';

const RANGE = { minYear: 1850, maxYear: 2026 };
const solar = (r: LunarDateResult | undefined) => (r?.ok ? r.normalized : r?.issue.code);

describe('Can Chi years', () => {
  it('names the cycle from Giáp Tý 1984', () => {
    expect([1984, 1985, 1990, 2023, 1968].map((y) => canChiName(y))).toEqual(['Giáp Tý', 'Ất Sửu', 'Canh Ngọ', 'Quý Mão', 'Mậu Thân']);
    expect(canChiIndex(1924)).toBe(0);
  });
  it('reads variants without diacritics; the stem settles Tý/Tỵ', () => {
    expect(parseCanChi('at suu')).toBe(canChiIndex(1985));
    expect(parseCanChi('GIÁP TÝ')).toBe(canChiIndex(1984));
    expect(parseCanChi('Giap Ty')).toBe(canChiIndex(1984));
    expect(parseCanChi('At Ty')).toBe(canChiIndex(1965));
    expect(parseCanChi('Kỉ Mẹo')).toBe(canChiIndex(1999));
    expect(parseCanChi('Giáp Sửu')).toBeUndefined(); // stem and branch of different parity never pair
  });
  it('lists the years of a cycle position', () => expect(yearsOfCanChi(canChiIndex(1985), 1850, 2026)).toEqual([1865, 1925, 1985]));
});

describe('reading the text', () => {
  it.each([
    ['mùng 5 tháng Giêng năm Ất Sửu 1985', { day: 5, month: 1, leap: false, yearNumber: 1985, canChi: canChiIndex(1985) }],
    ['ngày 15 tháng 8 năm Giáp Tý (1984)', { day: 15, month: 8, leap: false, yearNumber: 1984, canChi: canChiIndex(1984) }],
    ['ngày 3 tháng 2 nhuận năm Quý Mão', { day: 3, month: 2, leap: true, canChi: canChiIndex(2023) }],
    ['30 tháng Chạp năm Canh Ngọ 1990', { day: 30, month: 12, leap: false, yearNumber: 1990, canChi: canChiIndex(1990) }],
    ['ngày 10/3 âm lịch năm 1985', { day: 10, month: 3, leap: false, yearNumber: 1985 }],
    ['MUNG 5 THANG GIENG NAM AT SUU', { day: 5, month: 1, leap: false, canChi: canChiIndex(1985) }],
    ['rằm tháng Tám năm Mậu Thân 1968', { day: 15, month: 8, leap: false, yearNumber: 1968, canChi: canChiIndex(1968) }],
    ['ngày 3 tháng năm năm Giáp Tý 1984', { day: 3, month: 5, leap: false, yearNumber: 1984, canChi: canChiIndex(1984) }],
    ['ngày 12 tháng Một năm Nhâm Thìn 1952', { day: 12, month: 11, leap: false, yearNumber: 1952, canChi: canChiIndex(1952) }],
    ['mồng một tháng Mười Một năm 1990 ÂL', { day: 1, month: 11, leap: false, yearNumber: 1990 }],
    ['năm Ất Sửu', { leap: false, canChi: canChiIndex(1985) }],
  ])('%s', (text, parts) => expect(readLunarText(text)).toEqual(parts));

  it('leaves dates with no sign of the lunar calendar alone', () => {
    expect(readLunarText('ngày 3 tháng 5 năm 1984')).toBeUndefined();
    expect(readLunarText('27.08.1985')).toBeUndefined();
    expect(readLunarText('Nguyễn Văn An')).toBeUndefined();
  });
  it('reports lunar text it cannot read', () => expect(readLunarText('mùng 5 tháng Giêng tháng Hai năm Ất Sửu')).toBe('unreadable'));
});

describe('converting', () => {
  it.each([
    ['mùng 5 tháng Giêng năm Ất Sửu 1985', '25.01.1985'],
    ['mùng 1 tháng Giêng năm Ất Sửu 1985', '21.01.1985'],
    ['ngày 10/3 âm lịch năm 1985', '29.04.1985'],
    ['ngày 15 tháng 8 năm Giáp Tý (1984)', '10.09.1984'],
    ['mùng 1 tháng 2 nhuận năm Quý Mão 2023', '22.03.2023'],
    ['30 tháng Chạp năm Canh Ngọ 1990', '14.02.1991'],
    ['mùng 1 tháng Giêng năm Tân Mùi 1991', '15.02.1991'],
    ['mùng 1 tháng Giêng năm Mậu Thân 1968', '29.01.1968'],
  ])('%s is %s', (text, expected) => {
    const r = parseLunarDate(text, RANGE);
    expect(solar(r)).toBe(expected);
    expect(r?.ok && r.issue).toMatchObject({ code: 'lunar.converted', severity: 'INFO' });
    expect(r?.ok && r.issue.message).toContain(expected);
  });

  it('a date late in the lunar year may carry the solar year of its day (Chạp Canh Ngọ written 1991)', () => {
    expect(solar(parseLunarDate('30 tháng Chạp năm Canh Ngọ 1991', RANGE))).toBe('14.02.1991');
  });

  it('says when the other reckoning (UTC+8, the South until 1975) gives another day', () => {
    const r = parseLunarDate('mùng 1 tháng Giêng năm Mậu Thân 1968', RANGE);
    expect(r?.ok && r.issue.message).toMatch(/UTC\+8.*30\.01\.1968/);
  });

  it('a year alone becomes a year', () => {
    const r = parseLunarDate('năm Ất Sửu 1985', RANGE);
    expect(r).toMatchObject({ ok: true, normalized: '1985', date: { year: 1985, precision: 'year' } });
  });
});

describe('refusing', () => {
  it.each([
    ['30 tháng Chạp năm Giáp Thìn 2024', 'lunar.day_not_in_month', /29 ngày/],
    ['ngày 3 tháng 3 nhuận năm Quý Mão 2023', 'lunar.no_leap_month', /tháng 2 nhuận/],
    ['ngày 3 tháng 5 nhuận năm Giáp Thìn 2024', 'lunar.no_leap_month', /không có tháng nhuận/],
    ['ngày 31 tháng Giêng năm Ất Sửu 1985', 'lunar.day_invalid', /mùng 1 đến ngày 30/],
    ['ngày 3 tháng 13 âm lịch năm 1985', 'lunar.month_invalid', /từ 1 đến 12/],
    ['Ất Sửu 1984', 'lunar.year_mismatch', /Giáp Tý/],
    ['mùng 5 tháng Giêng âm lịch', 'lunar.year_missing', /năm/],
    ['tháng 3 năm Ất Sửu 1985', 'lunar.day_missing', /ngày/],
  ])('%s: %s', (text, code, message) => {
    const r = parseLunarDate(text, RANGE);
    expect(r).toMatchObject({ ok: false, issue: { code, severity: 'ERROR' } });
    expect(r?.issue.message).toMatch(message);
  });
});

describe('a Can Chi year without its century', () => {
  it('is a WARNING listing the candidates with their solar dates', () => {
    const r = parseLunarDate('mùng 5 tháng Giêng năm Ất Sửu', RANGE);
    expect(r).toMatchObject({ ok: false, issue: { code: 'lunar.year_ambiguous', severity: 'WARNING' } });
    expect(!r?.ok && r?.candidates).toEqual([
      { lunarYear: 1865, normalized: '31.01.1865' },
      { lunarYear: 1925, normalized: '28.01.1925' },
      { lunarYear: 1985, normalized: '25.01.1985' },
    ]);
    expect(r?.issue.message).toContain('1925 (28.01.1925)');
  });

  it('is narrowed by a hint (the register year) to one year, and the INFO says so', () => {
    const r = parseLunarDate('mùng 5 tháng Giêng năm Ất Sửu', { ...RANGE, hint: { from: 1927, to: 1986, reason: 'trong 60 năm đến năm đăng ký 1986' } });
    expect(solar(r)).toBe('25.01.1985');
    expect(r?.issue.message).toMatch(/chọn năm 1985, trong 60 năm đến năm đăng ký 1986/);
  });

  it('is settled by a leap month only one candidate year has', () => {
    const r = parseLunarDate('ngày 3 tháng 2 nhuận năm Quý Mão', RANGE);
    expect(solar(r)).toBe('24.03.2023');
    expect(r?.issue.message).toMatch(/chỉ năm 2023 có ngày này/);
  });
});

describe('parseDateText: the register forms first, then lunar', () => {
  it('keeps the solar forms as they were', () => {
    expect(parseDateText('27/8/1985')).toMatchObject({ ok: true, normalized: '27.08.1985' });
    expect(parseDateText('31.02.1985')).toMatchObject({ ok: false, issue: { code: 'date.impossible' } });
  });
  it('reads lunar text with its INFO', () => {
    expect(parseDateText('mùng 5 tháng Giêng năm Ất Sửu 1985', RANGE)).toMatchObject({ ok: true, normalized: '25.01.1985', lunar: { lunarYear: 1985 } });
  });
  it('leaves other text unparsable', () => expect(parseDateText('hôm qua')).toMatchObject({ ok: false, issue: { code: 'date.unparsable' } }));
});
