/**
 * Dates in words (ngày tháng năm bằng chữ), in the style of the MoJ template:
 * 27.08.2008 -> "Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám";
 * a month-precision date starts at "Tháng …", a year-only date at "Năm …".
 * Choices: numbers follow number-words.ts; days and months use plain numbers
 * (day 4 "Bốn", day 24 "Hai Mươi Tư"), month 4 is "Tư" ("Tháng Tư"), month 1
 * is "Một" (not the lunar "Giêng", though "Giêng" is read back as 1).
 * checkDateInWords reads the words back to a date and compares dates, so any
 * common variant of the wording passes and only another date is reported.
 */
import { makeIssue, type VnIssue } from './finding.js';
import { numberInWords, readNumberWords } from './number-words.js';
import { formatPartialDate, type PartialDate } from './partial-date.js';
import { searchKey } from './search-key.js';
import { cleanText } from './text.js';

function monthInWords(month: number): string {
  return month === 4 ? 'Tư' : numberInWords(month);
}

export function dateInWords(d: PartialDate): string {
  const year = `Năm ${numberInWords(d.year)}`;
  if (d.precision === 'year') return year;
  const month = `Tháng ${monthInWords(d.month ?? 1)} ${year}`;
  if (d.precision === 'month') return month;
  return `Ngày ${numberInWords(d.day ?? 1)} ${month}`;
}

function readDay(tokens: readonly string[]): number | undefined {
  const start = tokens[0] === 'mung' || tokens[0] === 'mong' ? 1 : 0;
  return readNumberWords(tokens.slice(start));
}

function readMonth(tokens: readonly string[]): number | undefined {
  return tokens.length === 1 && tokens[0] === 'gieng' ? 1 : readNumberWords(tokens);
}

/** Month and year from the tokens after "tháng": the year marker is the first "năm" that leaves both readable. */
function readMonthYear(tokens: readonly string[]): { month: number; year: number } | undefined {
  for (let at = 1; at < tokens.length; at++) {
    if (tokens[at] !== 'nam') continue;
    const month = readMonth(tokens.slice(0, at));
    const year = readNumberWords(tokens.slice(at + 1));
    if (month !== undefined && year !== undefined) return { month, year };
  }
  return undefined;
}

/** Reads "Ngày … Tháng … Năm …" (or "Tháng … Năm …", or "Năm …") back to a partial date. */
export function parseDateWords(text: string): PartialDate | undefined {
  const tokens = searchKey(text)
    .split(' ')
    .filter((t) => t !== '');
  if (tokens[0] === 'nam') {
    const year = readNumberWords(tokens.slice(1));
    return year === undefined ? undefined : { year, precision: 'year' };
  }
  const monthAt = tokens.indexOf('thang');
  if (monthAt < 0) return undefined;
  const monthYear = readMonthYear(tokens.slice(monthAt + 1));
  if (!monthYear) return undefined;
  if (monthAt === 0) return { ...monthYear, precision: 'month' };
  if (tokens[0] !== 'ngay') return undefined;
  const day = readDay(tokens.slice(1, monthAt));
  return day === undefined ? undefined : { day, ...monthYear, precision: 'day' };
}

function sameDate(a: PartialDate, b: PartialDate): boolean {
  return formatPartialDate(a) === formatPartialDate(b) && a.precision === b.precision;
}

/**
 * WARNING when a "date in words" does not name the date d:
 * 'date_words.mismatch' (another date), 'date_words.unparsable' (not readable),
 * 'date_words.digits' (written with digits). Undefined for empty text.
 */
export function checkDateInWords(text: string, d: PartialDate): VnIssue | undefined {
  const written = cleanText(text);
  if (written === '') return undefined;
  const expected = `${formatPartialDate(d)} ("${dateInWords(d)}")`;
  if (/\d/.test(written)) {
    return makeIssue('date_words.digits', 'WARNING', `Ngày bằng chữ không được dùng chữ số; cần ghi ${expected}`);
  }
  const parsed = parseDateWords(written);
  if (!parsed) {
    const message = `Không đọc được ngày bằng chữ "${written}"; cần ghi ${expected}`;
    return makeIssue('date_words.unparsable', 'WARNING', message);
  }
  if (sameDate(parsed, d)) return undefined;
  return makeIssue('date_words.mismatch', 'WARNING', `Ngày bằng chữ "${written}" là ${formatPartialDate(parsed)}, không khớp với ngày ghi bằng số ${expected}`);
}
