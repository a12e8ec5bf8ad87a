/**
 * The link kinds: which persons each compares, its comparisons, the blocking
 * keys that generate its candidate pairs, the training keys that estimate its
 * m probabilities, and hard constraints. Blocking keys are unions (a pair
 * sharing any key is compared once); a key is null when the person lacks
 * what it needs (that person joins no block of that rule).
 * - duplicate: the same registration keyed twice, or re-registered (đăng ký
 *   lại, loaiDangKy 2; or another số/quyển): same register type and role.
 * - death: the registered child (KS nks) ↔ the deceased (KT nkt).
 * - marriage: the registered child ↔ either spouse (KH chong, vo).
 * Corrections (TĐCC ↔ the registration they change) are linked by reference,
 * not by score (reference.ts).
 */
import { CHA, DEM, dateLevel, MISSING, GIOI_TINH, HO, ME, NGAY_SINH, NOI, SO_QUYEN, TEN, type Comparison } from './compare.js';
import type { Person } from './features.js';
import { withinEdits } from './distance.js';

export type LinkKind = 'duplicate' | 'reregistration' | 'death' | 'marriage' | 'correction';
export const LINK_KINDS: readonly LinkKind[] = ['duplicate', 'reregistration', 'death', 'marriage', 'correction'];

export const KIND_LABELS: Readonly<Record<LinkKind, string>> = {
  duplicate: 'Trùng: cùng một lần đăng ký nhập hai lần',
  reregistration: 'Đăng ký lại cùng một sự kiện',
  death: 'Khai sinh ↔ khai tử',
  marriage: 'Khai sinh ↔ kết hôn',
  correction: 'Thay đổi, cải chính ↔ đăng ký gốc',
};

export type BlockKey = (p: Person) => string | null;

export interface KindModel {
  kind: 'duplicate' | 'death' | 'marriage';
  /** Side A persons; side B (undefined: A against itself). */
  sideA: (p: Person) => boolean;
  sideB?: (p: Person) => boolean;
  comparisons: readonly Comparison[];
  blocking: readonly { id: string; key: BlockKey }[];
  /** EM training rules: a blocking key and the comparisons it makes uninformative. */
  training: readonly { id: string; key: BlockKey; excludes: readonly string[] }[];
  /** A reason to reject the pair outright, or null. */
  constraint?: (a: Person, b: Person) => string | null;
  /**
   * One partner per record (a person dies once): a side-A record keeps only
   * the pairs within `a` bits of its best pair, a side-B record those within
   * `b` bits of its best (no `b`: its rivals decided, see `rivals`). Pairs a
   * deterministic rule matched are kept.
   */
  exclusive?: { a: number; b?: number };
  /**
   * A side-B record's candidates are rivals (rivals.ts): a pair is kept on
   * its probability among them, not alone. `samePerson` tells two side-A
   * persons that are one alternative (one person's births keyed twice or
   * re-registered), not rivals.
   */
  rivals?: { samePerson: (x: Person, y: Person) => boolean };
}

const y = (p: Person) => (p.birth ? String(p.birth.year) : null);
const full = (p: Person) => (p.birth?.day !== undefined ? `${p.birth.year}-${p.birth.month}-${p.birth.day}` : null);
const join = (...parts: (string | null | undefined)[]) => (parts.some((s) => s === null || s === undefined || s === '') ? null : parts.join('|'));
const lastWord = (s: string) => s.split(' ').at(-1) ?? '';
const dayMonthSet = (p: Person) => (p.birth?.day !== undefined ? [p.birth.day, p.birth.month].sort().join('/') : null);

const NAME_IDS = ['ten', 'ho', 'dem'];
const DATE_IDS = ['ngaySinh'];

const personKeys = [
  { id: 'tên (đồng âm)+năm sinh', key: (p: Person) => join(p.tenSound, y(p)) },
  { id: 'họ+ngày sinh đủ', key: (p: Person) => join(p.hoCanon, full(p)) },
  { id: 'họ+đệm+năm sinh', key: (p: Person) => join(p.hoCanon, p.dem, y(p)) },
  { id: 'họ tên viết liền+năm sinh', key: (p: Person) => join(p.squash, y(p)) },
  { id: 'họ+năm sinh+nơi', key: (p: Person) => join(p.hoCanon, y(p), p.place) },
  { id: 'họ tên (không kể Thị/Văn)+nơi', key: (p: Person) => join(p.bare, p.place) },
  { id: 'số định danh', key: (p: Person) => join(p.pid.length === 12 ? p.pid : '') },
] as const;

const trainingKeys = [
  { id: 'ngày sinh đủ', key: full, excludes: DATE_IDS },
  { id: 'họ tên (không kể Thị/Văn)', key: (p: Person) => join(p.bare), excludes: [...NAME_IDS, 'gioiTinh'] },
] as const;

const isBirth = (p: Person) => p.registerType === 'KS';

/** Same mother, same day, another given name: twins, not one person keyed twice. */
function twins(a: Person, b: Person): string | null {
  return TEN.compare(a, b) === TEN.levels.length - 1 ? 'tên khác hẳn (có thể là anh chị em sinh đôi)' : null;
}

export const DUPLICATE: KindModel = {
  kind: 'duplicate',
  sideA: (p) => p.registerType === 'KS' || p.registerType === 'KT',
  comparisons: [TEN, HO, DEM, NGAY_SINH, GIOI_TINH, ME, CHA, NOI, SO_QUYEN],
  blocking: [
    { id: 'tên (đồng âm)+năm sinh+tên mẹ', key: (p) => join(p.tenSound, y(p), lastWord(p.mother)) },
    { id: 'họ+ngày sinh đủ', key: (p) => join(p.hoCanon, full(p)) },
    { id: 'tên+ngày sinh', key: (p) => join(p.ten, full(p)) },
    { id: 'tên+năm+ngày/tháng (đảo)', key: (p) => join(p.ten, y(p), dayMonthSet(p)) },
    { id: 'họ+đệm+năm sinh', key: (p) => join(p.registerType, p.hoCanon, p.dem, y(p)) },
    { id: 'họ tên mẹ+năm sinh', key: (p) => join(p.mother, y(p)) },
    { id: 'họ tên viết liền+năm sinh', key: (p) => join(p.squash, y(p)) },
    { id: 'số+quyển+nơi đăng ký', key: (p) => join(p.registerType, p.so, p.quyenSo, p.regPlace) },
    { id: 'KT: tên (đồng âm)+năm sinh', key: (p) => (p.registerType === 'KT' ? join(p.tenSound, y(p)) : null) },
  ],
  training: trainingKeys,
  constraint: twins,
};

/** A mother's name without the sex-marker middle names (Thị, Văn), often dropped when keyed. */
const bareMother = (p: Person) =>
  p.mother
    .split(' ')
    .filter((w) => w !== 'thi' && w !== 'van')
    .join(' ');

/**
 * Two births of one person as keyed: the same số, quyển and place of
 * registration (keyed twice), or birth dates that agree on what both have,
 * given names that sound alike and the same mother as far as keying errors
 * go (twins share the date and the mother, not the given name).
 */
function sameBirth(x: Person, y: Person): boolean {
  if (x.so !== '' && x.so === y.so && x.quyenSo === y.quyenSo && x.regPlace === y.regPlace) return true;
  const date = dateLevel(x.birth, y.birth);
  if (date === MISSING || date > 2 || TEN.compare(x, y) > 3) return false;
  if (x.mother === '' || y.mother === '') return true;
  const [a, b] = [bareMother(x), bareMother(y)];
  return a === b || x.motherSound === y.motherSound || withinEdits(a, b, 1);
}

function lifeSpan(a: Person, b: Person): string | null {
  const [birth, death] = a.registerType === 'KT' ? [b, a] : [a, b];
  if (!birth.birth || death.eventDay === 0) return null;
  const deathYear = Math.floor(death.eventDay / 10000);
  if (deathYear < birth.birth.year) return 'chết trước khi sinh';
  if (deathYear - birth.birth.year > 110) return 'quá 110 tuổi';
  return null;
}

function marriageAge(a: Person, b: Person): string | null {
  const [birth, spouse] = a.registerType === 'KH' ? [b, a] : [a, b];
  if (!birth.birth || spouse.eventDay === 0) return null;
  return Math.floor(spouse.eventDay / 10000) - birth.birth.year < 14 ? 'kết hôn trước 14 tuổi' : null;
}

export const DEATH: KindModel = {
  kind: 'death',
  sideA: isBirth,
  sideB: (p) => p.registerType === 'KT',
  comparisons: [TEN, HO, DEM, NGAY_SINH, GIOI_TINH, NOI],
  blocking: personKeys,
  training: trainingKeys,
  constraint: lifeSpan,
  // a birth has one death: its best (within 1 bit, ×2); a death's births are weighed among themselves (rivals)
  exclusive: { a: 1 },
  // the deceased has one birth (perhaps keyed twice): the births that fit a death compete for it
  rivals: { samePerson: sameBirth },
};

export const MARRIAGE: KindModel = {
  kind: 'marriage',
  sideA: isBirth,
  sideB: (p) => p.registerType === 'KH',
  comparisons: [TEN, HO, DEM, NGAY_SINH, GIOI_TINH, NOI],
  blocking: personKeys,
  training: trainingKeys,
  constraint: marriageAge,
};

export const MODELS: readonly KindModel[] = [DUPLICATE, DEATH, MARRIAGE];
