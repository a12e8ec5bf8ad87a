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
import { dateInWords, parseDateText, parsePartialDate, type DateTextOptions, type DateTextResult, type LunarYearHint, type PartialDate } from '../vn/index.js';

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

/** A date field read back to the keyer: the MoJ form and the date in words (a lunar date: its solar day), or why it cannot be read. */
export type DateReading = { ok: true; normalized: string; words: string; lunar: boolean } | { ok: false; message: string };

/** Date field `key` read as the validator reads it (the record's context included); undefined while empty. */
export function dateReading(values: Readonly<Record<string, string>>, key: string): DateReading | undefined {
  if ((values[key] ?? '').trim() === '') return undefined;
  const parsed = readDateText(values, key);
  if (!parsed) return undefined;
  if (!parsed.ok) return { ok: false, message: parsed.issue.message };
  return { ok: true, normalized: parsed.normalized, words: dateInWords(parsed.date), lunar: parsed.lunar !== undefined };
}

/** The text a date field keeps once left: the MoJ form when it reads as one (27/8/1985 -> 27.08.1985), else as typed (a lunar date is never rewritten). */
export function normalizeDateText(text: string): string {
  if (text.trim() === '') return text;
  const parsed = parsePartialDate(text, { minYear: MIN_YEAR });
  return parsed.ok ? parsed.normalized : text;
}
