/**
 * Candidate pairs from blocking keys. PURE. For each rule, persons sharing a
 * key form a block and every pair inside it is visited once: a pair that an
 * earlier rule already produced is skipped by re-checking the earlier keys
 * (no set of seen pairs, so memory stays linear). Blocks bigger than
 * `maxBlock` persons on a side are skipped and counted: a key shared by
 * thousands says nothing (blocking on "Nguyễn" alone is useless).
 * Self kinds (duplicate) only pair the same register type and role.
 */
import type { BlockKey, KindModel } from './kinds.js';
import type { Person } from './features.js';

export interface BlockStats {
  rules: { id: string; blocks: number; pairs: number; skippedBlocks: number }[];
  pairs: number;
}

type Visit = (a: Person, b: Person) => void;

function keysOf(persons: readonly Person[], key: BlockKey, self: boolean): (string | null)[] {
  return persons.map((p) => {
    const k = key(p);
    return k === null ? null : self ? `${p.registerType}.${p.role}|${k}` : k;
  });
}

/** The persons of side A and B of a kind (B undefined for a self kind). */
export function sides(model: KindModel, persons: readonly Person[]): { a: Person[]; b: Person[] | undefined } {
  return { a: persons.filter(model.sideA), b: model.sideB ? persons.filter(model.sideB) : undefined };
}

/**
 * Visits every pair of the union of `rules` once, A side first. Returns the
 * statistics. `maxBlock` caps one side of a block.
 */
export function forEachPair(model: Pick<KindModel, 'sideA' | 'sideB'>, persons: readonly Person[], rules: readonly { id: string; key: BlockKey }[], visit: Visit, maxBlock = 300): BlockStats {
  const { a, b } = sides(model as KindModel, persons);
  const self = b === undefined;
  const all = self ? a : [...a, ...b];
  const keys = rules.map((r) => keysOf(all, r.key, self));
  const stats: BlockStats = { rules: [], pairs: 0 };
  const sideOf = (i: number) => (self || i < a.length ? 0 : 1);
  rules.forEach((rule, r) => {
    const blocks = new Map<string, [number[], number[]]>();
    keys[r]!.forEach((k, i) => {
      if (k === null) return;
      let blk = blocks.get(k);
      if (!blk) blocks.set(k, (blk = [[], []]));
      blk[sideOf(i)].push(i);
    });
    const rs = { id: rule.id, blocks: 0, pairs: 0, skippedBlocks: 0 };
    const seenBefore = (i: number, j: number) => {
      for (let e = 0; e < r; e++) {
        const ki = keys[e]![i];
        if (ki !== null && ki === keys[e]![j]) return true;
      }
      return false;
    };
    for (const [left, right] of blocks.values()) {
      const other = self ? left : right;
      if (left.length === 0 || other.length === 0 || (self && left.length < 2)) continue;
      if (left.length > maxBlock || other.length > maxBlock) {
        rs.skippedBlocks++;
        continue;
      }
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
    }
    stats.pairs += rs.pairs;
    stats.rules.push(rs);
  });
  return stats;
}
