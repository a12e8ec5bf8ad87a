/**
 * A date field as keyed: the register's forms (dd.mm.yyyy, mm.yyyy, yyyy and
 * what keyers type for them, partial-date.ts) or a lunar date as old books
 * write it (lunar-date.ts). The text itself is never rewritten: a lunar date
 * comes back with its solar equivalent (`normalized`) and the INFO that
 * names both, for the keyer and the export.
 */
import type { VnIssue } from './finding.js';
import { parseLunarDate, type LunarCandidate, type LunarYearHint } from './lunar-date.js';
import { parsePartialDate, type ParseDateOptions, type PartialDate } from './partial-date.js';

export interface DateTextOptions extends ParseDateOptions {
  /** Years a Can Chi year without digits most likely means (the register's year). */
  lunarHint?: LunarYearHint;
}

export type DateTextResult = { ok: true; date: PartialDate; normalized: string; lunar?: { issue: VnIssue; lunarYear: number } } | { ok: false; issue: VnIssue; candidates?: LunarCandidate[] };

export function parseDateText(input: string, opts: DateTextOptions = {}): DateTextResult {
  const solar = parsePartialDate(input, opts);
  if (solar.ok || solar.issue.code !== 'date.unparsable') return solar;
  const lunar = parseLunarDate(input, { ...opts, ...(opts.lunarHint ? { hint: opts.lunarHint } : {}) });
  if (!lunar) return solar;
  if (!lunar.ok) return lunar;
  return { ok: true, date: lunar.date, normalized: lunar.normalized, lunar: { issue: lunar.issue, lunarYear: lunar.lunarYear } };
}
