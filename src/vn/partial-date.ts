/**
 * Partial dates as written in the registers: dd.mm.yyyy, mm.yyyy or yyyy
 * (DOMAIN §2.1). The parser accepts what keyers type (27/8/1985, 27-8-1985,
 * 27081985, 081985, 8.1985, 1985, ISO 1985-08-27) and never invents a missing
 * day or month: the precision keeps what was written. Impossible dates are
 * refused with a Vietnamese message and a distinct code:
 * date.empty, date.unparsable, date.ambiguous (5 or 7 bare digits),
 * date.two_digit_year, date.month_invalid, date.day_invalid,
 * date.year_out_of_range, date.impossible (31.02, 29.02 of a common year).
 * Comparison is interval logic: 05.2008 covers 1–31 May, so it is neither
 * before nor after 2008 as a whole.
 */
import { daysInMonth, dayNumber, isLeapYear } from './calendar.js';
import { makeIssue, type VnIssue } from './finding.js';
import { cleanText } from './text.js';

export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

export type ParseDateResult = { ok: true; date: PartialDate; normalized: string } | { ok: false; issue: VnIssue };

export interface ParseDateOptions {
  /** Earliest accepted year, default 1800. */
  minYear?: number;
  /** Latest accepted year, default 2200; pass the current year for "not in the future". */
  maxYear?: number;
}

export const DEFAULT_MIN_YEAR = 1800;
export const DEFAULT_MAX_YEAR = 2200;

type Field = 'd' | 'm' | 'y';

const PATTERNS: ReadonlyArray<{ re: RegExp; fields: readonly Field[] }> = [
  { re: /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/, fields: ['d', 'm', 'y'] },
  { re: /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/, fields: ['y', 'm', 'd'] },
  { re: /^(\d{2})(\d{2})(\d{4})$/, fields: ['d', 'm', 'y'] },
  { re: /^(\d{1,2})[./-](\d{4})$/, fields: ['m', 'y'] },
  { re: /^(\d{4})[./-](\d{1,2})$/, fields: ['y', 'm'] },
  { re: /^(\d{2})(\d{4})$/, fields: ['m', 'y'] },
  { re: /^(\d{4})$/, fields: ['y'] },
];

const FORMS_HINT = 'hãy ghi theo dạng dd.mm.yyyy, mm.yyyy hoặc yyyy (ngày âm lịch ghi như trong sổ, ví dụ "mùng 5 tháng Giêng năm Ất Sửu 1985")';

function fail(code: string, message: string): ParseDateResult {
  return { ok: false, issue: makeIssue(code, 'ERROR', message) };
}

function matchFields(text: string): Partial<Record<Field, number>> | undefined {
  for (const { re, fields } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const values: Partial<Record<Field, number>> = {};
    fields.forEach((f, i) => (values[f] = Number(m[i + 1])));
    return values;
  }
  return undefined;
}

function unmatchedIssue(text: string): ParseDateResult {
  if (/^\d{5}$|^\d{7}$/.test(text)) {
    return fail('date.ambiguous', `"${text}" có ${text.length} chữ số nên không rõ đâu là ngày, đâu là tháng; ` + 'hãy ghi đủ hai chữ số cho ngày và tháng (ví dụ 02.07.1985)');
  }
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2}$/.test(text)) {
    return fail('date.two_digit_year', `Năm trong "${text}" phải ghi đủ 4 chữ số (ví dụ 1985, không ghi 85)`);
  }
  return fail('date.unparsable', `Không đọc được ngày "${text}"; ${FORMS_HINT}`);
}

function impossibleMessage(day: number, month: number, year: number): string {
  const base = `Ngày ${day} không có trong tháng ${month} năm ${year}`;
  return month === 2 && day === 29 && !isLeapYear(year) ? `${base} (năm ${year} không phải năm nhuận)` : base;
}

function checkValues(v: Partial<Record<Field, number>>, opts: ParseDateOptions): ParseDateResult | undefined {
  const { y = 0, m, d } = v;
  const minYear = opts.minYear ?? DEFAULT_MIN_YEAR;
  const maxYear = opts.maxYear ?? DEFAULT_MAX_YEAR;
  if (m !== undefined && (m < 1 || m > 12)) {
    return fail('date.month_invalid', `Tháng ${m} không hợp lệ (tháng phải từ 1 đến 12)`);
  }
  if (d !== undefined && (d < 1 || d > 31)) {
    return fail('date.day_invalid', `Ngày ${d} không hợp lệ (ngày phải từ 1 đến 31)`);
  }
  if (y < minYear || y > maxYear) {
    return fail('date.year_out_of_range', `Năm ${y} nằm ngoài khoảng cho phép (${minYear}–${maxYear})`);
  }
  if (d !== undefined && m !== undefined && d > daysInMonth(y, m)) {
    return fail('date.impossible', impossibleMessage(d, m, y));
  }
  return undefined;
}

function toDate(v: Partial<Record<Field, number>>): PartialDate {
  const year = v.y ?? 0;
  if (v.m === undefined) return { year, precision: 'year' };
  if (v.d === undefined) return { year, month: v.m, precision: 'month' };
  return { year, month: v.m, day: v.d, precision: 'day' };
}

export function parsePartialDate(input: string, opts: ParseDateOptions = {}): ParseDateResult {
  const text = cleanText(input).replace(/\s*([./-])\s*/g, '$1');
  if (text === '') return fail('date.empty', 'Chưa nhập ngày tháng');
  const values = matchFields(text);
  if (!values) return unmatchedIssue(text);
  const problem = checkValues(values, opts);
  if (problem) return problem;
  const date = toDate(values);
  return { ok: true, date, normalized: formatPartialDate(date) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 'dd.mm.yyyy', 'mm.yyyy' or 'yyyy' according to the precision. */
export function formatPartialDate(d: PartialDate): string {
  const year = String(d.year).padStart(4, '0');
  if (d.precision === 'year') return year;
  if (d.precision === 'month') return `${pad2(d.month ?? 1)}.${year}`;
  return `${pad2(d.day ?? 1)}.${pad2(d.month ?? 1)}.${year}`;
}

/** First and last day number the partial date may stand for. */
function span(d: PartialDate): [number, number] {
  const firstMonth = d.precision === 'year' ? 1 : (d.month ?? 1);
  const lastMonth = d.precision === 'year' ? 12 : (d.month ?? 12);
  const firstDay = d.precision === 'day' ? (d.day ?? 1) : 1;
  const lastDay = d.precision === 'day' ? (d.day ?? 1) : daysInMonth(d.year, lastMonth);
  return [dayNumber(d.year, firstMonth, firstDay), dayNumber(d.year, lastMonth, lastDay)];
}

/**
 * -1 / 1 when a is surely before / after b, 0 when both are the same single
 * day, undefined when the precision leaves the order open (2008 vs 05.2008,
 * or 1985 vs 1985).
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): -1 | 0 | 1 | undefined {
  const [aFirst, aLast] = span(a);
  const [bFirst, bLast] = span(b);
  if (aLast < bFirst) return -1;
  if (aFirst > bLast) return 1;
  if (aFirst === aLast && bFirst === bLast) return 0;
  return undefined;
}

/** true: a is surely strictly earlier; false: surely not; undefined: cannot tell. */
export function isBefore(a: PartialDate, b: PartialDate): boolean | undefined {
  const [aFirst, aLast] = span(a);
  const [bFirst, bLast] = span(b);
  if (aLast < bFirst) return true;
  if (aFirst >= bLast) return false;
  return undefined;
}

/** Days from a to b (positive when b is later); only when both have day precision. */
export function daysBetween(a: PartialDate, b: PartialDate): number | undefined {
  if (a.precision !== 'day' || b.precision !== 'day') return undefined;
  return span(b)[0] - span(a)[0];
}

/** The local calendar day of a JS Date, with day precision. */
export function toPartialDate(date: Date): PartialDate {
  if (Number.isNaN(date.getTime())) throw new RangeError('toPartialDate: Invalid Date');
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), precision: 'day' };
}
