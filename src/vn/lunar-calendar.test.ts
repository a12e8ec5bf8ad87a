/**
 * The lunar calendar against published tables.
 * Source of the Tết and Giỗ Tổ Hùng Vương dates: python-holidays (vacanza/
 * holidays, MIT), holidays/calendars/chinese.py: LUNAR_NEW_YEAR_DATES
 * (1901–2100) with VIETNAMESE_CALENDAR_LUNAR_NEW_YEAR_DATES (1903 28.01,
 * 1916 03.02, 1935 03.02, 1965 01.02, 1968 29.01, 1969 16.02, 1985 21.01,
 * 2007 17.02, 2030 02.02), HUNG_KINGS_DATES with VIETNAMESE_CALENDAR_HUNG_KINGS_DATES.
 * That table computes Vietnam for UTC+7 in every year; before 1968 Vietnam
 * followed the Chinese calendar (UTC+8, lunar-calendar.ts), so for 1901–1967
 * we expect the Chinese dates and check the UTC+7 reckoning separately.
 * Widely published facts also checked: Tết Mậu Thân 29.01.1968 in the North
 * (30.01 in the South, UTC+8); Tết Ất Sửu 21.01.1985 (China 20.02.1985); the
 * leap months of 1985 (tháng 2 nhuận, 21.03–19.04.1985), 2017 (tháng 6),
 * 2020 (tháng 4), 2023 (tháng 2 nhuận Quý Mão, from 22.03.2023), 2025 (tháng 6).
 */
import { describe, expect, it } from 'vitest';
import { canChiName } from './can-chi.js';
import { leapMonthOf, lunarToSolar, lunarYearMonths, solarToLunar } from './lunar-calendar.js';

/** [month, day] of Tết (1/1 lunar) in the Chinese table, 1901–2030. */
const CHINESE_NEW_YEAR: Readonly<Record<number, readonly [number, number]>> = {
  1901: [2, 19],
  1902: [2, 8],
  1903: [1, 29],
  1904: [2, 16],
  1905: [2, 4],
  1906: [1, 25],
  1907: [2, 13],
  1908: [2, 2],
  1909: [1, 22],
  1910: [2, 10],
  1911: [1, 30],
  1912: [2, 18],
  1913: [2, 6],
  1914: [1, 26],
  1915: [2, 14],
  1916: [2, 4],
  1917: [1, 23],
  1918: [2, 11],
  1919: [2, 1],
  1920: [2, 20],
  1921: [2, 8],
  1922: [1, 28],
  1923: [2, 16],
  1924: [2, 5],
  1925: [1, 24],
  1926: [2, 13],
  1927: [2, 2],
  1928: [1, 23],
  1929: [2, 10],
  1930: [1, 30],
  1931: [2, 17],
  1932: [2, 6],
  1933: [1, 26],
  1934: [2, 14],
  1935: [2, 4],
  1936: [1, 24],
  1937: [2, 11],
  1938: [1, 31],
  1939: [2, 19],
  1940: [2, 8],
  1941: [1, 27],
  1942: [2, 15],
  1943: [2, 5],
  1944: [1, 25],
  1945: [2, 13],
  1946: [2, 2],
  1947: [1, 22],
  1948: [2, 10],
  1949: [1, 29],
  1950: [2, 17],
  1951: [2, 6],
  1952: [1, 27],
  1953: [2, 14],
  1954: [2, 3],
  1955: [1, 24],
  1956: [2, 12],
  1957: [1, 31],
  1958: [2, 18],
  1959: [2, 8],
  1960: [1, 28],
  1961: [2, 15],
  1962: [2, 5],
  1963: [1, 25],
  1964: [2, 13],
  1965: [2, 2],
  1966: [1, 21],
  1967: [2, 9],
  1968: [1, 30],
  1969: [2, 17],
  1970: [2, 6],
  1971: [1, 27],
  1972: [2, 15],
  1973: [2, 3],
  1974: [1, 23],
  1975: [2, 11],
  1976: [1, 31],
  1977: [2, 18],
  1978: [2, 7],
  1979: [1, 28],
  1980: [2, 16],
  1981: [2, 5],
  1982: [1, 25],
  1983: [2, 13],
  1984: [2, 2],
  1985: [2, 20],
  1986: [2, 9],
  1987: [1, 29],
  1988: [2, 17],
  1989: [2, 6],
  1990: [1, 27],
  1991: [2, 15],
  1992: [2, 4],
  1993: [1, 23],
  1994: [2, 10],
  1995: [1, 31],
  1996: [2, 19],
  1997: [2, 7],
  1998: [1, 28],
  1999: [2, 16],
  2000: [2, 5],
  2001: [1, 24],
  2002: [2, 12],
  2003: [2, 1],
  2004: [1, 22],
  2005: [2, 9],
  2006: [1, 29],
  2007: [2, 18],
  2008: [2, 7],
  2009: [1, 26],
  2010: [2, 14],
  2011: [2, 3],
  2012: [1, 23],
  2013: [2, 10],
  2014: [1, 31],
  2015: [2, 19],
  2016: [2, 8],
  2017: [1, 28],
  2018: [2, 16],
  2019: [2, 5],
  2020: [1, 25],
  2021: [2, 12],
  2022: [2, 1],
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
};

/** Where the Vietnamese calendar (UTC+7) differs from the Chinese one. */
const VIETNAMESE_NEW_YEAR: Readonly<Record<number, readonly [number, number]>> = {
  1903: [1, 28],
  1916: [2, 3],
  1935: [2, 3],
  1965: [2, 1],
  1968: [1, 29],
  1969: [2, 16],
  1985: [1, 21],
  2007: [2, 17],
  2030: [2, 2],
};

/** Giỗ Tổ Hùng Vương (10/3 lunar), 1968–2030, Chinese table with the Vietnamese exceptions (1975, 2009). */
const HUNG_KINGS: Readonly<Record<number, readonly [number, number]>> = {
  1968: [4, 7],
  1969: [4, 26],
  1970: [4, 15],
  1971: [4, 5],
  1972: [4, 23],
  1973: [4, 12],
  1974: [4, 2],
  1975: [4, 20],
  1976: [4, 9],
  1977: [4, 27],
  1978: [4, 16],
  1979: [4, 6],
  1980: [4, 24],
  1981: [4, 14],
  1982: [4, 3],
  1983: [4, 22],
  1984: [4, 10],
  1985: [4, 29],
  1986: [4, 18],
  1987: [4, 7],
  1988: [4, 25],
  1989: [4, 15],
  1990: [4, 5],
  1991: [4, 24],
  1992: [4, 12],
  1993: [4, 1],
  1994: [4, 20],
  1995: [4, 9],
  1996: [4, 27],
  1997: [4, 16],
  1998: [4, 6],
  1999: [4, 25],
  2000: [4, 14],
  2001: [4, 3],
  2002: [4, 22],
  2003: [4, 11],
  2004: [4, 28],
  2005: [4, 18],
  2006: [4, 7],
  2007: [4, 26],
  2008: [4, 15],
  2009: [4, 4],
  2010: [4, 23],
  2011: [4, 12],
  2012: [3, 31],
  2013: [4, 19],
  2014: [4, 9],
  2015: [4, 28],
  2016: [4, 16],
  2017: [4, 6],
  2018: [4, 25],
  2019: [4, 14],
  2020: [4, 2],
  2021: [4, 21],
  2022: [4, 10],
  2023: [4, 29],
  2024: [4, 18],
  2025: [4, 7],
  2026: [4, 26],
  2027: [4, 16],
  2028: [4, 4],
  2029: [4, 23],
  2030: [4, 12],
};

const ymd = (s: { year: number; month: number; day: number } | undefined) => s && `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const tet = (year: number, md: readonly [number, number]) => ymd({ year, month: md[0], day: md[1] });

describe('Tết (mùng 1 tháng Giêng), 1901–2030', () => {
  it.each(years(1901, 2030))('%i by the calendar of its time', (year) => {
    const expected = year >= 1968 ? (VIETNAMESE_NEW_YEAR[year] ?? CHINESE_NEW_YEAR[year]!) : CHINESE_NEW_YEAR[year]!;
    expect(ymd(lunarToSolar({ day: 1, month: 1, year, leap: false }))).toBe(tet(year, expected));
    expect(solarToLunar(year, expected[0], expected[1])).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it.each(years(1901, 1967))('%i reckoned for UTC+7 gives the Vietnamese table', (year) => {
    const expected = VIETNAMESE_NEW_YEAR[year] ?? CHINESE_NEW_YEAR[year]!;
    expect(ymd(lunarToSolar({ day: 1, month: 1, year, leap: false }, 7))).toBe(tet(year, expected));
  });

  it('Tết Mậu Thân 1968: 29.01 in the North (UTC+7), 30.01 by the old calendar (UTC+8)', () => {
    expect(ymd(lunarToSolar({ day: 1, month: 1, year: 1968, leap: false }))).toBe('1968-01-29');
    expect(ymd(lunarToSolar({ day: 1, month: 1, year: 1968, leap: false }, 8))).toBe('1968-01-30');
  });

  it('Tết Ất Sửu 1985 is 21.01.1985, a month before the Chinese New Year', () => {
    expect(ymd(lunarToSolar({ day: 1, month: 1, year: 1985, leap: false }))).toBe('1985-01-21');
    expect(ymd(lunarToSolar({ day: 1, month: 1, year: 1985, leap: false }, 8))).toBe('1985-02-20');
  });
});

describe('Giỗ Tổ Hùng Vương (mùng 10 tháng 3), 1968–2030', () => {
  it.each(years(1968, 2030))('%i', (year) => {
    expect(ymd(lunarToSolar({ day: 10, month: 3, year, leap: false }))).toBe(tet(year, HUNG_KINGS[year]!));
  });
});

describe('leap months', () => {
  it.each([
    [1985, 2, '1985-03-21', 30],
    [2017, 6, '2017-07-23', 30],
    [2020, 4, '2020-05-23', 29],
    [2023, 2, '2023-03-22', 29],
    [2025, 6, '2025-07-25', 29],
  ] as const)('%i has tháng %i nhuận from %s', (year, month, start, days) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(ymd(lunarToSolar({ day: 1, month, year, leap: true }))).toBe(start);
    expect(lunarYearMonths(year).find((m) => m.leap)?.days).toBe(days);
    expect(solarToLunar(Number(start.slice(0, 4)), Number(start.slice(5, 7)), Number(start.slice(8)))).toEqual({ day: 1, month, year, leap: true });
  });

  it('the ordinary month before the leap one keeps its number (tháng 2 Quý Mão from 20.02.2023)', () => {
    expect(ymd(lunarToSolar({ day: 1, month: 2, year: 2023, leap: false }))).toBe('2023-02-20');
    expect(ymd(lunarToSolar({ day: 1, month: 3, year: 2023, leap: false }))).toBe('2023-04-20');
    expect(lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toBeUndefined();
  });

  it('a year without a leap month has 12 months; one with has 13', () => {
    expect(leapMonthOf(2024)).toBeUndefined();
    expect(lunarYearMonths(2024)).toHaveLength(12);
    expect(lunarYearMonths(2023)).toHaveLength(13);
  });
});

describe('crossing Tết', () => {
  it('30 tháng Chạp Canh Ngọ is 14.02.1991, the eve of Tết Tân Mùi (15.02.1991)', () => {
    expect(canChiName(1990)).toBe('Canh Ngọ');
    expect(ymd(lunarToSolar({ day: 30, month: 12, year: 1990, leap: false }))).toBe('1991-02-14');
    expect(solarToLunar(1991, 2, 14)).toEqual({ day: 30, month: 12, year: 1990, leap: false });
    expect(solarToLunar(1991, 2, 15)).toEqual({ day: 1, month: 1, year: 1991, leap: false });
  });

  it('a 29-day tháng Chạp has no 30th (Chạp Giáp Thìn 2024 ends on 28.01.2025)', () => {
    const chap = lunarYearMonths(2024).find((m) => m.month === 12)!;
    expect(chap.days).toBe(29);
    expect(lunarToSolar({ day: 30, month: 12, year: 2024, leap: false })).toBeUndefined();
    expect(ymd(lunarToSolar({ day: 29, month: 12, year: 2024, leap: false }))).toBe('2025-01-28');
  });

  it('solar and lunar agree both ways on every day of 1900–2030 sampled weekly', () => {
    for (let y = 1900; y <= 2030; y++) {
      for (let doy = 3; doy < 360; doy += 7) {
        const d = new Date(Date.UTC(y, 0, doy));
        const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const lunar = solarToLunar(year, month, day);
        expect(ymd(lunarToSolar(lunar))).toBe(ymd({ year, month, day }));
      }
    }
  });
});
