/**
 * Facts about the demo's place: four real communes of huyện Đại Từ (Thái
 * Nguyên) with their legacy GSO codes (checked against the GSO list of
 * 18.07.2025 in demo-place.test.ts), and the province's name through time:
 * Đại Từ belonged to Bắc Thái from 1965 until Thái Nguyên was re-established
 * on 01.01.1997. Books keep the authority text as written in their year.
 * The ethnic mix and the minority family names are approximate (Đại Từ is
 * mostly Kinh, with Tày, Nùng, Sán Dìu, Dao and Sán Chay communities).
 */
import type { FamilyNameShare } from './name-frequencies.js';

export interface DemoCommune {
  /** Legacy GSO commune code (until 30.06.2025). */
  code: string;
  name: string;
}

export const DEMO_DISTRICT = { code: '171', name: 'Đại Từ', kind: 'huyện' } as const;
export const DEMO_PROVINCE = { code: '19', name: 'Thái Nguyên' } as const;

export const DEMO_COMMUNES = {
  laBang: { code: '05815', name: 'La Bằng' },
  hoangNong: { code: '05818', name: 'Hoàng Nông' },
  phuXuyen: { code: '05797', name: 'Phú Xuyên' },
  cuVan: { code: '05809', name: 'Cù Vân' },
} as const satisfies Record<string, DemoCommune>;

/** The province as written in a given year: Bắc Thái until 31.12.1996. */
export function provinceNameIn(year: number): string {
  return year < 1997 ? 'Bắc Thái' : DEMO_PROVINCE.name;
}

/** "xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái" */
export function communePlace(c: DemoCommune, year: number): string {
  return `xã ${c.name}, huyện ${DEMO_DISTRICT.name}, tỉnh ${provinceNameIn(year)}`;
}

/** The registration authority as written in the book: "UBND xã …, huyện …, tỉnh …". */
export function authorityText(c: DemoCommune, year: number): string {
  return `UBND ${communePlace(c, year)}`;
}

/** Hometowns of families who moved to the district (real districts of Thái Bình, unchanged since 1969). */
export const MIGRANT_HOMETOWNS = ['huyện Vũ Thư, tỉnh Thái Bình', 'huyện Kiến Xương, tỉnh Thái Bình', 'huyện Đông Hưng, tỉnh Thái Bình'] as const;

/** Approximate ethnic mix of the district's births (percent). */
export const ETHNIC_MIX: readonly (readonly [string, number])[] = [
  ['Kinh', 73],
  ['Tày', 8],
  ['Sán Dìu', 7],
  ['Nùng', 5],
  ['Dao', 4],
  ['Sán Chay', 3],
];

/** Family names common in each minority group of the area (equal weights; approximate). */
export const MINORITY_FAMILY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Tày: ['Hoàng', 'Nông', 'Ma', 'Lục', 'Hà', 'Đàm', 'Lương'],
  Nùng: ['Hoàng', 'Nông', 'Lăng', 'Vi', 'Lương'],
  'Sán Dìu': ['Diệp', 'Lâm', 'Trương', 'Dương', 'Tạ'],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng'],
  'Sán Chay': ['La', 'Hoàng', 'Lưu'],
};

/** The family-name table of a minority group, in the shape of FAMILY_NAMES. */
export function minorityFamilyNames(ethnicity: string): readonly FamilyNameShare[] | undefined {
  return MINORITY_FAMILY_NAMES[ethnicity]?.map((name) => [name, 1] as const);
}
