/**
 * A seeded generator (mulberry32) for the random pairs of training and the
 * synthetic province: the same seed gives the same draws everywhere.
 */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number, ...unknown[]])[]): T;
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const cumulative = new WeakMap<object, { sums: number[]; total: number }>();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      let c = cumulative.get(items);
      if (!c) {
        let total = 0;
        const sums = items.map((it) => (total += it[1]));
        c = { sums, total };
        cumulative.set(items, c);
      }
      const u = next() * c.total;
      let lo = 0;
      let hi = c.sums.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (c.sums[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      return items[lo]![0];
    },
  };
}
