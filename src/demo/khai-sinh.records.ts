/**
 * Synthetic birth registrations (KS-70) that the catalog accepts: a child
 * registered 3–55 days after birth (loaiDangKy 1) or, now and then, months or
 * years late (loaiDangKy 4); a mother, and a father except in about 6 % of
 * entries (nksLoaiKhaiSinh 3, father's block empty); the child takes the
 * father's family name (the mother's without one); the date in words agrees
 * with the date. Old books give parents' birth years only and no ID papers.
 */
import { BIRTH_DEADLINES, eraOn } from '../registers/index.js';
import { addDays, daysFrom, dmy, inWords, toPartial, yearOf } from './demo-dates.js';
import { communePlace, DEMO_DISTRICT, ETHNIC_MIX, MIGRANT_HOMETOWNS, provinceNameIn } from './demo-place.js';
import { newPerson, sexCode, type DemoPerson } from './people.js';
import type { Rng } from './prng.js';
import { cmnd, compact, headerValues, type BookContext, type Slot, type Values } from './record-common.js';

/** Days to register a birth on time on a date: the era's deadline (registers BIRTH_DEADLINES; 30 before 04.2006, 60 since). */
const onTimeDays = (date: Date): number => eraOn(BIRTH_DEADLINES, toPartial(date))?.days ?? 60;
/** An on-time delay drawn as 3–55 days, folded into the deadline where that is shorter (the draw itself stays the same). */
const withinDeadline = (drawn: number, deadline: number): number => (drawn < deadline ? drawn : 3 + (drawn % (deadline - 3)));
const YEAR_DAYS = 365.25;
const yearsBefore = (date: Date, years: number): Date => addDays(date, -Math.round(years * YEAR_DAYS));

function birthPlace(rng: Rng, book: BookContext): Values {
  const commune = `xã ${book.commune.name}`;
  const modern = book.year >= 2000;
  const place = rng.weighted([
    [`Trạm y tế ${commune}`, modern ? 45 : 50],
    [`Bệnh viện huyện ${DEMO_DISTRICT.name}`, modern ? 40 : 15],
    ['Bệnh viện Đa khoa Trung ương Thái Nguyên', modern ? 10 : 0],
    [`Tại nhà, ${commune}`, modern ? 5 : 35],
  ]);
  const city = place.includes('Trung ương');
  const unit = city ? 'thành phố Thái Nguyên, tỉnh Thái Nguyên' : `huyện ${DEMO_DISTRICT.name}, tỉnh ${provinceNameIn(book.year)}`;
  return { nksNoiSinh: place, nksNoiSinhDVHC: unit };
}

function parentBirth(parent: DemoPerson, book: BookContext): string {
  return book.year < 1995 ? String(yearOf(parent.birth)) : dmy(parent.birth);
}

function parentBlock(prefix: 'me' | 'cha', p: DemoPerson | undefined, book: BookContext, idNo: string | undefined): Values {
  if (!p) return {};
  const place = communePlace(book.commune, book.year);
  return compact({
    [`${prefix}HoTen`]: p.name,
    [`${prefix}NgaySinh`]: parentBirth(p, book),
    [`${prefix}DanToc`]: p.ethnicity,
    [`${prefix}QuocTich`]: 'Việt Nam',
    [`${prefix}LoaiCuTru`]: book.year >= 2008 ? '1' : undefined,
    [`${prefix}NoiCuTru`]: place,
    [`${prefix}LoaiGiayToTuyThan`]: idNo ? '1' : undefined,
    [`${prefix}SoGiayToTuyThan`]: idNo,
  });
}

interface Family {
  child: DemoPerson;
  mother: DemoPerson;
  father: DemoPerson | undefined;
}

function family(rng: Rng, birth: Date): Family {
  const ethnicity = rng.weighted(ETHNIC_MIX);
  const motherEthnicity = rng.chance(0.85) ? ethnicity : rng.weighted(ETHNIC_MIX);
  const mother = newPerson(rng, { sex: 'female', bornFrom: yearsBefore(birth, 38), bornTo: yearsBefore(birth, 19), ethnicity: motherEthnicity });
  const father = rng.chance(0.94) ? newPerson(rng, { sex: 'male', bornFrom: yearsBefore(birth, 45), bornTo: yearsBefore(birth, 21), ethnicity }) : undefined;
  const familyName = (father ?? mother).familyName;
  const child = newPerson(rng, { bornFrom: birth, bornTo: birth, ethnicity: father ? ethnicity : motherEthnicity, familyName });
  return { child, mother, father };
}

function requester(rng: Rng, f: Family, ids: { me?: string; cha?: string }, book: BookContext): Values {
  if (f.father && rng.chance(0.7)) return compact({ nycHoTen: f.father.name, nycQuanHe: 'Cha', ...idOf(ids.cha) });
  if (rng.chance(0.85)) return compact({ nycHoTen: f.mother.name, nycQuanHe: 'Mẹ', ...idOf(ids.me) });
  const grandmother = newPerson(rng, { sex: 'female', bornFrom: yearsBefore(f.child.birth, 75), bornTo: yearsBefore(f.child.birth, 45), ethnicity: f.child.ethnicity });
  return { nycHoTen: grandmother.name, nycQuanHe: f.father ? 'Bà nội' : 'Bà ngoại', ...(book.year >= 1998 ? { nycLoaiGiayToTuyThan: '1', nycSoGiayToTuyThan: cmnd(rng) } : {}) };
}

const idOf = (no: string | undefined): Values => (no ? { nycLoaiGiayToTuyThan: '1', nycSoGiayToTuyThan: no } : {});

function hometown(rng: Rng, book: BookContext): string {
  return rng.chance(0.85) ? communePlace(book.commune, book.year) : rng.pick(MIGRANT_HOMETOWNS);
}

export function khaiSinhRecord(rng: Rng, book: BookContext, slot: Slot): Values {
  const late = rng.chance(book.year < 1990 ? 0.15 : 0.08);
  const deadline = onTimeDays(slot.date);
  const birth = addDays(slot.date, late ? -rng.int(75, 1500) : -withinDeadline(rng.int(3, 55), deadline));
  const f = family(rng, birth);
  const ids: { me?: string; cha?: string } = book.year >= 1998 ? { me: cmnd(rng), ...(f.father ? { cha: cmnd(rng) } : {}) } : {};
  const loaiDangKy = daysFrom(birth, slot.date) <= deadline ? '1' : '4';
  return compact({
    ...headerValues(rng, book, slot, loaiDangKy),
    nksHoTen: f.child.name,
    nksGioiTinh: sexCode(f.child.sex),
    nksNgaySinh: dmy(birth),
    nksNgaySinhBangChu: inWords(birth),
    ...birthPlace(rng, book),
    nksQueQuan: hometown(rng, book),
    nksDanToc: f.child.ethnicity,
    nksQuocTich: 'Việt Nam',
    nksLoaiKhaiSinh: f.father ? '1' : '3',
    ...parentBlock('me', f.mother, book, ids.me),
    ...parentBlock('cha', f.father, book, ids.cha),
    ...requester(rng, f, ids, book),
  });
}
