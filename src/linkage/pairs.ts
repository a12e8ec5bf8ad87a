/**
 * Candidate pairs from blocking keys. PURE. For each rule, persons sharing a
 * key form a block and every pair inside it is visited once: a pair that an
 * earlier rule already produced is skipped by re-checking the earlier keys
 * (no set of seen pairs, so memory stays linear). Keys are kept as numbers
 * (Int32Array per rule) and blocks as one ordering of the persons, not as
 * strings and arrays per block: 4 bytes a person a rule. Blocks bigger than
 * `maxBlock` persons on a side are split by place, and what is still too big
 * is skipped and counted: a key shared by thousands says nothing (blocking on
 * "Nguyễn" alone is useless).
 * Self kinds (duplicate) only pair the same register type and role.
 */
import type { BlockKey, KindModel } from './kinds.js';
import type { Person } from './features.js';

export interface BlockStats {
  rules: { id: string; blocks: number; pairs: number; splitBlocks: number; skippedBlocks: number }[];
  pairs: number;
}

type Visit = (a: Person, b: Person) => void;

/**
 * A rule's key of every person as a number (-1 without a key), numbered in
 * order of first appearance: the key strings live only while a rule is
 * numbered, so a province of a million persons keeps 4 bytes a person a rule.
 */
function keyIds(persons: readonly Person[], key: BlockKey, self: boolean): { ids: Int32Array; count: number } {
  const ids = new Int32Array(persons.length);
  const byGroup = new Map<string, Map<string, number>>();
  let count = 0;
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i]!;
    const k = key(p);
    if (k === null) {
      ids[i] = -1;
      continue;
    }
    const group = self ? `${p.registerType}.${p.role}` : '';
    let numbers = byGroup.get(group);
    if (!numbers) byGroup.set(group, (numbers = new Map()));
    let id = numbers.get(k);
    if (id === undefined) numbers.set(k, (id = count++));
    ids[i] = id;
  }
  return { ids, count };
}

/** The blocks of a rule: persons ordered by (key, side, index); block k side s is order[start[2k+s]] … order[start[2k+s+1]]. */
function blocksOf(ids: Int32Array, count: number, sideOf: (i: number) => number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(2 * count + 1);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) start[2 * ids[i]! + sideOf(i) + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const fill = start.slice(0, -1);
  const order = new Int32Array(start[start.length - 1]!);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) order[fill[2 * ids[i]! + sideOf(i)]!++] = i;
  return { order, start };
}

/** The persons of side A and B of a kind (B undefined for a self kind). */
export function sides(model: KindModel, persons: readonly Person[]): { a: Person[]; b: Person[] | undefined } {
  return { a: persons.filter(model.sideA), b: model.sideB ? persons.filter(model.sideB) : undefined };
}

/**
 * Visits every pair of the union of `rules` once, A side first. Returns the
 * statistics. `maxBlock` caps one side of a block: a bigger block is split by
 * the persons' place (birth place, residence: communes grow with the
 * province, so the work stays near-linear), and a part still bigger, or of
 * persons without a place, is skipped and counted (training passes
 * splitByPlace false: pairs of one place would bias the place's m). A pair
 * an earlier rule skipped is not taken as seen.
 */
export function forEachPair(
  model: Pick<KindModel, 'sideA' | 'sideB'>,
  persons: readonly Person[],
  rules: readonly { id: string; key: BlockKey }[],
  visit: Visit,
  maxBlock = 300,
  splitByPlace = true,
): BlockStats {
  const { a, b } = sides(model as KindModel, persons);
  const self = b === undefined;
  const all = self ? a : [...a, ...b];
  const keys: Int32Array[] = [];
  /** Per rule: keys of the oversized blocks, and within them the places skipped. */
  const split = rules.map(() => new Map<number, Set<string>>());
  const stats: BlockStats = { rules: [], pairs: 0 };
  const sideOf = (i: number) => (self || i < a.length ? 0 : 1);
  const visited = (e: number, i: number, j: number) => {
    const ki = keys[e]![i]!;
    if (ki < 0 || ki !== keys[e]![j]) return false;
    const skipped = split[e]!.get(ki);
    if (!skipped) return true;
    const place = all[i]!.place;
    return place !== '' && place === all[j]!.place && !skipped.has(place);
  };
  rules.forEach((rule, r) => {
    const { ids, count } = keyIds(all, rule.key, self);
    keys.push(ids);
    const { order, start } = blocksOf(ids, count, sideOf);
    const rs = { id: rule.id, blocks: 0, pairs: 0, splitBlocks: 0, skippedBlocks: 0 };
    const seenBefore = (i: number, j: number) => {
      for (let e = 0; e < r; e++) if (visited(e, i, j)) return true;
      return false;
    };
    const pairUp = (left: ArrayLike<number>, right: ArrayLike<number>) => {
      const other = self ? left : right;
      if (left.length === 0 || other.length === 0 || (self && left.length < 2)) return;
      rs.blocks++;
      for (let x = 0; x < left.length; x++) {
        for (let z = self ? x + 1 : 0; z < other.length; z++) {
          const i = left[x]!;
          const j = other[z]!;
          if (seenBefore(i, j)) continue;
          rs.pairs++;
          visit(all[i]!, all[j]!);
        }
      }
    };
    for (let key = 0; key < count; key++) {
      const left = order.subarray(start[2 * key], start[2 * key + 1]);
      const right = order.subarray(start[2 * key + 1], start[2 * key + 2]);
      const other = self ? left : right;
      if (left.length <= maxBlock && other.length <= maxBlock) {
        pairUp(left, right);
        continue;
      }
      if (other.length === 0 || left.length === 0) continue;
      rs.splitBlocks++;
      const skipped = new Set<string>();
      split[r]!.set(key, skipped);
      const parts = new Map<string, [number[], number[]]>();
      for (const i of [...left, ...(self ? [] : right)]) {
        const place = all[i]!.place;
        let part = parts.get(place);
        if (!part) parts.set(place, (part = [[], []]));
        part[sideOf(i)].push(i);
      }
      for (const [place, [l, rt]] of parts) {
        if (!splitByPlace || place === '' || l.length > maxBlock || (!self && rt.length > maxBlock)) {
          skipped.add(place);
          rs.skippedBlocks++;
          continue;
        }
        pairUp(l, rt);
      }
    }
    stats.pairs += rs.pairs;
    stats.rules.push(rs);
  });
  return stats;
}
