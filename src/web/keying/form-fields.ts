/**
 * Helpers over the form description that are not rules: the fields the keyer
 * types (Tab order), a code's label, copy-forward. The rules themselves
 * (required, must stay empty, how a date reads, every finding) come from
 * registers/, the same code the server validates with (useFindings.ts,
 * RecordForm.tsx).
 */
import type { FormDescription, FormField, Values } from './keying.api.js';

/** Every field the keyer types, in template column order (Tab order). */
export function keyedFields(form: FormDescription): FormField[] {
  return form.groups.flatMap((g) => g.fields).filter((f) => f.widget !== 'none');
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
