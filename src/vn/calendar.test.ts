import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, isLeapYear } from './calendar.js';

describe('isLeapYear', () => {
  it('follows the Gregorian rules', () => {
    expect([1900, 2000, 2004, 2008, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, true, false, true, false, true]);
  });
});

describe('daysInMonth', () => {
  it('agrees with the JS Date for every month of 1800-2200', () => {
    for (let y = 1800; y <= 2200; y++) {
      for (let m = 1; m <= 12; m++) {
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }
    }
  });
  it('is 0 outside 1-12', () => {
    expect(daysInMonth(2000, 0)).toBe(0);
    expect(daysInMonth(2000, 13)).toBe(0);
  });
});

describe('dayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1970, 1, 2)).toBe(1);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2000, 3, 1) - dayNumber(2000, 2, 28)).toBe(2);
    expect(dayNumber(1900, 3, 1) - dayNumber(1900, 2, 28)).toBe(1);
  });
  it('does not read years below 100 as 19xx', () => {
    expect(dayNumber(50, 1, 1)).toBeLessThan(dayNumber(1800, 1, 1));
  });
});
