/**
 * Synthetic marriage registrations (KH-44) that the catalog accepts: a groom
 * of 21–32 and a bride of 19–28 on the day (above the ages of the law, so no
 * warning even for year-only birth dates), mostly of the same ethnic group,
 * living in the registering commune or a neighbouring one, each with an
 * identity card issued before the registration.
 */
import { addDays, dmy, yearOf } from './demo-dates.js';
import { communePlace, DEMO_COMMUNES, ETHNIC_MIX } from './demo-place.js';
import { newPerson, type DemoPerson, type Sex } from './people.js';
import type { Rng } from './prng.js';
import { cmnd, cmndIssued, cmndIssuer, compact, headerValues, type BookContext, type Slot, type Values } from './record-common.js';

const YEAR_DAYS = 365.25;

function spouse(rng: Rng, sex: Sex, reg: Date, ages: [number, number], ethnicity: string): DemoPerson {
  const before = (years: number) => addDays(reg, -Math.round(years * YEAR_DAYS));
  return newPerson(rng, { sex, bornFrom: before(ages[1]), bornTo: before(ages[0]), ethnicity });
}

function spouseBlock(rng: Rng, prefix: 'chong' | 'vo', p: DemoPerson, book: BookContext, reg: Date): Values {
  const commune = rng.chance(0.7) ? book.commune : rng.pick(Object.values(DEMO_COMMUNES));
  const issued = cmndIssued(rng, p.birth, reg);
  return {
    [`${prefix}HoTen`]: p.name,
    [`${prefix}NgaySinh`]: rng.chance(0.25) ? String(yearOf(p.birth)) : dmy(p.birth),
    [`${prefix}DanToc`]: p.ethnicity,
    [`${prefix}QuocTich`]: 'Việt Nam',
    [`${prefix}LoaiCuTru`]: '1',
    [`${prefix}NoiCuTru`]: communePlace(commune, book.year),
    [`${prefix}LoaiGiayToTuyThan`]: '1',
    [`${prefix}SoGiayToTuyThan`]: cmnd(rng),
    [`${prefix}NgayCapGiayToTuyThan`]: dmy(issued),
    [`${prefix}NoiCapGiayToTuyThan`]: cmndIssuer(issued),
  };
}

export function ketHonRecord(rng: Rng, book: BookContext, slot: Slot): Values {
  const ethnicity = rng.weighted(ETHNIC_MIX);
  const groom = spouse(rng, 'male', slot.date, [21, 32], ethnicity);
  const bride = spouse(rng, 'female', slot.date, [19, 28], rng.chance(0.85) ? ethnicity : rng.weighted(ETHNIC_MIX));
  return compact({
    ...headerValues(rng, book, slot, '1'),
    ...spouseBlock(rng, 'chong', groom, book, slot.date),
    ...spouseBlock(rng, 'vo', bride, book, slot.date),
  });
}
