/**
 * Province successors derived from lower-level links: a legacy province is
 * succeeded by every y2025 province that received one of its units, and the
 * main one is the province that received most of them (counted by each
 * unit's main link; ties go to the province that kept the old code, then to
 * the lowest code). Used for the built-in mapping (builtin/successors.ts) and
 * the mapping file (formats/parse-mapping.ts) alike.
 */
import type { SuccessorLink } from './unit.types.js';

/** Province of a link end, or undefined when it is not known. */
export type ProvinceOf = (link: SuccessorLink) => { from?: string; to?: string };

export function provinceSuccessors(links: readonly SuccessorLink[], provinceOf: ProvinceOf): SuccessorLink[] {
  const counts = new Map<string, Map<string, number>>();
  for (const link of links) {
    const { from, to } = provinceOf(link);
    if (from === undefined || to === undefined) continue;
    const byTo = counts.get(from) ?? new Map<string, number>();
    byTo.set(to, (byTo.get(to) ?? 0) + (link.main ? 1 : 0));
    counts.set(from, byTo);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([from, byTo]) => {
      const main = mainOf(from, byTo);
      return [...byTo.keys()].sort().map((to) => ({
        from: { scheme: 'legacy' as const, level: 'province' as const, code: from },
        to: { scheme: 'y2025' as const, level: 'province' as const, code: to },
        main: to === main,
      }));
    });
}

function mainOf(from: string, byTo: ReadonlyMap<string, number>): string | undefined {
  const rank = ([code, n]: [string, number]): [number, number, string] => [-n, code === from ? 0 : 1, code];
  return [...byTo].map(rank).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]))[0]?.[2];
}
