/**
 * Calendar days for the generator: UTC midnight Dates (no time zone can shift
 * a day), written as the registers write them (dd.mm.yyyy, or the year only)
 * and in words through vn's dateInWords.
 */
import { dateInWords, formatPartialDate, type PartialDate } from '../vn/index.js';
import type { Rng } from './prng.js';

const DAY_MS = 86_400_000;

export const day = (year: number, month: number, d: number): Date => new Date(Date.UTC(year, month - 1, d));

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

export const daysFrom = (a: Date, b: Date): number => Math.round((b.getTime() - a.getTime()) / DAY_MS);

/** A day in [from, to], both included. */
export function randomDay(rng: Rng, from: Date, to: Date): Date {
  return addDays(from, rng.int(0, Math.max(0, daysFrom(from, to))));
}

export function toPartial(date: Date): PartialDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), precision: 'day' };
}

/** "27.08.2008" */
export const dmy = (date: Date): string => formatPartialDate(toPartial(date));

/** "Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám" */
export const inWords = (date: Date): string => dateInWords(toPartial(date));

export const yearOf = (date: Date): number => date.getUTCFullYear();
