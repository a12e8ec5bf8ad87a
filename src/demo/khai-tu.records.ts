/**
 * Synthetic death registrations (KT-48) that the catalog accepts: mostly old
 * people (birth often written as the year only), registered 1–14 days after
 * the death (loaiDangKy 1) or, now and then, late (loaiDangKy 4); a death
 * notice dated between the death and the registration; a relative as the
 * requester; an identity card issued by the police of the province as it was
 * called in the year of issue.
 */
import { addDays, daysFrom, dmy, inWords, randomDay, yearOf } from './demo-dates.js';
import { communePlace, DEMO_DISTRICT, ETHNIC_MIX } from './demo-place.js';
import { newPerson, sexCode, type DemoPerson } from './people.js';
import type { Rng } from './prng.js';
import { cmnd, cmndIssued, cmndIssuer, compact, headerValues, type BookContext, type Slot, type Values } from './record-common.js';

/** 15 days to register a death on time: Luật Hộ tịch 2014 Art. 33 and NĐ 158/2005; under NĐ 83/1998 the deadline of rural communes, which the demo's authorities are. */
const DEATH_DEADLINE_DAYS = 15;

const OLD_AGE_CAUSES = ['Già yếu', 'Bệnh tim', 'Tai biến mạch máu não', 'Ung thư', 'Bệnh phổi'] as const;
const OTHER_CAUSES = ['Tai nạn giao thông', 'Bệnh', 'Ung thư', 'Tai nạn lao động'] as const;

function deceased(rng: Rng, death: Date): DemoPerson {
  const old = rng.chance(0.8);
  const [minAge, maxAge] = old ? [60, 96] : [20, 59];
  const y = death.getUTCFullYear();
  return newPerson(rng, { bornFrom: new Date(Date.UTC(y - maxAge, 0, 1)), bornTo: new Date(Date.UTC(y - minAge, 0, 1)), ethnicity: rng.weighted(ETHNIC_MIX) });
}

function deathPlace(rng: Rng, book: BookContext): { place: string; notifier: string } {
  const home = communePlace(book.commune, book.year);
  const at = rng.weighted([
    ['home', 70],
    ['district', 20],
    ['province', 10],
  ] as const);
  if (at === 'home') return { place: `Tại nhà, ${home}`, notifier: `UBND xã ${book.commune.name}` };
  const hospital = at === 'district' ? `Bệnh viện huyện ${DEMO_DISTRICT.name}` : 'Bệnh viện Đa khoa Trung ương Thái Nguyên';
  return { place: hospital, notifier: hospital };
}

function identity(rng: Rng, p: DemoPerson, death: Date): Values {
  if (daysFrom(p.birth, death) < 18 * 365) return {};
  const issued = cmndIssued(rng, p.birth, death);
  return { nktLoaiGiayToTuyThan: '1', nktSoGiayToTuyThan: cmnd(rng), nktNgayCapGiayToTuyThan: dmy(issued), nktNoiCapGiayToTuyThan: cmndIssuer(issued) };
}

function relative(rng: Rng, p: DemoPerson, death: Date): Values {
  const born = yearOf(p.birth);
  const spouse = rng.chance(0.3) && yearOf(death) - born < 80;
  if (spouse) {
    const sex = p.sex === 'male' ? 'female' : 'male';
    const s = newPerson(rng, { sex, bornFrom: addDays(p.birth, -1500), bornTo: addDays(p.birth, 1500), ethnicity: p.ethnicity });
    return { nycHoTen: s.name, nycQuanHe: sex === 'female' ? 'Vợ' : 'Chồng' };
  }
  const child = newPerson(rng, {
    bornFrom: addDays(p.birth, 20 * 365),
    bornTo: addDays(p.birth, 38 * 365),
    ethnicity: p.ethnicity,
    ...(p.sex === 'male' ? { familyName: p.familyName } : {}),
  });
  return { nycHoTen: child.name, nycQuanHe: 'Con' };
}

export function khaiTuRecord(rng: Rng, book: BookContext, slot: Slot): Values {
  const late = rng.chance(0.1);
  const death = addDays(slot.date, late ? -rng.int(30, 700) : -rng.int(1, 14));
  const p = deceased(rng, death);
  const yearOnly = yearOf(p.birth) < 1945 && rng.chance(0.6);
  const where = deathPlace(rng, book);
  const loaiDangKy = daysFrom(death, slot.date) <= DEATH_DEADLINE_DAYS ? '1' : '4';
  return compact({
    ...headerValues(rng, book, slot, loaiDangKy),
    nktHoTen: p.name,
    nktGioiTinh: sexCode(p.sex),
    nktNgaySinh: yearOnly ? String(yearOf(p.birth)) : dmy(p.birth),
    nktDanToc: p.ethnicity,
    nktQuocTich: 'Việt Nam',
    nktLoaiCuTru: '1',
    nktNoiCuTru: communePlace(book.commune, book.year),
    ...identity(rng, p, death),
    nktNgayChet: dmy(death),
    nktNgayChetGhiBangChu: inWords(death),
    nktGioPhutChet: `${rng.int(0, 23)} giờ ${String(rng.int(0, 11) * 5).padStart(2, '0')} phút`,
    nktNoiChet: where.place,
    nktNguyenNhanChet: rng.pick(daysFrom(p.birth, death) > 60 * 365 ? OLD_AGE_CAUSES : OTHER_CAUSES),
    gbtLoai: '1',
    gbtSo: `${slot.no}/GBT`,
    gbtNgay: dmy(randomDay(rng, death, slot.date)),
    gbtCoQuanCap: where.notifier,
    ...relative(rng, p, death),
  });
}
