/**
 * The synthetic province of bench:search: registrations with realistic
 * Vietnamese names (src/demo name frequencies: Nguyễn ≈ 38 %, "Thị"/"Văn"
 * middles fading after 1990, given names by era), deterministic from a seed.
 * 70 % births (child, mother, father: the child takes the father's family
 * name), 20 % deaths (the deceased), 10 % marriages (husband, wife). Half of
 * the southern-spelling families write Huỳnh/Võ for Hoàng/Vũ. Rows carry the
 * keys of src/vn nameKeys, exactly as the indexer computes them.
 */
import { randomUUID } from 'node:crypto';
import { createRng, FAMILY_NAMES, GIVEN_NAME_ERA_FACTOR, GIVEN_NAMES, MIDDLE_NAMES, nameEra, type Rng } from '../src/demo/index.js';
import { dateSpan, headTail, type PersonRow } from '../src/search/index.js';
import { nameKeys } from '../src/vn/index.js';

type Sex = 'male' | 'female';

export interface Person {
  recordId: string;
  name: string;
  birthYear: number;
}

export interface Registration {
  id: string;
  bookNo: number;
  registerType: 'KS' | 'KT' | 'KH';
  people: PersonRow[];
}

const FAMILIES = FAMILY_NAMES.map(([north, share, south]) => [[north, south ?? north], share] as const);

function givenName(rng: Rng, sex: Sex, year: number): string {
  const factor = GIVEN_NAME_ERA_FACTOR[nameEra(year)];
  return rng.weighted(GIVEN_NAMES[sex].map(([n, w, era]) => [n, w * (era ? factor[era] : 1)] as const));
}

function fullName(rng: Rng, sex: Sex, year: number, family?: string): string {
  const ho = family ?? rng.pick(rng.weighted(FAMILIES));
  return `${ho} ${rng.weighted(MIDDLE_NAMES[sex][nameEra(year)])} ${givenName(rng, sex, year)}`;
}

function row(role: string, name: string, year: number, month: number, day: number, regYear: number, so: number): PersonRow {
  const k = nameKeys(name);
  const [lo, hi] = dateSpan({ year, month, day, precision: 'day' });
  const [elo, ehi] = dateSpan({ year: regYear, precision: 'year' });
  return {
    role,
    full_name: name,
    name_tone: k.tone,
    name_fold: k.fold,
    ho_key: k.ho,
    ten_key: k.ten,
    ...headTail(k.fold),
    birth_year: year,
    birth_lo: lo,
    birth_hi: hi,
    event_lo: elo,
    event_hi: ehi,
    event_year: regYear,
    reg_so: String(so),
    quyen_so: '',
    reg_date: String(regYear),
    page_id: null,
  };
}

export function* registrations(n: number, books: number, seed = 15): Generator<Registration> {
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const kind = rng.next();
    const bookNo = rng.int(0, books - 1);
    const so = (i % 400) + 1;
    const y = rng.int(1950, 2024);
    const m = rng.int(1, 12);
    const d = rng.int(1, 28);
    if (kind < 0.7) {
      const father = fullName(rng, 'male', y - rng.int(22, 40));
      const ho = father.split(' ')[0]!;
      const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
      const fy = y - rng.int(22, 40);
      const my = y - rng.int(19, 35);
      yield {
        id: randomUUID(),
        bookNo,
        registerType: 'KS',
        people: [
          row('nks', fullName(rng, sex, y, ho), y, m, d, y, so),
          row('me', fullName(rng, 'female', my), my, rng.int(1, 12), rng.int(1, 28), y, so),
          row('cha', father, fy, rng.int(1, 12), rng.int(1, 28), y, so),
        ],
      };
    } else if (kind < 0.9) {
      const by = y - rng.int(0, 95);
      yield { id: randomUUID(), bookNo, registerType: 'KT', people: [row('nkt', fullName(rng, rng.chance(0.5) ? 'male' : 'female', by), by, m, d, y, so)] };
    } else {
      const hy = y - rng.int(20, 35);
      const wy = y - rng.int(18, 32);
      yield {
        id: randomUUID(),
        bookNo,
        registerType: 'KH',
        people: [row('chong', fullName(rng, 'male', hy), hy, rng.int(1, 12), rng.int(1, 28), y, so), row('vo', fullName(rng, 'female', wy), wy, rng.int(1, 12), rng.int(1, 28), y, so)],
      };
    }
  }
}
