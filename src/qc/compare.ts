/**
 * Field-by-field comparison of two keying passes. PURE.
 * Normalization can hide no real difference: Unicode NFC, whitespace
 * (trimmed, runs collapsed to one space) and the placement of the tone mark
 * (hoà = hòa): src/vn normalizeName, the same normalization search uses.
 * Anything else — a missing diacritic, a different letter, case — is a
 * disagreement. An absent value
 * is ''. A field is compared when either pass has it non-empty.
 */
import { normalizeName } from '../vn/index.js';

/** The comparison form of a value (never stored; the registration keeps pass A's text, NFC and trimmed). */
export function comparable(v: string | undefined): string {
  return normalizeName(v ?? '');
}

/** The text a registration takes from a pass: NFC, whitespace tidied, tone marks as keyed. */
export const tidy = (v: string | undefined): string => (v ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();

export interface Disagreement {
  fieldKey: string;
  valueA: string;
  valueB: string;
}

export interface Comparison {
  /** Fields both passes hold the same (after normalization), with pass A's text. */
  agreed: Record<string, string>;
  disagreements: Disagreement[];
  /** Every field compared (non-empty in at least one pass), in `keys` order. */
  fields: string[];
}

/** Compares `keys` (template order) of two passes' values. */
export function comparePasses(keys: readonly string[], a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): Comparison {
  const out: Comparison = { agreed: {}, disagreements: [], fields: [] };
  for (const key of keys) {
    const va = tidy(a[key]);
    const vb = tidy(b[key]);
    if (va === '' && vb === '') continue;
    out.fields.push(key);
    if (comparable(va) === comparable(vb)) out.agreed[key] = va;
    else out.disagreements.push({ fieldKey: key, valueA: va, valueB: vb });
  }
  return out;
}

/** Which pass a decided value matches: 'A', 'B' or 'other' (a third value). A wins when both match (cannot happen for a real disagreement). */
export function choiceOf(decided: string, valueA: string, valueB: string): 'A' | 'B' | 'other' {
  if (comparable(decided) === comparable(valueA)) return 'A';
  if (comparable(decided) === comparable(valueB)) return 'B';
  return 'other';
}

/**
 * The stable, anonymous order in which an arbitrator sees the two values: a
 * function of the disagreement's id only, so "first" does not mean A, and the
 * same disagreement always shows the same order.
 */
export function aShownFirst(disagreementId: string): boolean {
  let h = 2166136261;
  for (const ch of `qc-order:${disagreementId}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h & 1) === 0;
}
