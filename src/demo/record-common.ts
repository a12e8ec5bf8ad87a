/**
 * What every generated registration shares: the header block (số, quyển,
 * trang, ngày đăng ký, nơi đăng ký, người ký, người thực hiện), the book's
 * officials, and identity-card numbers. Values are MoJ column keys to the
 * text as the book would show it (NFC), empty fields left out.
 */
import { addDays, dmy, randomDay } from './demo-dates.js';
import type { DemoCommune } from './demo-place.js';
import { newPerson, type DemoPerson } from './people.js';
import type { Rng } from './prng.js';

export type Values = Record<string, string>;

export interface Officials {
  chair: DemoPerson;
  viceChair: DemoPerson;
  registrar: DemoPerson;
}

/** What a record generator knows about its book. */
export interface BookContext {
  commune: DemoCommune;
  year: number;
  quyenSo: string;
  authority: string;
  officials: Officials;
}

/** One registration's place in the book. */
export interface Slot {
  no: number;
  page: number;
  date: Date;
}

export function officialsOf(rng: Rng, year: number): Officials {
  const adult = (sex: 'male' | 'female') => newPerson(rng, { sex, bornFrom: new Date(Date.UTC(year - 58, 0, 1)), bornTo: new Date(Date.UTC(year - 30, 11, 31)), ethnicity: 'Kinh' });
  return { chair: adult('male'), viceChair: adult(rng.chance(0.3) ? 'female' : 'male'), registrar: adult(rng.chance(0.6) ? 'female' : 'male') };
}

export function headerValues(rng: Rng, book: BookContext, slot: Slot, loaiDangKy: string): Values {
  const vice = rng.chance(0.15);
  return {
    so: String(slot.no),
    quyenSo: book.quyenSo,
    trangSo: String(slot.page),
    ngayDangKy: dmy(slot.date),
    loaiDangKy,
    noiDangKy: book.authority,
    nguoiKy: (vice ? book.officials.viceChair : book.officials.chair).name,
    chucVuNguoiKy: vice ? 'Phó Chủ tịch UBND' : 'Chủ tịch UBND',
    nguoiThucHien: book.officials.registrar.name,
  };
}

/** A 9-digit identity card number (CMND); synthetic, with the 09 prefix of the area's cards. */
export function cmnd(rng: Rng): string {
  return `09${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** The police office that issued a CMND in a given year (the province's name changed on 01.01.1997). */
export function cmndIssuer(issued: Date): string {
  return issued.getUTCFullYear() < 1997 ? 'Công an tỉnh Bắc Thái' : 'Công an tỉnh Thái Nguyên';
}

/** The cards of this kind were issued from about 1980 on (earlier issue dates would be anachronisms). */
const FIRST_CMND = new Date(Date.UTC(1980, 0, 1));

/** An issue date for an adult's CMND: from age 16 and from 1980, to the day before `before`. */
export function cmndIssued(rng: Rng, birth: Date, before: Date): Date {
  const at16 = new Date(Date.UTC(birth.getUTCFullYear() + 16, birth.getUTCMonth(), birth.getUTCDate()));
  const from = at16 > FIRST_CMND ? at16 : FIRST_CMND;
  return from < before ? randomDay(rng, from, addDays(before, -1)) : addDays(before, -1);
}

/** Drops empty values, so a record only carries what the book shows. */
export function compact(values: Readonly<Record<string, string | undefined>>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') out[k] = v.normalize('NFC');
  return out;
}

/** `count` registration days in order, spread over [from, to]. */
export function registrationDays(rng: Rng, count: number, from: Date, to: Date): Date[] {
  return Array.from({ length: count }, () => randomDay(rng, from, to)).sort((a, b) => a.getTime() - b.getTime());
}
