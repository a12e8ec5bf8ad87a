/**
 * Date shorthand for the keying aids: "1203" (ddmm) and "120385" (ddmmyy)
 * are OFFERED as a full date (12.03.1985), the year or century taken from an
 * anchor date of the record or book (the registration date); the keyer
 * accepts with Enter. Nothing is expanded silently: on Tab the typed text
 * stays as typed (4 digits still read as a year, as the validator reads it).
 */
import type { PartialDate } from '../../vn/index.js';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const valid = (d: number, m: number, y: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
const order = (d: number, m: number, y: number) => y * 10_000 + m * 100 + d;

/**
 * The full date a shorthand stands for, or undefined. `notAfter`: the date
 * cannot be later than the anchor (a birth before its registration): the
 * latest such date is chosen; otherwise the anchor's own year.
 */
export function expandDateShorthand(typed: string, anchor: PartialDate | undefined, notAfter: boolean): string | undefined {
  if (!anchor || !/^\d{4}(\d{2})?$/.test(typed)) return undefined;
  const d = Number(typed.slice(0, 2));
  const m = Number(typed.slice(2, 4));
  const anchorOrder = order(anchor.day ?? 31, anchor.month ?? 12, anchor.year);
  let year: number;
  if (typed.length === 4) {
    year = anchor.year;
    if (notAfter && order(d, m, year) > anchorOrder) year -= 1;
  } else {
    const yy = Number(typed.slice(4, 6));
    year = Math.floor(anchor.year / 100) * 100 + yy;
    if (year > anchor.year || (notAfter && order(d, m, year) > anchorOrder)) year -= 100;
  }
  return valid(d, m, year) ? `${pad(d)}.${pad(m)}.${year}` : undefined;
}

/** The digits of a date text ("12.03.1985" → "12031985"), for matching what is typed against a candidate. */
export const dateDigits = (s: string) => s.replace(/\D/g, '');
