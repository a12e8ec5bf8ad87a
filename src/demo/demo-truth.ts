/**
 * The demo province as ground truth: `demoProvince(seed)` regenerates, from
 * the seed alone, every book (register type, authority as written, quyển,
 * year), every page and every registration on it (MoJ values), and which
 * registrations the demo keys. It is pure and deterministic: the truth of a
 * database filled by `hotich demo --seed n` IS `demoProvince(n)`, so QC tests
 * and benchmarks call it again instead of storing a copy.
 */
import { day } from './demo-dates.js';
import { authorityText, DEMO_COMMUNES, type DemoCommune } from './demo-place.js';
import { khaiSinhRecord } from './khai-sinh.records.js';
import { khaiTuRecord } from './khai-tu.records.js';
import { ketHonRecord } from './ket-hon.records.js';
import { createRng, type Rng } from './prng.js';
import { officialsOf, registrationDays, type BookContext, type Slot, type Values } from './record-common.js';

export const DEFAULT_DEMO_SEED = 2025;

export type DemoRegisterType = 'KS' | 'KT' | 'KH';
/** How entries are written: by hand (serif italic, blue ink) or on a typewriter (monospace). */
export type DemoHand = 'hand' | 'typewriter';

export interface DemoBookSpec {
  key: string;
  registerType: DemoRegisterType;
  commune: DemoCommune;
  year: number;
  volume: string;
  pages: number;
  hand: DemoHand;
  /** Share of the book's registrations the demo keys (in book order). */
  keyedShare: number;
  /** First số of the book (a second book of a year continues the first one's numbering). */
  firstNo?: number;
  /** First month of the book's entries. */
  fromMonth?: number;
}

/** The plan: six books, 40 pages, about 60 % of the registrations keyed. */
export const DEMO_BOOKS: readonly DemoBookSpec[] = [
  { key: 'ks-1985-la-bang', registerType: 'KS', commune: DEMO_COMMUNES.laBang, year: 1985, volume: '01', pages: 7, hand: 'hand', keyedShare: 1 },
  { key: 'kh-1995-la-bang', registerType: 'KH', commune: DEMO_COMMUNES.laBang, year: 1995, volume: '01', pages: 5, hand: 'hand', keyedShare: 0.8 },
  { key: 'ks-1998-hoang-nong', registerType: 'KS', commune: DEMO_COMMUNES.hoangNong, year: 1998, volume: '01', pages: 7, hand: 'typewriter', keyedShare: 0.6 },
  { key: 'kt-2003-cu-van', registerType: 'KT', commune: DEMO_COMMUNES.cuVan, year: 2003, volume: '01', pages: 6, hand: 'typewriter', keyedShare: 0.5 },
  { key: 'ks-2008-phu-xuyen', registerType: 'KS', commune: DEMO_COMMUNES.phuXuyen, year: 2008, volume: '02', pages: 8, hand: 'hand', keyedShare: 0.5, firstNo: 97, fromMonth: 7 },
  { key: 'ks-2012-cu-van', registerType: 'KS', commune: DEMO_COMMUNES.cuVan, year: 2012, volume: '01', pages: 7, hand: 'typewriter', keyedShare: 0.3 },
];

export interface DemoRecord {
  no: number;
  page: number;
  keyed: boolean;
  values: Values;
}

export interface DemoPage {
  seq: number;
  records: DemoRecord[];
}

export interface DemoBook extends DemoBookSpec {
  authority: string;
  quyenSo: string;
  openedOn: string;
  closedOn: string;
  pageList: DemoPage[];
}

export interface DemoProvince {
  seed: number;
  books: DemoBook[];
}

const GENERATORS: Record<DemoRegisterType, (rng: Rng, book: BookContext, slot: Slot) => Values> = {
  KS: khaiSinhRecord,
  KT: khaiTuRecord,
  KH: ketHonRecord,
};

function slotsOf(rng: Rng, spec: DemoBookSpec): Slot[] {
  const perPage = Array.from({ length: spec.pages }, () => rng.int(2, 4));
  const days = registrationDays(
    rng,
    perPage.reduce((a, b) => a + b, 0),
    day(spec.year, spec.fromMonth ?? 1, 3),
    day(spec.year, 12, 29),
  );
  const pages = perPage.flatMap((n, i) => Array.from({ length: n }, () => i + 1));
  return days.map((date, i) => ({ no: (spec.firstNo ?? 1) + i, page: pages[i]!, date }));
}

export function demoBook(seed: number, spec: DemoBookSpec): DemoBook {
  const rng = createRng(seed).fork(spec.key);
  const quyenSo = `${spec.volume}/${spec.year}`;
  const context: BookContext = { commune: spec.commune, year: spec.year, quyenSo, authority: authorityText(spec.commune, spec.year), officials: officialsOf(rng, spec.year) };
  const slots = slotsOf(rng, spec);
  const keyedCount = Math.round(slots.length * spec.keyedShare);
  const records = slots.map((slot, i) => ({ no: slot.no, page: slot.page, keyed: i < keyedCount, values: GENERATORS[spec.registerType](rng, context, slot) }));
  const pageList = Array.from({ length: spec.pages }, (_, i) => ({ seq: i + 1, records: records.filter((r) => r.page === i + 1) }));
  const first = records[0]?.values.ngayDangKy ?? String(spec.year);
  return { ...spec, authority: context.authority, quyenSo, openedOn: first, closedOn: `31.12.${spec.year}`, pageList };
}

/** The whole demo province for a seed: same seed, same books, pages and values. */
export function demoProvince(seed: number = DEFAULT_DEMO_SEED): DemoProvince {
  return { seed, books: DEMO_BOOKS.map((spec) => demoBook(seed, spec)) };
}

/** Every registration of the province with its book, in book order. */
export function demoRecords(p: DemoProvince): { book: DemoBook; record: DemoRecord }[] {
  return p.books.flatMap((book) => book.pageList.flatMap((page) => page.records.map((record) => ({ book, record }))));
}
