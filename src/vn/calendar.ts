/**
 * Gregorian calendar arithmetic for the date helpers: leap years, month
 * lengths and a day number (days since 1970-01-01, UTC) that is safe for any
 * year (Date.UTC would read years 0–99 as 1900–1999).
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1–12) of a year; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

const MS_PER_DAY = 86_400_000;

/** Whole days from 1970-01-01 to the given calendar day. */
export function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}
