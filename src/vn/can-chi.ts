/**
 * Can Chi (sexagenary) year names: 10 stems (can) × 12 branches (chi) in a
 * 60-year cycle; 1984 is Giáp Tý. Old books often name the year only this
 * way ("năm Ất Sửu"), which fixes the year up to a multiple of 60.
 * Reading is lenient (search keys: no diacritics, any case) and accepts the
 * usual variants (Kỉ/Kỷ, Tị/Tỵ, Mẹo/Mão, Quí/Quý). Without diacritics "Ty" is
 * both Tý and Tỵ; the stem settles it, since a stem and its branch always
 * have the same parity (Giáp Tý, Ất Tỵ).
 */
import { searchKey } from './search-key.js';

export const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
export const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

const STEM_KEYS: Readonly<Record<string, number>> = {
  giap: 0,
  at: 1,
  binh: 2,
  dinh: 3,
  mau: 4,
  ky: 5,
  ki: 5,
  canh: 6,
  tan: 7,
  nham: 8,
  quy: 9,
  qui: 9,
};
/** Branch keys; 'ty' and 'ti' are settled by the stem's parity (Tý 0, Tỵ 5). */
const BRANCH_KEYS: Readonly<Record<string, readonly number[]>> = {
  ty: [0, 5],
  ti: [5],
  suu: [1],
  dan: [2],
  mao: [3],
  meo: [3],
  thin: [4],
  ngo: [6],
  mui: [7],
  than: [8],
  dau: [9],
  tuat: [10],
  hoi: [11],
};

/** Position 0–59 in the cycle (0 = Giáp Tý) of a year. */
export function canChiIndex(year: number): number {
  return (((year - 4) % 60) + 60) % 60;
}

/** "Ất Sửu" for 1985. */
export function canChiName(indexOrYear: number, isYear = true): string {
  const i = isYear ? canChiIndex(indexOrYear) : indexOrYear;
  return `${STEMS[i % 10]} ${BRANCHES[i % 12]}`;
}

/** The cycle position named by a stem key and a branch key (search-key form), if they form a valid pair. */
export function canChiFromKeys(stemKey: string, branchKey: string): number | undefined {
  const stem = STEM_KEYS[stemKey];
  const branches = BRANCH_KEYS[branchKey];
  if (stem === undefined || !branches) return undefined;
  const branch = branches.find((b) => b % 2 === stem % 2);
  if (branch === undefined) return undefined;
  for (let i = 0; i < 60; i++) if (i % 10 === stem && i % 12 === branch) return i;
  return undefined;
}

/** Reads "Ất Sửu", "at suu", "ẤT SỬU" as a cycle position; undefined otherwise. */
export function parseCanChi(text: string): number | undefined {
  const [stem, branch, ...rest] = searchKey(text).split(' ');
  return rest.length === 0 && stem && branch ? canChiFromKeys(stem, branch) : undefined;
}

/** Every year between from and to (inclusive) with that cycle position. */
export function yearsOfCanChi(index: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from + ((index - canChiIndex(from) + 60) % 60); y <= to; y += 60) out.push(y);
  return out;
}
