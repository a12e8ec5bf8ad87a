/**
 * Public holidays of Việt Nam as the Labour Code 2019 (Bộ luật Lao động,
 * Art. 112) sets them, which civil servants follow too:
 * - Tết Dương lịch: 1 January;
 * - Tết Âm lịch: 5 days — by default the last day of the lunar year and the
 *   first four days of the new one (the Government announces the exact days
 *   each year; announced changes go into the working calendar's exceptions);
 * - Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month;
 * - 30 April and 1 May;
 * - Quốc khánh: 2 September and one day next to it (1 September by default).
 * A holiday on a Saturday or Sunday gives the next working day off (Art.
 * 112.3). Dates are ISO 'yyyy-mm-dd' strings (calendar days, no time zone).
 */
import { gregorianOf, findLunarMonth, lunarToSolar } from './lunar-calendar.js';

export interface Holiday {
  day: string;
  name: string;
}

const iso = (d: { year: number; month: number; day: number }) => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The ISO date `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function tetDays(year: number): Holiday[] {
  const first = findLunarMonth(year, 1, false);
  if (!first) return [];
  const eve = gregorianOf(first.start - 1);
  const out: Holiday[] = [{ day: iso(eve), name: 'Tết Âm lịch (ngày cuối năm)' }];
  for (let i = 0; i < 4; i++) out.push({ day: iso(gregorianOf(first.start + i)), name: `Tết Âm lịch (mùng ${i + 1})` });
  return out;
}

/** The statutory holidays whose day falls in a solar year, without compensatory days. */
export function statutoryHolidays(year: number): Holiday[] {
  const out: Holiday[] = [{ day: `${year}-01-01`, name: 'Tết Dương lịch' }];
  out.push(...tetDays(year));
  const gioTo = lunarToSolar({ year, month: 3, day: 10, leap: false });
  if (gioTo) out.push({ day: iso(gioTo), name: 'Giỗ Tổ Hùng Vương' });
  out.push({ day: `${year}-04-30`, name: 'Ngày Chiến thắng' }, { day: `${year}-05-01`, name: 'Ngày Quốc tế lao động' });
  out.push({ day: `${year}-09-01`, name: 'Quốc khánh (ngày liền kề)' }, { day: `${year}-09-02`, name: 'Quốc khánh' });
  return out.filter((h) => h.day.startsWith(`${year}-`)).sort((a, b) => a.day.localeCompare(b.day));
}

/** Statutory holidays plus the compensatory day off for each that falls on a weekend. */
export function holidaysOf(year: number): Holiday[] {
  const base = statutoryHolidays(year);
  const taken = new Set(base.map((h) => h.day));
  const out = [...base];
  for (const h of base) {
    if (weekdayOf(h.day) !== 0 && weekdayOf(h.day) !== 6) continue;
    let d = addDays(h.day, 1);
    while (weekdayOf(d) === 0 || weekdayOf(d) === 6 || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ day: d, name: `Nghỉ bù ${h.name}` });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}
