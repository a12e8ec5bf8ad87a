import { describe, expect, it } from 'vitest';
import { comparePartialDates, daysBetween, formatPartialDate, isBefore, parsePartialDate, toPartialDate, type ParseDateResult, type PartialDate } from './partial-date.js';

function ok(r: ParseDateResult): PartialDate {
  if (!r.ok) throw new Error(`expected a date, got ${r.issue.code}: ${r.issue.message}`);
  return r.date;
}

function code(r: ParseDateResult): string | undefined {
  return r.ok ? undefined : r.issue.code;
}

const day = (d: number, m: number, y: number): PartialDate => ({ year: y, month: m, day: d, precision: 'day' });
const month = (m: number, y: number): PartialDate => ({ year: y, month: m, precision: 'month' });
const year = (y: number): PartialDate => ({ year: y, precision: 'year' });

describe('parsePartialDate: accepted forms', () => {
  it.each(['27.08.1985', '27/8/1985', '27-8-1985', '27081985', ' 27.08.1985 ', '1985-08-27', '27 / 08 / 1985', '27/08.1985'])('%s is 27.08.1985', (input) => {
    const r = parsePartialDate(input);
    expect(ok(r)).toEqual(day(27, 8, 1985));
    expect(r.ok && r.normalized).toBe('27.08.1985');
  });
  it.each(['8.1985', '08/1985', '081985', '8-1985', '1985-08'])('%s is 08.1985 with month precision', (input) => {
    const r = parsePartialDate(input);
    expect(ok(r)).toEqual(month(8, 1985));
    expect(r.ok && r.normalized).toBe('08.1985');
  });
  it('reads a bare year with year precision and invents nothing', () => {
    const r = parsePartialDate('1985');
    expect(ok(r)).toEqual(year(1985));
    expect(ok(r).month).toBeUndefined();
    expect(ok(r).day).toBeUndefined();
    expect(r.ok && r.normalized).toBe('1985');
  });
  it('gets leap years right', () => {
    expect(ok(parsePartialDate('29.02.2000'))).toEqual(day(29, 2, 2000));
    expect(ok(parsePartialDate('29.02.2008'))).toEqual(day(29, 2, 2008));
    expect(code(parsePartialDate('29.02.1900'))).toBe('date.impossible');
    expect(code(parsePartialDate('29.02.2007'))).toBe('date.impossible');
  });
  it('accepts every real day of 1999-2001 in dd.mm.yyyy and ddmmyyyy', () => {
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2001, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const text = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
      expect(ok(parsePartialDate(text))).toEqual(day(d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()));
      expect(ok(parsePartialDate(text.replace(/\./g, '')))).toEqual(ok(parsePartialDate(text)));
    }
  });
});

describe('parsePartialDate: refused input', () => {
  it('explains an impossible day in Vietnamese', () => {
    const r = parsePartialDate('31.02.2008');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue).toMatchObject({ code: 'date.impossible', severity: 'ERROR' });
      expect(r.issue.message).toBe('Ngày 31 không có trong tháng 2 năm 2008');
    }
  });
  it('says why 29.02.1900 is impossible', () => {
    const r = parsePartialDate('29.02.1900');
    expect(!r.ok && r.issue.message).toContain('không phải năm nhuận');
  });
  it.each([
    ['', 'date.empty'],
    ['   ', 'date.empty'],
    ['27.13.1985', 'date.month_invalid'],
    ['13.1985', 'date.month_invalid'],
    ['00.1985', 'date.month_invalid'],
    ['00.08.1985', 'date.day_invalid'],
    ['32.01.1985', 'date.day_invalid'],
    ['31.04.1985', 'date.impossible'],
    ['5005', 'date.year_out_of_range'],
    ['27.08.5005', 'date.year_out_of_range'],
    ['1799', 'date.year_out_of_range'],
    ['2781985', 'date.ambiguous'],
    ['81985', 'date.ambiguous'],
    ['27.08.85', 'date.two_digit_year'],
    ['8/85', 'date.unparsable'],
    ['1-8-85', 'date.two_digit_year'],
    ['abc', 'date.unparsable'],
    ['27.08', 'date.unparsable'],
    ['27..08.1985', 'date.unparsable'],
    ['ngày 27', 'date.unparsable'],
    ['123456789', 'date.unparsable'],
  ])('"%s" -> %s', (input, expected) => {
    const r = parsePartialDate(input);
    expect(code(r)).toBe(expected);
    expect(!r.ok && r.issue.severity).toBe('ERROR');
    expect(!r.ok && r.issue.message.length).toBeGreaterThan(10);
  });
  it('gives each refusal a distinct message naming the value', () => {
    expect(!parsePartialDate('27.13.1985').ok && JSON.stringify(parsePartialDate('27.13.1985'))).toContain('13');
    const r = parsePartialDate('5005');
    expect(!r.ok && r.issue.message).toContain('5005');
  });
  it('honours minYear and maxYear', () => {
    expect(code(parsePartialDate('2030', { maxYear: 2026 }))).toBe('date.year_out_of_range');
    expect(ok(parsePartialDate('2026', { maxYear: 2026 }))).toEqual(year(2026));
    expect(code(parsePartialDate('1899', { minYear: 1900 }))).toBe('date.year_out_of_range');
    expect(ok(parsePartialDate('1850'))).toEqual(year(1850));
    expect(ok(parsePartialDate('2200'))).toEqual(year(2200));
    expect(code(parsePartialDate('2201'))).toBe('date.year_out_of_range');
  });
});

describe('formatPartialDate', () => {
  it('writes each precision', () => {
    expect(formatPartialDate(day(1, 2, 2003))).toBe('01.02.2003');
    expect(formatPartialDate(month(2, 2003))).toBe('02.2003');
    expect(formatPartialDate(year(2003))).toBe('2003');
  });
  it('round-trips through the parser', () => {
    for (const d of [day(31, 12, 1999), month(7, 1900), year(1800), day(29, 2, 2000)]) {
      expect(ok(parsePartialDate(formatPartialDate(d)))).toEqual(d);
    }
  });
});

describe('comparePartialDates and isBefore', () => {
  it('orders dates that are surely apart', () => {
    expect(comparePartialDates(day(1, 1, 2000), day(2, 1, 2000))).toBe(-1);
    expect(comparePartialDates(day(2, 1, 2000), day(1, 1, 2000))).toBe(1);
    expect(comparePartialDates(year(1999), day(1, 1, 2000))).toBe(-1);
    expect(comparePartialDates(month(4, 2008), month(5, 2008))).toBe(-1);
    expect(comparePartialDates(month(12, 2007), year(2008))).toBe(-1);
    expect(comparePartialDates(day(31, 5, 2008), month(5, 2008))).toBeUndefined();
  });
  it('is 0 only for the same single day', () => {
    expect(comparePartialDates(day(5, 5, 2008), day(5, 5, 2008))).toBe(0);
    expect(comparePartialDates(year(2008), year(2008))).toBeUndefined();
    expect(comparePartialDates(month(5, 2008), month(5, 2008))).toBeUndefined();
  });
  it('is undefined when precision hides the order', () => {
    expect(comparePartialDates(year(2008), month(5, 2008))).toBeUndefined();
    expect(comparePartialDates(month(5, 2008), day(15, 5, 2008))).toBeUndefined();
  });
  it('isBefore is true, false or unknown', () => {
    expect(isBefore(day(1, 1, 2000), day(2, 1, 2000))).toBe(true);
    expect(isBefore(day(2, 1, 2000), day(2, 1, 2000))).toBe(false);
    expect(isBefore(day(3, 1, 2000), day(2, 1, 2000))).toBe(false);
    expect(isBefore(year(2008), month(5, 2008))).toBeUndefined();
    expect(isBefore(year(2008), day(1, 1, 2008))).toBe(false);
    expect(isBefore(day(31, 12, 2007), year(2008))).toBe(true);
    expect(isBefore(year(2008), year(2008))).toBeUndefined();
  });
  it('is antisymmetric on random day pairs', () => {
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 500; i++) {
      const a = day(1 + rnd(28), 1 + rnd(12), 1990 + rnd(5));
      const b = day(1 + rnd(28), 1 + rnd(12), 1990 + rnd(5));
      const ab = comparePartialDates(a, b);
      const ba = comparePartialDates(b, a);
      expect(ab === undefined ? undefined : -ab || 0).toBe(ba);
      expect(isBefore(a, b)).toBe(ab === -1);
    }
  });
});

describe('daysBetween', () => {
  it('counts days when both dates have a day', () => {
    expect(daysBetween(day(1, 1, 2000), day(1, 3, 2000))).toBe(60);
    expect(daysBetween(day(1, 3, 2001), day(1, 1, 2001))).toBe(-59);
    expect(daysBetween(day(27, 8, 2008), day(27, 8, 2008))).toBe(0);
    expect(daysBetween(day(31, 12, 1999), day(1, 1, 2000))).toBe(1);
  });
  it('is undefined otherwise', () => {
    expect(daysBetween(month(1, 2000), day(1, 3, 2000))).toBeUndefined();
    expect(daysBetween(day(1, 1, 2000), year(2000))).toBeUndefined();
  });
});

describe('toPartialDate', () => {
  it('takes the local calendar day', () => {
    expect(toPartialDate(new Date(2008, 7, 27, 23, 59))).toEqual(day(27, 8, 2008));
    expect(toPartialDate(new Date(2000, 0, 1, 0, 0))).toEqual(day(1, 1, 2000));
  });
  it('refuses an invalid Date', () => {
    expect(() => toPartialDate(new Date('x'))).toThrow(RangeError);
  });
});
