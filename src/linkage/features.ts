/**
 * The comparable features of one person in one registration. PURE. A
 * registration (its register type and catalog values) gives one Person per
 * linkable role: the registered child (nks), the deceased (nkt), each spouse
 * (chong, vo), the person whose status changed (ntd). Field keys come from
 * the register catalog (src/registers): `<prefix>HoTen`, `<prefix>NgaySinh`,
 * `<prefix>GioiTinh`…; names are keyed by src/vn nameKeys (the normalization
 * search and QC use), dates read by registers readDate. Nothing here
 * normalizes a name a second way: `bare` only drops the sex-marker middle
 * names (Thị, Văn) from nameKeys' folded words, `squash` only drops spaces.
 */
import { findTemplate, readDate } from '../registers/index.js';
import { nameKeys, searchKey, type PartialDate } from '../vn/index.js';

/** What linkage reads of a registration. */
export interface LinkRecord {
  id: string;
  registerType: string;
  values: Readonly<Record<string, string>>;
  /** Admin unit (commune code) that holds the book; scope and place comparison. */
  unit: string;
}

/** The roles whose person is the subject of a registration, per register type. */
export const SUBJECT_ROLES: Readonly<Record<string, readonly string[]>> = {
  KS: ['nks'],
  KT: ['nkt'],
  KH: ['chong', 'vo'],
  TDCC: ['ntd'],
};

/** Middle names that mark sex and are often dropped (EXTRACTS-LINKAGE §2.3). */
const MARKERS = new Set(['thi', 'van']);

/** Family-name variants that are the same lineage name (Huỳnh/Hoàng, Võ/Vũ…), folded. */
const HO_CANON: Readonly<Record<string, string>> = { huynh: 'hoang', vo: 'vu', ly: 'li' };

export interface Person {
  /** Index in the feature table. */
  idx: number;
  recordId: string;
  registerType: string;
  role: string;
  unit: string;
  /** normalizeName lower case (diacritics kept). */
  tone: string;
  fold: string;
  ho: string;
  hoCanon: string;
  /** Middle words without Thị/Văn. */
  dem: string;
  ten: string;
  /** Folded name without Thị/Văn. */
  bare: string;
  /** Folded name without any space ("ma ri a" = "maria"). */
  squash: string;
  birth: PartialDate | undefined;
  sex: string;
  mother: string;
  father: string;
  /** Folded place of birth (KS) or residence (others). */
  place: string;
  so: string;
  quyenSo: string;
  regPlace: string;
  regDate: string;
  loaiDangKy: string;
  pid: string;
  /** TĐCC: the original registration it changes, "số|quyển|nơi" folded; '' else. */
  ref: string;
  /** Event date (death date for KT, registration date else), ISO-comparable number yyyymmdd or 0. */
  eventDay: number;
}

export interface NameParts {
  fold: string;
  tone: string;
  ho: string;
  hoCanon: string;
  dem: string;
  ten: string;
  bare: string;
  squash: string;
}

export function nameParts(name: string): NameParts {
  const k = nameKeys(name);
  const words = k.fold === '' ? [] : k.fold.split(' ');
  const middle = words.slice(1, -1).filter((w) => !MARKERS.has(w));
  const bare = [words[0], ...middle, words.length > 1 ? words.at(-1) : undefined].filter((w): w is string => !!w).join(' ');
  return { fold: k.fold, tone: k.tone, ho: k.ho, hoCanon: HO_CANON[k.ho] ?? k.ho, dem: middle.join(' '), ten: k.ten, bare, squash: k.fold.replace(/ /g, '') };
}

/** nameKeys' fold (searchKey) without the tone form nameKeys also computes. */
const fold = (s: string | undefined) => searchKey(s ?? '');

/** yyyymmdd of a partial date (missing parts as 0), 0 when absent. */
export function dayNumber(d: PartialDate | undefined): number {
  return d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : 0;
}

/** The linkable persons of one registration (empty for a register type linkage does not read). */
export function personsOf(r: LinkRecord, startIdx = 0): Person[] {
  const roles = SUBJECT_ROLES[r.registerType];
  const template = findTemplate(r.registerType);
  if (!roles || !template) return [];
  const v = r.values;
  const has = (key: string) => template.fields.some((f) => f.key === key);
  const out: Person[] = [];
  for (const role of roles) {
    const name = v[`${role}HoTen`] ?? '';
    const parts = nameParts(name);
    if (parts.fold === '') continue;
    const pidKey = has(`${role}SoDinhDanh`) ? `${role}SoDinhDanh` : `${role}SoDinhDanhCaNhan`;
    const placeKey = role === 'nks' ? 'nksNoiSinh' : `${role}NoiCuTru`;
    const eventKey = r.registerType === 'KT' ? 'nktNgayChet' : 'ngayDangKy';
    out.push({
      idx: startIdx + out.length,
      recordId: r.id,
      registerType: r.registerType,
      role,
      unit: r.unit,
      ...parts,
      birth: has(`${role}NgaySinh`) ? readDate(v, `${role}NgaySinh`) : undefined,
      sex: (v[`${role}GioiTinh`] ?? (role === 'chong' ? '1' : role === 'vo' ? '2' : '')).trim(),
      mother: role === 'nks' ? fold(v.meHoTen) : '',
      father: role === 'nks' ? fold(v.chaHoTen) : '',
      place: fold(v[placeKey]),
      so: (v.so ?? '').trim(),
      quyenSo: (v.quyenSo ?? '').trim(),
      regPlace: fold(v.noiDangKy),
      regDate: (v.ngayDangKy ?? '').trim(),
      loaiDangKy: (v.loaiDangKy ?? '').trim(),
      pid: (v[pidKey] ?? '').replace(/\D/g, ''),
      ref: r.registerType === 'TDCC' && v.soDangKyHSGoc ? [v.soDangKyHSGoc.trim(), (v.quyenDangKyHSGoc ?? '').trim(), fold(v.noiDangKyHSGoc)].join('|') : '',
      eventDay: has(eventKey) ? dayNumber(readDate(v, eventKey)) : 0,
    });
  }
  return out;
}
