/**
 * The comparisons of the probabilistic score: for a pair of persons each
 * gives a level (0 = the strongest agreement … last = disagreement) or
 * MISSING when one side lacks the field (missing is neutral: weight 0, as
 * EXTRACTS-LINKAGE §2.1 asks, "absent ⇒ neutral"). Labels are what the
 * reviewer reads in the explanation. `tf` names the value whose frequency
 * adjusts the weight of the first `tfLevels` levels (common names weigh less).
 */
import type { PartialDate } from '../vn/index.js';
import { withinEdits } from './distance.js';
import type { Person } from './features.js';

export const MISSING = -1;

export interface Comparison {
  id: string;
  /** Vietnamese field label. */
  label: string;
  /** Vietnamese level labels, strongest agreement first; the last is the disagreement. */
  levels: readonly string[];
  compare(a: Person, b: Person): number;
  /** Term-frequency value and how many leading levels it adjusts. */
  tf?: { value: (p: Person) => string; levels: number };
}

function nameLevel(a: string, b: string, sa: string, sb: string): number {
  if (a === '' || b === '') return MISSING;
  if (a === b) return 0;
  if (sa === sb || withinEdits(a, b, 1)) return 1;
  return 2;
}

export const TEN: Comparison = {
  id: 'ten',
  label: 'Tên',
  levels: ['giống hệt', 'chỉ khác vị trí dấu hoặc dấu', 'lẫn phụ âm, i/y', 'sai một chữ cái', 'khác'],
  compare(a, b) {
    if (a.ten === '' || b.ten === '') return MISSING;
    if (a.squash === b.squash && a.fold !== b.fold) return 0; // "Ma-ri-a" / "Maria": the same letters, split differently
    if (a.ten === b.ten) return a.tenTone === b.tenTone ? 0 : 1;
    if (a.tenSound === b.tenSound) return 2;
    return withinEdits(a.ten, b.ten, 1) ? 3 : 4;
  },
  tf: { value: (p) => p.ten, levels: 2 },
};

export const HO: Comparison = {
  id: 'ho',
  label: 'Họ',
  levels: ['giống', 'biến thể cùng họ (Huỳnh/Hoàng, Võ/Vũ)', 'sai một chữ cái', 'khác'],
  compare(a, b) {
    if (a.ho === '' || b.ho === '') return MISSING;
    if (a.squash === b.squash) return 0;
    if (a.ho === b.ho) return 0;
    if (a.hoCanon === b.hoCanon) return 1;
    return withinEdits(a.ho, b.ho, 1) ? 2 : 3;
  },
  tf: { value: (p) => p.hoCanon, levels: 2 },
};

export const DEM: Comparison = {
  id: 'dem',
  label: 'Chữ đệm',
  levels: ['giống (không kể Thị/Văn)', 'thiếu chữ đệm ở một bên', 'gần giống', 'khác'],
  compare(a, b) {
    if (a.squash === b.squash || a.dem === b.dem) return 0;
    if (a.dem === '' || b.dem === '') return 1;
    const wa = a.dem.split(' ');
    const wb = b.dem.split(' ');
    if (wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w))) return 1;
    return a.demSound === b.demSound || withinEdits(a.dem, b.dem, 1) ? 2 : 3;
  },
  // "Phương" agreeing says more than two names without a middle word besides Thị/Văn ('' is not counted: its table weight)
  tf: { value: (p) => p.dem, levels: 1 },
};

/** Levels of two partial dates: exact, day/month swapped, agree on what both have, same year, one year apart, else. */
export function dateLevel(x: PartialDate | undefined, y: PartialDate | undefined): number {
  if (!x || !y) return MISSING;
  if (x.year === y.year && x.month === y.month && x.day === y.day) return x.day !== undefined ? 0 : 2;
  if (x.year === y.year && x.day !== undefined && y.day !== undefined && x.day === y.month && x.month === y.day) return 1;
  if (x.year === y.year && (x.month === undefined || y.month === undefined || (x.month === y.month && (x.day === undefined || y.day === undefined)))) return 2;
  if (x.year === y.year) return 3;
  if (Math.abs(x.year - y.year) === 1 && x.month === y.month && x.day === y.day) return 4;
  return Math.abs(x.year - y.year) === 1 ? 5 : 6;
}

export const NGAY_SINH: Comparison = {
  id: 'ngaySinh',
  label: 'Ngày sinh',
  levels: ['trùng ngày', 'đảo ngày và tháng', 'khớp phần đã ghi (ngày/tháng thiếu)', 'cùng năm, khác ngày', 'lệch đúng một năm', 'lệch một năm, khác ngày', 'khác'],
  compare: (a, b) => dateLevel(a.birth, b.birth),
};

export const GIOI_TINH: Comparison = {
  id: 'gioiTinh',
  label: 'Giới tính',
  levels: ['cùng', 'khác'],
  compare(a, b) {
    if (!['1', '2'].includes(a.sex) || !['1', '2'].includes(b.sex)) return MISSING;
    return a.sex === b.sex ? 0 : 1;
  },
};

export const ME: Comparison = { id: 'meHoTen', label: 'Họ tên mẹ', levels: ['giống', 'gần giống', 'khác'], compare: (a, b) => nameLevel(a.mother, b.mother, a.motherSound, b.motherSound) };
export const CHA: Comparison = { id: 'chaHoTen', label: 'Họ tên cha', levels: ['giống', 'gần giống', 'khác'], compare: (a, b) => nameLevel(a.father, b.father, a.fatherSound, b.fatherSound) };

export const NOI: Comparison = {
  id: 'noi',
  label: 'Nơi sinh / nơi cư trú',
  levels: ['cùng nơi', 'khác'],
  compare(a, b) {
    if (a.place === '' || b.place === '') return MISSING;
    return a.place === b.place || a.place.endsWith(b.place) || b.place.endsWith(a.place) ? 0 : 1;
  },
};

export const SO_QUYEN: Comparison = {
  id: 'soQuyen',
  label: 'Số, quyển, nơi đăng ký',
  levels: ['cùng số, quyển và nơi đăng ký', 'khác'],
  compare(a, b) {
    if (a.so === '' || b.so === '') return MISSING;
    return a.so === b.so && a.quyenSo === b.quyenSo && a.regPlace === b.regPlace ? 0 : 1;
  },
};
