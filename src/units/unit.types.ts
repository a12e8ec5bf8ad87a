/**
 * The shapes of administrative units through time. Three schemes of codes:
 * - 'legacy': the GSO coding of 2004, as it stood until 30.06.2025
 *   (63 provinces, ~700 districts, ~10,000 communes; codes 2/3/5 digits);
 * - 'y2025': the two-level system in force from 01.07.2025 (34 provinces,
 *   3,321 communes, no district level); codes reuse the same digit space,
 *   so a code means nothing without its scheme;
 * - 'historic': provinces that ended before the 2004 coding (Hà Sơn Bình,
 *   Nghệ Tĩnh, …), written in the project as facts with their own ids.
 * A unit's id is `${scheme}:${level}:${code}`.
 */

export const UNIT_SCHEMES = ['legacy', 'y2025', 'historic'] as const;
export type UnitScheme = (typeof UNIT_SCHEMES)[number];

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** How a message names a level: "mã xã 00001", "cấp huyện". */
export const UNIT_LEVEL_WORDS = { province: 'tỉnh', district: 'huyện', commune: 'xã' } as const satisfies Record<UnitLevel, string>;

/** The level of a unit's parentCode: district for a legacy commune, province otherwise; none for a province. */
export function parentLevel(unit: { scheme: UnitScheme; level: UnitLevel }): UnitLevel | undefined {
  if (unit.level === 'province') return undefined;
  return unit.scheme === 'legacy' && unit.level === 'commune' ? 'district' : 'province';
}

/** Kinds of unit, with the word that names them in Vietnamese. */
export const UNIT_KINDS = {
  tinh: { level: 'province', word: 'Tỉnh' },
  thanh_pho_tw: { level: 'province', word: 'Thành phố' },
  huyen: { level: 'district', word: 'Huyện' },
  quan: { level: 'district', word: 'Quận' },
  thi_xa: { level: 'district', word: 'Thị xã' },
  thanh_pho_thuoc_tinh: { level: 'district', word: 'Thành phố' },
  thanh_pho_thuoc_tw: { level: 'district', word: 'Thành phố' },
  xa: { level: 'commune', word: 'Xã' },
  phuong: { level: 'commune', word: 'Phường' },
  thi_tran: { level: 'commune', word: 'Thị trấn' },
  dac_khu: { level: 'commune', word: 'Đặc khu' },
} as const satisfies Record<string, { level: UnitLevel; word: string }>;
export type UnitKind = keyof typeof UNIT_KINDS;

/** One unit as read from a list. parentCode is in the same scheme (district for a legacy commune, province for a 2025 commune). */
export interface UnitRecord {
  scheme: UnitScheme;
  level: UnitLevel;
  code: string;
  /** Full official name with its kind word: "Phường Phúc Xá", "Thành phố Hà Nội". */
  name: string;
  kind: UnitKind;
  parentCode?: string;
  /** Partial dates (dd.mm.yyyy | mm.yyyy | yyyy) bounding the unit's existence, when known. */
  validFrom?: string;
  validTo?: string;
}

export interface UnitRef {
  scheme: UnitScheme;
  level: UnitLevel;
  code: string;
}

/** `from` was replaced by `to`; a divided unit has several successors, one of them main. */
export interface SuccessorLink {
  from: UnitRef;
  to: UnitRef;
  main: boolean;
}

/**
 * An older name or abbreviation of a unit. The unit is named either by ref, or
 * by the compact keys of the alias lists (lower-case, no diacritics, no
 * spaces: province "thanhphohochiminh", district "quan3", commune "phuong9"),
 * which the importer resolves against the units it knows.
 */
export interface AliasRecord {
  unit: UnitRef | { level: UnitLevel; provinceKey: string; districtKey?: string; communeKey?: string };
  alias: string;
  source?: string;
  year?: string;
}

/** What one file (or one built-in package) contributes. */
export interface UnitBatch {
  /** Format id, e.g. 'gso-communes', 'units-2025', 'mapping-2025', 'alias-communes'. */
  format: string;
  /** Where it came from: file name or package@version. */
  source: string;
  units: UnitRecord[];
  /**
   * True when the units are only named to make links self-contained (a mapping
   * file): they are added when missing but never change a unit already known,
   * whose name comes from an authoritative list.
   */
  unitsAreReferences?: boolean;
  successors: SuccessorLink[];
  aliases: AliasRecord[];
  /** Vietnamese notes about rows that were read with a doubt (never silently dropped). */
  warnings: string[];
}

export const unitId = (r: UnitRef): string => `${r.scheme}:${r.level}:${r.code}`;
