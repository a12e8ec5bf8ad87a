/**
 * Comparing our batches with reference batches (an official list read by the
 * importer, or a test file). Only the groups the reference covers are
 * compared: units by scheme and level, links by (from scheme:level → to
 * scheme:level). For units: codes on one side only, names that differ by
 * search key (a real difference), names equal by search key but spelt
 * differently (case, tone placement, punctuation, diacritics), kinds and
 * parents that differ.
 * For links: `from` units on one side only, links on one side only, and how
 * often our main successor is the reference's main (and, for communes the
 * reference divides, whether it is at least one of its successors).
 * A reference batch marked `unitsAreReferences` (a mapping file) contributes
 * its links only: its units name the link ends and are no authority on names.
 * Pure; each category keeps a count and its first `maxExamples` examples.
 */
import { normalizeTonePlacement, searchKey } from '../../vn/index.js';
import { unitId, type SuccessorLink, type UnitBatch, type UnitRecord } from '../unit.types.js';

export interface Example {
  id: string;
  ours?: string;
  reference?: string;
  note?: string;
}

export interface Category {
  count: number;
  examples: Example[];
}

export type SpellingReason = 'case' | 'tone placement' | 'punctuation' | 'diacritics';

export interface UnitGroupReport {
  group: string;
  ours: number;
  reference: number;
  common: number;
  onlyOurs: Category;
  onlyReference: Category;
  nameDiffers: Category;
  spellingDiffers: Category & { byReason: Record<SpellingReason, number> };
  kindDiffers: Category;
  parentDiffers: Category;
}

export interface SuccessorGroupReport {
  group: string;
  ours: number;
  reference: number;
  fromInBoth: number;
  fromOnlyOurs: Category;
  fromOnlyReference: Category;
  /** Links of a `from` present on both sides, found on one side only. */
  linksOnlyOurs: Category;
  linksOnlyReference: Category;
  /** `from` units the reference links to exactly one unit: is it our main successor? */
  single: { total: number; agree: number };
  /** `from` units the reference links to several units. */
  divided: { total: number; ourMainInReference: number; mainAgrees: number };
  mainDisagrees: Category;
}

export interface ComparisonReport {
  units: UnitGroupReport[];
  successors: SuccessorGroupReport[];
}

const UNIT_CATEGORIES = ['onlyOurs', 'onlyReference', 'nameDiffers', 'spellingDiffers', 'kindDiffers', 'parentDiffers'] as const;
const LINK_CATEGORIES = ['fromOnlyOurs', 'fromOnlyReference', 'linksOnlyOurs', 'linksOnlyReference', 'mainDisagrees'] as const;

class Collector {
  readonly category: Category = { count: 0, examples: [] };
  constructor(private readonly max: number) {}
  add(example: Example): void {
    this.category.count += 1;
    if (this.category.examples.length < this.max) this.category.examples.push(example);
  }
}

function collectors<K extends string>(keys: readonly K[], max: number): Record<K, Collector> {
  return Object.fromEntries(keys.map((k) => [k, new Collector(max)])) as Record<K, Collector>;
}

function categories<K extends string>(c: Record<K, Collector>): Record<K, Category> {
  return Object.fromEntries(Object.entries<Collector>(c).map(([k, v]) => [k, v.category])) as Record<K, Category>;
}

export function compareBatches(ours: readonly UnitBatch[], reference: readonly UnitBatch[], maxExamples = 10): ComparisonReport {
  const [ourUnits, refUnits] = [unitsById(ours), unitsById(reference.filter((b) => !b.unitsAreReferences))];
  const [ourLinks, refLinks] = [linksByGroup(ours), linksByGroup(reference)];
  const groups = [...new Set([...refUnits.values()].map(groupOf))];
  return {
    units: groups.map((g) => compareUnits(g, ourUnits, refUnits, maxExamples)),
    successors: [...refLinks.keys()].map((g) => compareLinks(g, ourLinks.get(g) ?? new Map(), refLinks.get(g) ?? new Map(), maxExamples)),
  };
}

const groupOf = (u: UnitRecord): string => `${u.scheme}:${u.level}`;

/** Every unit by id; the first batch that gives an id wins. */
function unitsById(batches: readonly UnitBatch[]): Map<string, UnitRecord> {
  const byId = new Map<string, UnitRecord>();
  for (const u of batches.flatMap((b) => b.units)) if (!byId.has(unitId(u))) byId.set(unitId(u), u);
  return byId;
}

function compareUnits(group: string, ours: ReadonlyMap<string, UnitRecord>, ref: ReadonlyMap<string, UnitRecord>, max: number): UnitGroupReport {
  const c = collectors(UNIT_CATEGORIES, max);
  const byReason: Record<SpellingReason, number> = { case: 0, 'tone placement': 0, punctuation: 0, diacritics: 0 };
  const inGroup = (m: ReadonlyMap<string, UnitRecord>) => [...m.values()].filter((u) => groupOf(u) === group);
  const [mine, theirs] = [inGroup(ours), inGroup(ref)];
  let common = 0;
  for (const r of theirs) {
    const o = ours.get(unitId(r));
    if (!o) c.onlyReference.add({ id: unitId(r), reference: r.name });
    else {
      common += 1;
      compareUnit(o, r, c, byReason);
    }
  }
  for (const o of mine) if (!ref.has(unitId(o))) c.onlyOurs.add({ id: unitId(o), ours: o.name });
  const cats = categories(c);
  return { group, ours: mine.length, reference: theirs.length, common, ...cats, spellingDiffers: { ...cats.spellingDiffers, byReason } };
}

function compareUnit(o: UnitRecord, r: UnitRecord, c: Record<(typeof UNIT_CATEGORIES)[number], Collector>, byReason: Record<SpellingReason, number>): void {
  const id = unitId(o);
  if (searchKey(o.name) !== searchKey(r.name)) c.nameDiffers.add({ id, ours: o.name, reference: r.name });
  else if (o.name !== r.name) {
    const reason = spellingReason(o.name, r.name);
    byReason[reason] += 1;
    c.spellingDiffers.add({ id, ours: o.name, reference: r.name, note: reason });
  }
  if (o.kind !== r.kind) c.kindDiffers.add({ id, ours: o.kind, reference: r.kind });
  if (r.parentCode !== undefined && o.parentCode !== r.parentCode) c.parentDiffers.add({ id, ours: o.parentCode ?? '-', reference: r.parentCode });
}

/**
 * Why two names with the same search key are spelt differently: letter case;
 * tone-mark placement (Hoà/Hòa); punctuation (H’Leo / H'Leo);
 * else the diacritics themselves (Sập/Sặp, Qưới/Quới) — a real misspelling.
 */
export function spellingReason(a: string, b: string): SpellingReason {
  const [la, lb] = [a.normalize('NFC').toLowerCase(), b.normalize('NFC').toLowerCase()];
  if (la === lb) return 'case';
  if (normalizeTonePlacement(la) === normalizeTonePlacement(lb)) return 'tone placement';
  const letters = (s: string) => normalizeTonePlacement(s).replace(/[^\p{L}\p{N}]/gu, '');
  return letters(la) === letters(lb) ? 'punctuation' : 'diacritics';
}

interface Successors {
  to: Set<string>;
  main?: string;
}

/** Links grouped by "scheme:level → scheme:level", then by from id. */
function linksByGroup(batches: readonly UnitBatch[]): Map<string, Map<string, Successors>> {
  const groups = new Map<string, Map<string, Successors>>();
  for (const l of batches.flatMap((b) => b.successors)) {
    const g = linkGroup(l);
    const byFrom = groups.get(g) ?? new Map<string, Successors>();
    const s = byFrom.get(unitId(l.from)) ?? { to: new Set<string>() };
    s.to.add(unitId(l.to));
    if (l.main && s.main === undefined) s.main = unitId(l.to);
    byFrom.set(unitId(l.from), s);
    groups.set(g, byFrom);
  }
  return groups;
}

const linkGroup = (l: SuccessorLink): string => `${l.from.scheme}:${l.from.level} → ${l.to.scheme}:${l.to.level}`;

function compareLinks(group: string, ours: ReadonlyMap<string, Successors>, ref: ReadonlyMap<string, Successors>, max: number): SuccessorGroupReport {
  const c = collectors(LINK_CATEGORIES, max);
  const single = { total: 0, agree: 0 };
  const divided = { total: 0, ourMainInReference: 0, mainAgrees: 0 };
  let fromInBoth = 0;
  for (const [from, r] of ref) {
    const o = ours.get(from);
    if (!o) {
      c.fromOnlyReference.add({ id: from, reference: [...r.to].join(', ') });
      continue;
    }
    fromInBoth += 1;
    for (const to of o.to) if (!r.to.has(to)) c.linksOnlyOurs.add({ id: from, ours: to });
    for (const to of r.to) if (!o.to.has(to)) c.linksOnlyReference.add({ id: from, reference: to });
    if (!tallyMain(o, r, single, divided)) c.mainDisagrees.add({ id: from, ours: o.main ?? '-', reference: `${r.main ?? '-'} (${[...r.to].join(', ')})` });
  }
  for (const [from, o] of ours) if (!ref.has(from)) c.fromOnlyOurs.add({ id: from, ours: [...o.to].join(', ') });
  const count = (m: ReadonlyMap<string, Successors>) => [...m.values()].reduce((n, s) => n + s.to.size, 0);
  return { group, ours: count(ours), reference: count(ref), fromInBoth, single, divided, ...categories(c) };
}

/** Counts one `from` in `single` or `divided`; true when the main successors agree. */
function tallyMain(o: Successors, r: Successors, single: SuccessorGroupReport['single'], divided: SuccessorGroupReport['divided']): boolean {
  const agree = o.main !== undefined && o.main === r.main;
  if (r.to.size === 1) {
    single.total += 1;
    single.agree += agree ? 1 : 0;
  } else {
    divided.total += 1;
    divided.mainAgrees += agree ? 1 : 0;
    divided.ourMainInReference += o.main !== undefined && r.to.has(o.main) ? 1 : 0;
  }
  return agree;
}
