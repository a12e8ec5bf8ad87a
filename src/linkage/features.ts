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
import { soundKey } from './distance.js';

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
  /** The given name with its diacritics (last word of nameKeys' tone form). */
  tenTone: string;
  /** soundKey of ten, dem, mother, father (distance.ts). */
  tenSound: string;
  demSound: string;
  motherSound: string;
  fatherSound: string;
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
  /** TĐCC: the register type of the original, read from tenGiayToHoTich ('KS' for "Giấy khai sinh"), '' when unsaid. */
  refType: string;
  /** Event date (death date for KT, registration date else), ISO-comparable number yyyymmdd or 0. */
  eventDay: number;
}

export interface NameParts {
  tenTone: string;
  tenSound: string;
  demSound: string;
  fold: string;
  tone: string;
  ho: string;
  hoCanon: string;
  dem: string;
  ten: string;
  bare: string;
  squash: string;
}

/** Names repeat (Nguyễn Văn Hùng, the same commune): keys are cached per run, bounded. */
const CACHE_MAX = 200_000;
const partsCache = new Map<string, NameParts>();
const foldCache = new Map<string, string>();

function cached<T>(cache: Map<string, T>, key: string, make: (k: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, (v = make(key)));
  }
  return v;
}

/**
 * Values from small vocabularies (name words and their sound keys, units,
 * book numbers, dates) are shared by every person holding them: a province
 * of a million persons keeps one "Nguyễn", not one per person. Bounded like
 * the caches above.
 */
const INTERN_MAX = 500_000;
const pool = new Map<string, string>();
const datePool = new Map<string, PartialDate>();

export function intern(s: string): string {
  if (s === '') return '';
  const v = pool.get(s);
  if (v !== undefined) return v;
  if (pool.size >= INTERN_MAX) pool.clear();
  pool.set(s, s);
  return s;
}

function sharedDate(d: PartialDate | undefined): PartialDate | undefined {
  if (!d) return undefined;
  const k = `${dayNumber(d)}|${d.precision}`;
  const v = datePool.get(k);
  if (v !== undefined) return v;
  if (datePool.size >= INTERN_MAX) datePool.clear();
  datePool.set(k, d);
  return d;
}

export function nameParts(name: string): NameParts {
  return cached(partsCache, name, computeParts);
}

function computeParts(name: string): NameParts {
  const k = nameKeys(name);
  const words = k.fold === '' ? [] : k.fold.split(' ');
  const middle = words.slice(1, -1).filter((w) => !MARKERS.has(w));
  const bare = [words[0], ...middle, words.length > 1 ? words.at(-1) : undefined].filter((w): w is string => !!w).join(' ');
  const dem = middle.join(' ');
  return {
    fold: k.fold,
    tone: k.tone,
    ho: intern(k.ho),
    hoCanon: intern(HO_CANON[k.ho] ?? k.ho),
    dem: intern(dem),
    ten: intern(k.ten),
    bare,
    squash: k.fold.replace(/ /g, ''),
    tenTone: intern(k.tone.split(' ').at(-1) ?? ''),
    tenSound: intern(soundKey(k.ten)),
    demSound: intern(soundKey(dem)),
  };
}

/** nameKeys' fold (searchKey) without the tone form nameKeys also computes. */
const fold = (s: string | undefined) => cached(foldCache, s ?? '', searchKey);

function refTypeOf(paper: string): string {
  if (paper.includes('khai sinh')) return 'KS';
  if (paper.includes('khai tu')) return 'KT';
  if (paper.includes('ket hon')) return 'KH';
  return '';
}

/** yyyymmdd of a partial date (missing parts as 0), 0 when absent. */
export function dayNumber(d: PartialDate | undefined): number {
  return d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : 0;
}

const keySets = new Map<string, Set<string> | null>();
function templateKeys(type: string): Set<string> | null {
  let k = keySets.get(type);
  if (k === undefined) {
    const t = findTemplate(type);
    keySets.set(type, (k = t ? new Set(t.fields.map((f) => f.key)) : null));
  }
  return k;
}

/** The linkable persons of one registration (empty for a register type linkage does not read). */
export function personsOf(r: LinkRecord, startIdx = 0): Person[] {
  const roles = SUBJECT_ROLES[r.registerType];
  const keys = templateKeys(r.registerType);
  if (!roles || !keys) return [];
  const v = r.values;
  const has = (key: string) => keys.has(key);
  const out: Person[] = [];
  for (const role of roles) {
    const name = v[`${role}HoTen`] ?? '';
    const parts = nameParts(name);
    if (parts.fold === '') continue;
    const mother = role === 'nks' ? fold(v.meHoTen) : '';
    const father = role === 'nks' ? fold(v.chaHoTen) : '';
    const pidKey = has(`${role}SoDinhDanh`) ? `${role}SoDinhDanh` : `${role}SoDinhDanhCaNhan`;
    const placeKey = role === 'nks' ? 'nksNoiSinh' : `${role}NoiCuTru`;
    const eventKey = r.registerType === 'KT' ? 'nktNgayChet' : 'ngayDangKy';
    out.push({
      idx: startIdx + out.length,
      recordId: r.id,
      registerType: r.registerType,
      role,
      unit: intern(r.unit),
      ...parts,
      birth: has(`${role}NgaySinh`) ? sharedDate(readDate(v, `${role}NgaySinh`)) : undefined,
      sex: intern((v[`${role}GioiTinh`] ?? (role === 'chong' ? '1' : role === 'vo' ? '2' : '')).trim()),
      mother,
      father,
      motherSound: cached(foldCache, `~${mother}`, () => soundKey(mother)),
      fatherSound: cached(foldCache, `~${father}`, () => soundKey(father)),
      place: fold(v[placeKey]),
      so: intern((v.so ?? '').trim()),
      quyenSo: intern((v.quyenSo ?? '').trim()),
      regPlace: fold(v.noiDangKy),
      regDate: intern((v.ngayDangKy ?? '').trim()),
      loaiDangKy: intern((v.loaiDangKy ?? '').trim()),
      pid: (v[pidKey] ?? '').replace(/\D/g, ''),
      ref: r.registerType === 'TDCC' && v.soDangKyHSGoc ? [v.soDangKyHSGoc.trim(), (v.quyenDangKyHSGoc ?? '').trim(), fold(v.noiDangKyHSGoc)].join('|') : '',
      refType: r.registerType === 'TDCC' ? refTypeOf(fold(v.tenGiayToHoTich)) : '',
      eventDay: has(eventKey) ? dayNumber(readDate(v, eventKey)) : 0,
    });
  }
  return out;
}
