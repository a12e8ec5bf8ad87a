/**
 * A date field's value read as a date, the way every rule sees it: the
 * register's forms or a lunar date (converted to solar, the text kept as
 * keyed). A Can Chi year written without its century is narrowed by the
 * registration's year only for the event the register records (the birth in
 * KS, the death in KT), which lies shortly before its registration: to the
 * one year of that cycle in the 60 years up to the registration, unless the
 * entry is a re-registration (đăng ký lại, code 2), which may come decades
 * later. Elsewhere such a year stays ambiguous (a WARNING listing the years).
 */
import { parseDateText, parsePartialDate, type DateTextOptions, type DateTextResult, type LunarYearHint, type PartialDate } from '../vn/index.js';

/** The oldest plausible year in a register (a parent born in the 1850s may appear in a 1900s book). */
export const MIN_YEAR = 1850;

/** Event dates a Can Chi year is narrowed for by the registration year. */
export const EVENT_DATE_KEYS: ReadonlySet<string> = new Set(['nksNgaySinh', 'nktNgayChet']);

const RE_REGISTRATION = '2';

function registrationYear(values: Readonly<Record<string, string>>): number | undefined {
  const raw = values.ngayDangKy;
  const parsed = raw ? parseDateText(raw, { minYear: MIN_YEAR }) : undefined;
  return parsed?.ok ? parsed.date.year : undefined;
}

/** The hint for a Can Chi year in field `key`, if the record gives one. */
export function lunarHintFor(values: Readonly<Record<string, string>>, key: string): LunarYearHint | undefined {
  if (!EVENT_DATE_KEYS.has(key) || values.loaiDangKy === RE_REGISTRATION) return undefined;
  const year = registrationYear(values);
  return year === undefined ? undefined : { from: year - 59, to: year, reason: `năm trong vòng 60 năm đến năm đăng ký ${year}` };
}

/** The value of date field `key` read with the record's context. */
export function readDateText(values: Readonly<Record<string, string>>, key: string, opts: DateTextOptions = {}): DateTextResult | undefined {
  const raw = values[key];
  if (!raw) return undefined;
  const solar = parsePartialDate(raw, { minYear: MIN_YEAR, ...opts });
  if (solar.ok || solar.issue.code !== 'date.unparsable') return solar; // the register's forms need no context
  const hint = lunarHintFor(values, key);
  return parseDateText(raw, { minYear: MIN_YEAR, ...opts, ...(hint ? { lunarHint: hint } : {}) });
}

/** The date of field `key`, solar, when it is readable and unambiguous. */
export function readDate(values: Readonly<Record<string, string>>, key: string): PartialDate | undefined {
  const parsed = readDateText(values, key);
  return parsed?.ok ? parsed.date : undefined;
}
