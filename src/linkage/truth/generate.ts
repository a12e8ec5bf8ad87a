/**
 * A synthetic province with known identities (issue 16 "synthetic truth"),
 * for tests, the benchmark and the demo. Deterministic for a seed.
 * People are born in the province's communes and registered (KS); some
 * registrations are keyed twice (same số/quyển, errors drawn again), some
 * re-registered later elsewhere (đăng ký lại, loaiDangKy 2); some marry (KH,
 * the spouse from the province or outside) and some die (KT), often in
 * another commune, with the birth date written as a year only; TĐCC entries
 * change a birth and cite it; deaths and marriages of people born outside
 * the province are there as distractors; twins share mother, birth date and
 * family name. Every copy of a name or date passes through errors.ts.
 * The name tables are an input (the demo's name frequencies in the bench and
 * the demo; a small table in tests) so this module holds no second list.
 * generateRecords streams: each record goes to a callback and is not kept,
 * and the truth is typed arrays (register type, identity per subject slot,
 * event per record), so a million registrations cost the caller only what
 * it keeps of them; generateProvince collects the records for small runs.
 */
import type { LinkRecord } from '../features.js';
import { createRng, type Rng } from '../rng.js';
import { dateText, keyDate, keyName, type TrueDate } from './errors.js';

type Weighted = readonly (readonly [string, number, ...unknown[]])[];

export interface NameTables {
  family: Weighted;
  middle: Readonly<Record<'male' | 'female', Weighted>>;
  given: Readonly<Record<'male' | 'female', Weighted>>;
  /** Foreign given names with the ways they get transliterated: ["Maria", "Ma-ri-a", "Ma Ri A"]. */
  foreign?: readonly (readonly string[])[];
}

export interface ProvinceOptions {
  registrations: number;
  seed?: number;
  names: NameTables;
  /** Chance that one copy of a name carries an error (default 0.25). */
  errorRate?: number;
}

export interface Identity {
  id: number;
  name: string;
  sex: '1' | '2';
  birth: TrueDate;
  mother: string;
  father: string;
  commune: number;
  foreign: readonly string[] | undefined;
}

/** The register types of the truth, one byte a record. */
export const TRUTH_TYPES = ['', 'KS', 'KT', 'KH', 'TDCC'] as const;

/**
 * What the generator knows of the records it gave, in typed arrays (a few
 * bytes a record, not a string per record): the register type, the identity
 * of each subject role (slot 1 is the wife of a KH, slot 0 every other
 * subject; 0 = none) and the registration event a record copies (two records
 * of one event are the same registration keyed twice).
 */
export interface Truth {
  communes: string[];
  /** Records generated; record i (0-based) has the id truthId(i + 1). */
  count: number;
  /** Index into TRUTH_TYPES per record. */
  types: Uint8Array;
  /** Identity per record and slot: identities[2 * i + slot]. */
  identities: Int32Array;
  events: Int32Array;
}

/** A province held whole: the records and their truth (tests, small runs). */
export interface Province {
  records: LinkRecord[];
  communes: string[];
  truth: Truth;
}

const FOREIGN_DEFAULT = [
  ['Maria', 'Ma-ri-a', 'Ma Ri A'],
  ['Xtê-phan', 'Xtêphan', 'Stê-phan'],
  ['Giô-xép', 'Giôxép', 'Giô Xép'],
  ['An-na', 'Anna', 'An Na'],
] as const;

const COMMUNE_WORDS = ['An', 'Bình', 'Phú', 'Lộc', 'Tân', 'Hòa', 'Thạnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Yên', 'Phong', 'Mỹ', 'Long', 'Thới', 'Vĩnh', 'Hưng', 'Trung', 'Sơn'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const truthId = (i: number) => `00000000-0000-4000-8000-${pad(i, 12)}`;
/** The 0-based record index of a truthId. */
export const truthIndex = (id: string) => Number(id.slice(-12)) - 1;

/** The identity of a role of a record (undefined when the record has no such subject). */
export function identityOf(truth: Truth, recordId: string, role: string): number | undefined {
  const i = truthIndex(recordId);
  const who = i >= 0 && i < truth.count ? truth.identities[2 * i + (role === 'vo' ? 1 : 0)]! : 0;
  return who > 0 ? who : undefined;
}

/** A growable Int32Array. */
class Ints {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function addDays(d: TrueDate, days: number): TrueDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function randomDate(rng: Rng, from: number, to: number): TrueDate {
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysIn(year, month)) };
}

class Builder {
  private count = 0;
  readonly types: Ints;
  readonly identities: Ints;
  readonly events: Ints;
  private books = new Map<string, number>();
  private eventCount = 0;
  constructor(
    readonly rng: Rng,
    readonly communes: string[],
    readonly rate: number,
    private readonly onRecord: (r: LinkRecord) => void,
    expected: number,
  ) {
    this.types = new Ints(expected);
    this.identities = new Ints(2 * expected);
    this.events = new Ints(expected);
  }

  /** Next số in the book of a commune, register and year. */
  number(type: string, commune: number, year: number): { so: string; quyenSo: string; noiDangKy: string } {
    const k = `${type}.${commune}.${year}`;
    const n = (this.books.get(k) ?? 0) + 1;
    this.books.set(k, n);
    return { so: String(n), quyenSo: `01/${year}`, noiDangKy: `UBND ${this.communes[commune]}` };
  }

  name(p: Identity, drop = 0.02): string {
    const n = p.foreign ? p.name.replace(p.foreign[0]!, this.rng.pick(p.foreign)) : p.name;
    return keyName(n, this.rng, this.rate, drop);
  }

  /** `who`: the identity of the subject (the husband of a KH), `wife`: the wife of a KH. */
  push(type: string, values: Record<string, string>, commune: number, who: number, wife = 0, event?: number): string {
    const id = truthId(++this.count);
    this.onRecord({ id, registerType: type, values, unit: pad(commune + 1, 5) });
    this.types.push(TRUTH_TYPES.indexOf(type as (typeof TRUTH_TYPES)[number]));
    this.identities.push(who);
    this.identities.push(wife);
    this.events.push(event ?? ++this.eventCount);
    return id;
  }

  newEvent(): number {
    return ++this.eventCount;
  }

  truth(): Truth {
    const types = new Uint8Array(this.count);
    types.set(this.types.done());
    return { communes: this.communes, count: this.count, types, identities: this.identities.done(), events: this.events.done() };
  }
}

function makePerson(rng: Rng, names: NameTables, id: number, year: number, commune: number, communes: number, family?: string): Identity {
  const sex = rng.chance(0.5) ? '1' : '2';
  const key = sex === '1' ? 'male' : 'female';
  const ho = family ?? rng.weighted(names.family);
  const dem = rng.weighted(names.middle[key]);
  const foreignList = names.foreign ?? FOREIGN_DEFAULT;
  const foreign = rng.chance(0.01) ? rng.pick(foreignList) : undefined;
  const ten = foreign ? foreign[0]! : rng.weighted(names.given[key]);
  const motherName = `${rng.weighted(names.family)} Thị ${rng.weighted(names.given.female)}`;
  const fatherName = `${ho} Văn ${rng.weighted(names.given.male)}`;
  void communes;
  return { id, name: `${ho} ${dem} ${ten}`, sex, birth: randomDate(rng, year, year), mother: motherName, father: rng.chance(0.9) ? fatherName : '', commune, foreign };
}

function birthValues(b: Builder, p: Identity, reg: { so: string; quyenSo: string; noiDangKy: string }, regDate: TrueDate, loai: string): Record<string, string> {
  const rng = b.rng;
  const v: Record<string, string> = {
    ...reg,
    ngayDangKy: dateText(regDate),
    loaiDangKy: loai,
    nksHoTen: b.name(p),
    nksGioiTinh: p.sex,
    nksNgaySinh: keyDate(p.birth, rng, { swap: 0.04, yearOnly: 0.01, monthYear: 0.01 }),
    nksNoiSinh: b.communes[p.commune]!,
    nksDanToc: 'Kinh',
    nksQuocTich: 'Việt Nam',
    meHoTen: keyName(p.mother, rng, b.rate / 2),
  };
  if (p.father) v.chaHoTen = keyName(p.father, rng, b.rate / 2);
  if (loai === '2') v.ghiChu = 'Đăng ký lại';
  return v;
}

/** The province held whole (tests, small runs): generateRecords collected. */
export function generateProvince(opts: ProvinceOptions): Province {
  const records: LinkRecord[] = [];
  const truth = generateRecords(opts, (r) => records.push(r));
  return { records, communes: truth.communes, truth };
}

/**
 * Generates the province record by record: `onRecord` receives each record
 * once and the generator keeps none of them (a benchmark of a million
 * registrations turns each into its persons and lets it go); returns the
 * truth. People are kept while generating (marriages and deaths draw on them).
 */
export function generateRecords(opts: ProvinceOptions, onRecord: (r: LinkRecord) => void): Truth {
  const rng = createRng(opts.seed ?? 16);
  const births = Math.max(10, Math.round(opts.registrations / 1.45));
  const nCommunes = Math.max(4, Math.round(births / 1500));
  const communes = Array.from(
    { length: nCommunes },
    (_, i) => `xã ${COMMUNE_WORDS[i % COMMUNE_WORDS.length]} ${COMMUNE_WORDS[(i * 7 + 3) % COMMUNE_WORDS.length]} ${Math.floor(i / COMMUNE_WORDS.length) + 1}`,
  );
  const b = new Builder(rng, communes, opts.errorRate ?? 0.25, onRecord, Math.round(opts.registrations * 1.15));
  const people: Identity[] = [];
  let nextId = 1;
  while (people.length < births) {
    const year = rng.int(1935, 2020);
    const p = makePerson(rng, opts.names, nextId++, year, rng.int(0, nCommunes - 1), nCommunes);
    people.push(p);
    if (rng.chance(0.01)) {
      const twin = makePerson(rng, opts.names, nextId++, year, p.commune, nCommunes, p.name.split(' ')[0]);
      if (twin.name.split(' ').at(-1) !== p.name.split(' ').at(-1)) people.push({ ...twin, birth: p.birth, mother: p.mother, father: p.father });
    }
  }
  for (const p of people) {
    const late = rng.chance(0.1);
    const regDate = addDays(p.birth, late ? rng.int(60, 3000) : rng.int(1, 59));
    const reg = b.number('KS', p.commune, regDate.year);
    const event = b.newEvent();
    b.push('KS', birthValues(b, p, reg, regDate, late ? '4' : '1'), p.commune, p.id, 0, event);
    if (rng.chance(0.04)) b.push('KS', birthValues(b, p, reg, regDate, late ? '4' : '1'), p.commune, p.id, 0, event);
    if (p.birth.year < 2010 && rng.chance(0.035)) {
      const where = rng.chance(0.5) ? p.commune : rng.int(0, nCommunes - 1);
      const again = addDays(regDate, rng.int(365, 8000));
      if (again.year <= 2024) b.push('KS', birthValues(b, p, b.number('KS', where, again.year), again, '2'), where, p.id);
    }
    if (rng.chance(0.01)) {
      const when = addDays(regDate, rng.int(30, 5000));
      b.push(
        'TDCC',
        {
          ...b.number('TDCC', p.commune, when.year),
          ngayDangKy: dateText(when),
          loaiDangKy: '2',
          ntdHoTen: b.name(p),
          ntdGioiTinh: p.sex,
          ntdNgaySinh: dateText(p.birth),
          tenGiayToHoTich: 'Giấy khai sinh',
          soDangKyHSGoc: reg.so,
          quyenDangKyHSGoc: reg.quyenSo,
          ngayDangKyHSGoc: dateText(regDate),
          noiDangKyHSGoc: reg.noiDangKy,
          noiDungThayDoi: 'Cải chính ngày, tháng, năm sinh',
        },
        p.commune,
        p.id,
      );
    }
  }
  const outsider = (year: number) => makePerson(rng, opts.names, nextId++, year, rng.int(0, nCommunes - 1), nCommunes);
  // marriages: about one adult in four born before 2002, the spouse from the province or from outside
  const bySex = { '1': people.filter((p) => p.sex === '1' && p.birth.year < 2002), '2': people.filter((p) => p.sex === '2' && p.birth.year < 2002) };
  const married = new Set<number>();
  for (const p of bySex['1']) {
    if (!rng.chance(0.3) || married.has(p.id)) continue;
    const when = addDays(p.birth, rng.int(20 * 365, 35 * 365));
    if (when.year > 2024) continue;
    const local = rng.chance(0.5) ? bySex['2'][rng.int(0, bySex['2'].length - 1)] : undefined;
    const wife = local && !married.has(local.id) && Math.abs(local.birth.year - p.birth.year) < 12 ? local : outsider(p.birth.year + rng.int(-3, 6));
    married.add(p.id).add(wife.id);
    const where = rng.chance(0.5) ? wife.commune : p.commune;
    b.push(
      'KH',
      {
        ...b.number('KH', where, when.year),
        ngayDangKy: dateText(when),
        loaiDangKy: '1',
        chongHoTen: b.name(p, 0.06),
        chongNgaySinh: keyDate(p.birth, rng, { swap: 0.03, yearOnly: 0.05, monthYear: 0.02 }),
        chongDanToc: 'Kinh',
        chongQuocTich: 'Việt Nam',
        chongNoiCuTru: communes[p.commune]!,
        voHoTen: b.name(wife, 0.12),
        voNgaySinh: keyDate(wife.birth, rng, { swap: 0.03, yearOnly: 0.05, monthYear: 0.02 }),
        voDanToc: 'Kinh',
        voQuocTich: 'Việt Nam',
        voNoiCuTru: communes[wife.commune]!,
      },
      where,
      p.id,
      wife.id,
    );
  }
  // deaths: the old more often; a third in another commune; outsiders too
  const die = (p: Identity) => {
    const when = addDays(p.birth, rng.int(365, Math.min(95 * 365, (2024 - p.birth.year) * 365)));
    if (when.year > 2024) return;
    const home = rng.chance(0.7) ? p.commune : rng.int(0, nCommunes - 1);
    const regDate = addDays(when, rng.int(1, 30));
    b.push(
      'KT',
      {
        ...b.number('KT', home, regDate.year),
        ngayDangKy: dateText(regDate),
        loaiDangKy: '1',
        nktHoTen: b.name(p, 0.1),
        nktGioiTinh: p.sex,
        nktNgaySinh: keyDate(p.birth, rng, { swap: 0.03, yearOnly: 0.15, monthYear: 0.03 }),
        nktDanToc: 'Kinh',
        nktQuocTich: 'Việt Nam',
        nktNoiCuTru: communes[home]!,
        nktNgayChet: dateText(when),
        nktNoiChet: communes[home]!,
      },
      home,
      p.id,
    );
  };
  for (const p of people) if (rng.chance(Math.min(0.6, Math.max(0.02, (2024 - p.birth.year) / 120)))) die(p);
  const outsiders = Math.round(births * 0.06);
  for (let i = 0; i < outsiders; i++) die(outsider(rng.int(1925, 2000)));
  return b.truth();
}
