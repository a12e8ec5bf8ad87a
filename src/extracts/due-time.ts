/**
 * When a copy request is due (procedure 2.000635): the same working day; a
 * request received after 15:00, or on a day off, is due the next working
 * day. A working day is Monday–Friday that is not a public holiday (vn
 * holidaysOf, with compensatory days), unless the working calendar's
 * exceptions say otherwise (announced Tết days, Saturdays made working
 * days). Times are read in Việt Nam's time (UTC+7, no daylight saving); the
 * due time is the close of that working day (17:00).
 */
import { addDays, holidaysOf, weekdayOf } from '../vn/index.js';

export const CUTOFF_HOUR = 15;
export const CLOSE_HOUR = 17;
const VN_OFFSET_MS = 7 * 3_600_000;

export interface CalendarException {
  day: string;
  kind: 'holiday' | 'workday';
}

export type IsWorkingDay = (day: string) => boolean;

export function workingDays(exceptions: readonly CalendarException[] = []): IsWorkingDay {
  const byDay = new Map(exceptions.map((e) => [e.day, e.kind]));
  const holidayYears = new Map<number, Set<string>>();
  const holidays = (year: number) => {
    let set = holidayYears.get(year);
    if (!set) holidayYears.set(year, (set = new Set(holidaysOf(year).map((h) => h.day))));
    return set;
  };
  return (day) => {
    const exception = byDay.get(day);
    if (exception) return exception === 'workday';
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6 && !holidays(Number(day.slice(0, 4))).has(day);
  };
}

/** The local (UTC+7) calendar day and hour of an instant. */
export function localDay(at: Date): { day: string; hour: number } {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() + local.getUTCMinutes() / 60 };
}

/** The instant of `hour`:00 Việt Nam time on an ISO day. */
export function vnTime(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000 - VN_OFFSET_MS);
}

export function nextWorkingDay(day: string, isWorking: IsWorkingDay): string {
  let d = addDays(day, 1);
  for (let i = 0; i < 60 && !isWorking(d); i++) d = addDays(d, 1);
  return d;
}

export function dueAt(receivedAt: Date, isWorking: IsWorkingDay): Date {
  const { day, hour } = localDay(receivedAt);
  const sameDay = isWorking(day) && hour < CUTOFF_HOUR;
  return vnTime(sameDay ? day : nextWorkingDay(day, isWorking), CLOSE_HOUR);
}
