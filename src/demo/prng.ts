/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo
 * needs. The same seed gives the same sequence on every platform (32-bit
 * integer arithmetic only). `fork(label)` gives an independent stream, so a
 * change in one book's draws never shifts another book's.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** An independent stream named by `label`. */
  fork(label: string): Rng;
}

/** FNV-1a of a string, 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick: empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => weightedPick(items, next()),
    fork: (label) => createRng(hash32(`${seed}:${label}`)),
  };
  return rng;
}

function weightedPick<T>(items: readonly (readonly [T, number])[], u: number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let rest = u * total;
  for (const [item, w] of items) {
    rest -= w;
    if (rest < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('weighted: empty list');
  return last[0];
}
