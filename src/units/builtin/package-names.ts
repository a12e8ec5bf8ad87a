/**
 * Names and kinds of the packages' units, by the naming rule shared with the
 * file formats (../unit-naming.ts: clean name, kind word in official casing,
 * the name's kind word winning over a place type). A package cannot be
 * refused as a file is: a name whose kind cannot be read keeps the level's
 * default kind, flagged `guessed` for the caller to warn.
 */
import { cleanText } from '../../vn/index.js';
import { nameUnit } from '../unit-naming.js';
import { UNIT_KINDS, UNIT_LEVEL_WORDS, type UnitKind, type UnitLevel } from '../unit.types.js';

const FALLBACK_KIND: Record<UnitLevel, UnitKind> = { province: 'tinh', district: 'huyen', commune: 'xa' };

export interface NamedKind {
  name: string;
  kind: UnitKind;
  /** True when no kind word was found and the level's default kind was used. */
  guessed: boolean;
  /** The name's kind word and `kindText` disagree (the name won). */
  doubt?: string;
}

/** Clean name and kind of a package unit; `kindText` is a place type ("Tỉnh", "Thành phố Trung Ương"). */
export function nameAndKind(raw: string, level: UnitLevel, kindText?: string): NamedKind {
  const named = nameUnit({ level, name: raw, type: kindText });
  if (!named.ok) return { name: cleanText(raw), kind: FALLBACK_KIND[level], guessed: true };
  return { name: named.name, kind: named.kind, guessed: false, ...(named.doubt ? { doubt: named.doubt } : {}) };
}

/** "cấp xã 03751": how a warning names a unit's level. */
export const levelLabel = (level: UnitLevel): string => `cấp ${UNIT_LEVEL_WORDS[level]}`;

/** What a caller reports about a name: a guessed kind, a place type the name contradicts. */
export function namingWarnings(level: UnitLevel, code: string, nk: NamedKind): string[] {
  const unit = `Đơn vị ${levelLabel(level)} ${code} "${nk.name}"`;
  return [...(nk.guessed ? [`${unit}: không rõ loại đơn vị, tạm coi là ${UNIT_KINDS[nk.kind].word}.`] : []), ...(nk.doubt ? [`${unit}: ${nk.doubt}`] : [])];
}
