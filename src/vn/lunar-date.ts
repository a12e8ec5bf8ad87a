/**
 * Lunar dates of old books converted to the solar (Gregorian) date, keeping
 * what was written: the caller stores the book's text, this says which solar
 * day it is (INFO lunar.converted, naming both), or why it cannot:
 * ERROR lunar.unreadable, lunar.year_missing, lunar.day_missing,
 * lunar.day_invalid, lunar.month_invalid, lunar.no_leap_month,
 * lunar.day_not_in_month, lunar.year_mismatch, lunar.year_out_of_range;
 * WARNING lunar.year_ambiguous when a Can Chi year without a century leaves
 * several candidates (listed). A year hint (the register's year) may narrow
 * the candidates to one; the INFO then says so.
 * Calendar: lunar-calendar.ts (UTC+8 before 1968, UTC+7 since); when the
 * other reckoning gives another day, the INFO says that too.
 */
import { canChiIndex, canChiName, yearsOfCanChi } from './can-chi.js';
import { makeIssue, type VnIssue } from './finding.js';
import { calendarZone, lunarToSolar, lunarYearMonths, type LunarDay } from './lunar-calendar.js';
import { readLunarText, type LunarDateText } from './lunar-text.js';
import { DEFAULT_MAX_YEAR, DEFAULT_MIN_YEAR, formatPartialDate, type PartialDate } from './partial-date.js';

export interface LunarYearHint {
  from: number;
  to: number;
  /** Why these years, for the message: "trong 60 năm trước năm đăng ký 1986". */
  reason: string;
}

export interface LunarDateOptions {
  minYear?: number;
  maxYear?: number;
  hint?: LunarYearHint;
}

export interface LunarCandidate {
  lunarYear: number;
  normalized: string;
}

export type LunarDateResult = { ok: true; date: PartialDate; normalized: string; lunarYear: number; issue: VnIssue } | { ok: false; issue: VnIssue; candidates?: LunarCandidate[] };

const MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

/** "mùng 5 tháng Giêng năm Ất Sửu (1985)", "ngày 3 tháng Hai nhuận năm Quý Mão (2023)". */
export function describeLunar(d: Partial<LunarDay> & { year: number }): string {
  const year = `năm ${canChiName(d.year)} (${d.year})`;
  if (d.month === undefined) return year;
  const month = `tháng ${MONTH_NAMES[d.month - 1]}${d.leap ? ' nhuận' : ''}`;
  if (d.day === undefined) return `${month} ${year}`;
  return `${d.day <= 10 ? 'mùng' : 'ngày'} ${d.day} ${month} ${year}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const fail = (code: string, message: string): LunarDateResult => ({ ok: false, issue: makeIssue(code, 'ERROR', message) });

function convert(t: LunarDateText, lunarYear: number, zone?: number): PartialDate | undefined {
  if (t.month === undefined) return { year: lunarYear, precision: 'year' };
  const s = lunarToSolar({ day: t.day ?? 1, month: t.month, year: lunarYear, leap: t.leap }, zone);
  return s && { ...s, precision: 'day' };
}

const solarText = (t: LunarDateText, year: number): string => {
  const d = convert(t, year);
  return d ? formatPartialDate(d) : `năm ${year}`;
};

/** Why a lunar day does not exist in that year, or undefined when it does. */
function existence(t: LunarDateText, year: number): LunarDateResult | undefined {
  if (t.month === undefined || t.day === undefined) return undefined;
  const months = lunarYearMonths(year);
  const leapMonth = months.find((m) => m.leap)?.month;
  const m = months.find((x) => x.month === t.month && x.leap === t.leap);
  if (!m) {
    const has = leapMonth === undefined ? 'không có tháng nhuận' : `chỉ có tháng ${leapMonth} nhuận`;
    return fail('lunar.no_leap_month', `Năm ${canChiName(year)} (${year}) ${has}, không có tháng ${t.month} nhuận.`);
  }
  if (t.day > m.days) {
    return fail('lunar.day_not_in_month', `${capitalize(describeLunar({ month: t.month, leap: t.leap, year }))} chỉ có ${m.days} ngày, không có ngày ${t.day}.`);
  }
  return undefined;
}

function checkParts(t: LunarDateText): LunarDateResult | undefined {
  if (t.month !== undefined && (t.month < 1 || t.month > 12)) return fail('lunar.month_invalid', `Tháng âm lịch ${t.month} không hợp lệ (từ 1 đến 12, tháng Giêng đến tháng Chạp).`);
  if (t.day !== undefined && (t.day < 1 || t.day > 30)) return fail('lunar.day_invalid', `Ngày âm lịch ${t.day} không hợp lệ (từ mùng 1 đến ngày 30).`);
  if (t.month !== undefined && t.day === undefined) {
    return fail('lunar.day_missing', 'Ngày âm lịch chỉ có tháng, không có ngày: không đổi được sang một ngày dương lịch. Hãy ghi năm (yyyy) và ghi nguyên văn vào phần ghi chú.');
  }
  if (t.yearNumber === undefined && t.canChi === undefined) return fail('lunar.year_missing', 'Ngày âm lịch chưa có năm: hãy ghi năm Can Chi (ví dụ năm Ất Sửu) hoặc năm bằng số.');
  return undefined;
}

/** The lunar year meant by a Can Chi and a written year (the lunar year, or the solar year of a date late in the lunar year). */
function writtenYear(t: LunarDateText & { yearNumber: number }): number | LunarDateResult {
  if (t.canChi === undefined || canChiIndex(t.yearNumber) === t.canChi) return t.yearNumber;
  const previous = t.yearNumber - 1;
  if (canChiIndex(previous) === t.canChi && convert(t, previous)?.year === t.yearNumber) return previous;
  return fail('lunar.year_mismatch', `Năm ${canChiName(t.canChi, false)} không phải năm ${t.yearNumber} (năm ${t.yearNumber} là năm ${canChiName(t.yearNumber)}). Hãy đối chiếu với sổ.`);
}

function candidatesOf(t: LunarDateText & { canChi: number }, min: number, max: number, hint?: LunarYearHint): number[] | LunarDateResult {
  const all = yearsOfCanChi(t.canChi, min, max).filter((y) => existence(t, y) === undefined);
  const narrowed = hint ? all.filter((y) => y >= hint.from && y <= hint.to) : [];
  if (narrowed.length === 1) return narrowed;
  if (all.length <= 1) return all;
  const candidates = all.map((y) => ({ lunarYear: y, normalized: solarText(t, y) }));
  const list = candidates.map((c) => `${c.lunarYear} (${c.normalized})`).join(', ');
  const message = `Năm ${canChiName(t.canChi, false)} lặp lại mỗi 60 năm nên chưa biết là năm nào: ${list}. Hãy ghi thêm năm bằng số (ví dụ "năm ${canChiName(t.canChi, false)} ${all.at(-1)}").`;
  return { ok: false, issue: makeIssue('lunar.year_ambiguous', 'WARNING', message), candidates };
}

function otherReckoning(t: LunarDateText, year: number, date: PartialDate): string {
  if (date.precision !== 'day') return '';
  const zone = calendarZone(year) === 7 ? 8 : 7;
  const other = convert(t, year, zone);
  if (!other || formatPartialDate(other) === formatPartialDate(date)) return '';
  const which = zone === 8 ? 'lịch tính theo giờ UTC+8 (lịch cũ, miền Nam dùng đến 1975)' : 'lịch tính theo giờ UTC+7 (lịch miền Bắc từ 1968)';
  return ` Lưu ý: theo ${which} thì là ngày ${formatPartialDate(other)}; hãy đối chiếu nếu sổ dùng lịch đó.`;
}

function converted(t: LunarDateText, year: number, opts: LunarDateOptions, assumed: string): LunarDateResult {
  const problem = existence(t, year);
  if (problem) return problem;
  const date = convert(t, year);
  if (!date) return fail('lunar.day_not_in_month', `Không có ${describeLunar({ ...t, year })}.`);
  const normalized = formatPartialDate(date);
  const minYear = opts.minYear ?? DEFAULT_MIN_YEAR;
  const maxYear = opts.maxYear ?? DEFAULT_MAX_YEAR;
  if (date.year < minYear || date.year > maxYear) return fail('lunar.year_out_of_range', `Năm ${date.year} nằm ngoài khoảng cho phép (${minYear}–${maxYear}).`);
  const what = t.month === undefined ? `Năm âm lịch ${canChiName(year)} được hiểu là năm ${year}` : `${capitalize(describeLunar({ ...t, year }))} âm lịch là ngày ${normalized} dương lịch`;
  const message = `${what}${assumed} (nguyên văn trong sổ được giữ nguyên).${otherReckoning(t, year, date)}`;
  return { ok: true, date, normalized, lunarYear: year, issue: makeIssue('lunar.converted', 'INFO', message) };
}

/** Converts a lunar date as written; undefined when the text is not a lunar date at all. */
export function parseLunarDate(input: string, opts: LunarDateOptions = {}): LunarDateResult | undefined {
  const t = readLunarText(input);
  if (t === undefined) return undefined;
  if (t === 'unreadable') return fail('lunar.unreadable', `Không đọc được ngày âm lịch "${input.trim()}"; hãy ghi như "mùng 5 tháng Giêng năm Ất Sửu" hoặc "ngày 10/3 âm lịch năm 1985".`);
  const bad = checkParts(t);
  if (bad) return bad;
  if (t.yearNumber !== undefined) {
    const year = writtenYear({ ...t, yearNumber: t.yearNumber });
    return typeof year === 'number' ? converted(t, year, opts, '') : year;
  }
  const min = opts.minYear ?? DEFAULT_MIN_YEAR;
  const max = opts.maxYear ?? DEFAULT_MAX_YEAR;
  const found = candidatesOf({ ...t, canChi: t.canChi! }, min, max, opts.hint);
  if (!Array.isArray(found)) return found;
  const [year] = found;
  if (year === undefined) return fail('lunar.year_out_of_range', `Không có năm ${canChiName(t.canChi!, false)} nào trong khoảng ${min}–${max}.`);
  const hinted = opts.hint && year >= opts.hint.from && year <= opts.hint.to;
  const onlyOne = !hinted && yearsOfCanChi(t.canChi!, min, max).length > 1;
  const assumed = hinted
    ? ` (năm Can Chi không ghi số năm: chọn năm ${year}, ${opts.hint!.reason})`
    : onlyOne
      ? ` (năm Can Chi không ghi số năm: trong khoảng ${min}–${max} chỉ năm ${year} có ngày này)`
      : '';
  return converted(t, year, opts, assumed);
}
