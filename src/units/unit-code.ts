/**
 * Unit codes are text with a fixed width (province 2 digits, district 3,
 * commune 5), in every scheme. Lists lose the zeros when a spreadsheet stores
 * codes as numbers ("1") or a data tool writes them as floats ("1.0"): both
 * are integers and get their padding back. Anything else ("1.5", "12a",
 * "123456" for a province) is refused with the reason, in Vietnamese.
 * Used by the file formats (which refuse a bad code) and the built-in
 * packages (which keep it as written; their tests check every code).
 */
import type { UnitLevel } from './unit.types.js';

export const CODE_WIDTH = { province: 2, district: 3, commune: 5 } as const satisfies Record<UnitLevel, number>;

export type CodeResult = { ok: true; code: string } | { ok: false; reason: string };

const INTEGER_RE = /^(\d+)(?:\.0*)?$/;

export function padCode(raw: string, width: number): CodeResult {
  const text = raw.trim();
  const digits = INTEGER_RE.exec(text)?.[1];
  if (digits === undefined) {
    return { ok: false, reason: `mã "${text}" không phải số nguyên không âm` };
  }
  const bare = digits.replace(/^0+(?=\d)/, '');
  if (bare.length > width) {
    return { ok: false, reason: `mã "${text}" dài hơn ${width} chữ số` };
  }
  return { ok: true, code: bare.padStart(width, '0') };
}

/** The padded code, or the text trimmed when padCode refuses it ('' stays ''). */
export function padCodeOrKeep(raw: string, width: number): string {
  const result = padCode(raw, width);
  return result.ok ? result.code : raw.trim();
}
