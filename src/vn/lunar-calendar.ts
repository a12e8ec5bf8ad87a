/**
 * The Vietnamese lunisolar calendar (âm lịch), computed by the published
 * rules of Hồ Ngọc Đức ("Thuật toán tính âm lịch",
 * informatik.uni-leipzig.de/~duc/amlich/calrules.html), written here anew:
 * - a month starts on the local day of the new moon (điểm Sóc);
 * - month 11 is the month that contains the winter solstice (Đông chí);
 * - when 13 months lie between two months 11, the first of them (after month
 *   11) that contains no major solar term (trung khí, the sun entering a
 *   30° sector) is the leap month and repeats the number of the month before.
 * Astronomy: new moon and solar longitude by the low-precision formulas of
 * J. Meeus, "Astronomical Algorithms" (enough for 1800–2200, checked against
 * published Tết tables in lunar-calendar.test.ts).
 * Time zone: the calendar depends on the meridian. Until month 10 of Đinh Mùi
 * (lunar year 1967) Vietnam used the Chinese calendar (UTC+8); North Vietnam
 * adopted a calendar for UTC+7 by the decision of 08.08.1967, first in force
 * for Tết Mậu Thân (29.01.1968 in the North, 30.01.1968 in the South, which
 * kept UTC+8 until 1975). We compute the lunar year 1968 and later (and the
 * months 11–12 of Đinh Mùi that lead to it) for UTC+7, earlier years for
 * UTC+8; `zone` lets a caller ask for the other reckoning.
 * Day numbers are Julian Day Numbers (integers, Gregorian calendar).
 */

export interface LunarDay {
  day: number;
  month: number;
  /** The lunar year, numbered by the solar year in which its Tết falls. */
  year: number;
  leap: boolean;
}

export interface LunarMonth {
  month: number;
  year: number;
  leap: boolean;
  /** Julian Day Number of its first day. */
  start: number;
  days: 29 | 30;
}

/** Julian Day Number of a Gregorian date. */
export function julianDay(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** The Gregorian date of a Julian Day Number. */
export function gregorianOf(jdn: number): { year: number; month: number; day: number } {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** Zone (hours east of UTC) of the calendar whose year `tetYear` starts at Tết. */
export function calendarZone(tetYear: number): number {
  return tetYear >= 1968 ? 7 : 8;
}

const RAD = Math.PI / 180;
/** Mean length of a lunation, in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian Day of the new moon numbered 0 (early January 1900). */
const LUNATION_ZERO = 2415021.076998695;

/** Julian Day (UT) of the k-th new moon after LUNATION_ZERO (Meeus, mean phase plus the main periodic terms). */
function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sun = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moon = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const lat = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const terms =
    (0.1734 - 0.000393 * t) * Math.sin(sun) +
    0.0021 * Math.sin(2 * sun) -
    0.4068 * Math.sin(moon) +
    0.0161 * Math.sin(2 * moon) -
    0.0004 * Math.sin(3 * moon) +
    0.0104 * Math.sin(2 * lat) -
    0.0051 * Math.sin(sun + moon) -
    0.0074 * Math.sin(sun - moon) +
    0.0004 * Math.sin(2 * lat + sun) -
    0.0004 * Math.sin(2 * lat - sun) -
    0.0006 * Math.sin(2 * lat + moon) +
    0.001 * Math.sin(2 * lat - moon) +
    0.0005 * Math.sin(sun + 2 * moon);
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + terms - deltaT;
}

/** The local day (JDN) on which the k-th new moon falls. */
function newMoonDay(k: number, zone: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + zone / 24);
}

/** The 30° sector (0–11, 0 = from the spring equinox) of the sun's apparent longitude at the local midnight that starts day `jdn`. */
function sunSector(jdn: number, zone: number): number {
  const t = (jdn - 2451545.5 - zone / 24) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.00029 * Math.sin(3 * anomaly);
  const longitude = (((meanLongitude + center) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

const lunationOf = (jdn: number) => Math.round((jdn - LUNATION_ZERO) / SYNODIC_MONTH);

/** First day of lunar month 11 of `year`: the month in which the December solstice falls. */
function month11Start(year: number, zone: number): number {
  const k = Math.floor((julianDay(year, 12, 31) - LUNATION_ZERO) / SYNODIC_MONTH);
  const start = newMoonDay(k, zone);
  // Sun already at 270° or beyond when this month starts: the solstice fell in the month before.
  return sunSector(start, zone) >= 9 ? newMoonDay(k - 1, zone) : start;
}

/** Index (1–12) after month 11 of the first month that contains no major solar term. */
function leapIndex(month11: number, zone: number): number {
  const k = lunationOf(month11);
  let index = 1;
  let sector = sunSector(newMoonDay(k + 1, zone), zone);
  for (;;) {
    const previous = sector;
    index++;
    sector = sunSector(newMoonDay(k + index, zone), zone);
    if (sector === previous || index >= 14) return index - 1;
  }
}

/**
 * The months from month 11 of year `tetYear - 1` up to month 10 of
 * `tetYear` (12 or 13 of them, the leap month included), in order.
 */
export function monthsBefore11(tetYear: number, zone = calendarZone(tetYear)): LunarMonth[] {
  const from = month11Start(tetYear - 1, zone);
  const to = month11Start(tetYear, zone);
  const k = lunationOf(from);
  const count = Math.round((to - from) / SYNODIC_MONTH);
  const leap = count === 13 ? leapIndex(from, zone) : -1;
  const starts = Array.from({ length: count }, (_, i) => (i === 0 ? from : newMoonDay(k + i, zone)));
  starts.push(to);
  return starts.slice(0, count).map((start, i) => {
    const number = 11 + i - (leap >= 0 && i >= leap ? 1 : 0);
    return { month: ((number - 1) % 12) + 1, year: number > 12 ? tetYear : tetYear - 1, leap: i === leap, start, days: (starts[i + 1]! - start) as 29 | 30 };
  });
}

/** The lunar date of a Gregorian date. */
export function solarToLunar(year: number, month: number, day: number, zone?: number): LunarDay {
  const jdn = julianDay(year, month, day);
  for (const tetYear of [year + 1, year]) {
    const months = monthsBefore11(tetYear, zone ?? calendarZone(tetYear));
    const m = months.find((x) => jdn >= x.start && jdn < x.start + x.days);
    if (m) return { day: jdn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
  }
  throw new RangeError(`solarToLunar: ${day}.${month}.${year} is outside the computed months`);
}

/** The months of lunar year `year`, month 1 to month 12, leap month in its place. */
export function lunarYearMonths(year: number, zone?: number): LunarMonth[] {
  const head = monthsBefore11(year, zone ?? calendarZone(year)).filter((m) => m.year === year);
  const tail = monthsBefore11(year + 1, zone ?? calendarZone(year + 1)).filter((m) => m.year === year);
  return [...head, ...tail];
}

/** The leap month (1–12) of lunar year `year`, or undefined. */
export function leapMonthOf(year: number, zone?: number): number | undefined {
  return lunarYearMonths(year, zone).find((m) => m.leap)?.month;
}

/** The lunar month, or undefined when that year has no such month (e.g. a leap month it lacks). */
export function findLunarMonth(year: number, month: number, leap: boolean, zone?: number): LunarMonth | undefined {
  return lunarYearMonths(year, zone).find((m) => m.month === month && m.leap === leap);
}

/** The Gregorian date of a lunar date; undefined when the month does not exist or is shorter than `day`. */
export function lunarToSolar(d: LunarDay, zone?: number): { year: number; month: number; day: number } | undefined {
  const m = findLunarMonth(d.year, d.month, d.leap, zone);
  if (!m || d.day < 1 || d.day > m.days) return undefined;
  return gregorianOf(m.start + d.day - 1);
}
