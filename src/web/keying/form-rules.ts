/**
 * The form's rules evaluated in the browser, from the form description alone:
 * when a field is required, when it must stay empty, the date hint (the
 * normalized MoJ form and the date in words, from src/vn's pure helpers; for
 * a lunar date, its solar day, the keyed text staying as written), and the
 * fields in column order. The server's validator stays the authority.
 */
import { dateInWords, parseDateText, parsePartialDate } from '../../vn/index.js';
import type { Condition, FormDescription, FormField, Values } from './keying.api.js';

const holds = (c: Condition, values: Values): boolean => c.in.includes((values[c.field] ?? '').trim());

export function isRequired(field: FormField, values: Values): boolean {
  const r = field.required;
  if (r === 'always') return true;
  if (r === 'optional') return false;
  return 'when' in r ? holds(r.when, values) : !holds(r.unless, values);
}

export function mustBeEmpty(field: FormField, values: Values): boolean {
  return field.emptyWhen !== undefined && holds(field.emptyWhen, values);
}

/** Every field the keyer types, in template column order (Tab order). */
export function keyedFields(form: FormDescription): FormField[] {
  return form.groups.flatMap((g) => g.fields).filter((f) => f.widget !== 'none');
}

export type DateHint = { ok: true; normalized: string; words: string; lunar: boolean } | { ok: false; message: string };

/** What a date as typed means: 27081985 -> 27.08.1985 + words; a lunar date -> its solar day; undefined while empty. */
export function dateHint(text: string): DateHint | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseDateText(text);
  if (!parsed.ok) return { ok: false, message: parsed.issue.message };
  return { ok: true, normalized: parsed.normalized, words: dateInWords(parsed.date), lunar: parsed.lunar !== undefined };
}

/** The value a date field keeps when the keyer leaves it: the MoJ form when it parses as one, else as typed (a lunar date is never rewritten). */
export function normalizeDate(text: string): string {
  if (text.trim() === '') return text;
  const parsed = parsePartialDate(text);
  return parsed.ok ? parsed.normalized : text;
}

/** "1 – Nam" for a code of the list; the code alone flagged when the list lacks it. */
export function optionLabel(field: FormField, code: string): string {
  const o = field.options?.find((x) => x.code === code);
  return o ? `${o.code} – ${o.label}` : `${code} (không có trong danh mục)`;
}

/** Ctrl+D: the copy-forward fields (date, authority, signer, quyển…) of the previous record that are empty here. */
export function copyForwardValues(fields: readonly FormField[], current: Values, previous: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    const prev = previous[f.key] ?? '';
    if (f.copyForward && prev !== '' && (current[f.key] ?? '').trim() === '') out[f.key] = prev;
  }
  return out;
}
