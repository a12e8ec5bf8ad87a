/**
 * Near-duplicate pages by dhash Hamming distance: the same sheet scanned
 * twice, in one file or against pages already in the book. A later page is
 * flagged, never the first occurrence. Blank pages are left out (all blank
 * pages look alike; they carry their own flag).
 */
import type { PageFlag } from './ingest.types.js';

/**
 * Default: at most 3 of 64 bits differ (calibrated in near-duplicates.test.ts).
 * Different pages of one ruled register come within 4–9 bits of each other,
 * so a looser threshold flags ordinary pages (it did: 9 of the 40 demo pages
 * at 6); 3 still catches a re-encoded, rescaled or slightly shifted re-scan.
 */
export const NEAR_DUPLICATE_DISTANCE = 3;

const HEX64 = /^[0-9a-f]{16}$/i;

/** Set bits of a 32-bit integer. */
function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits that differ between two dhashes, on two 32-bit halves (a book's every page is compared with each new page). */
export function hammingDistance(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) throw new Error(`not a 64-bit hex dhash: ${a} / ${b}`);
  const half = (h: string, at: number) => parseInt(h.slice(at, at + 8), 16);
  return popcount32(half(a, 0) ^ half(b, 0)) + popcount32(half(a, 8) ^ half(b, 8));
}

interface Hashed {
  dhash: string;
  flags?: readonly PageFlag[];
}

const isBlank = (page: Hashed): boolean => page.flags?.includes('quality.blank') ?? false;

/**
 * Adds 'quality.near_duplicate' to each page (that has a `flags` array) whose dhash is
 * within `maxDistance` of an existing page or of an earlier page in `pages`.
 * Returns the indexes of those pages.
 */
export function markNearDuplicates<T extends { dhash: string; flags?: PageFlag[] }>(pages: T[], existing: readonly Hashed[] = [], maxDistance = NEAR_DUPLICATE_DISTANCE): number[] {
  const seen = existing.filter((page) => !isBlank(page)).map((page) => page.dhash);
  const marked: number[] = [];
  pages.forEach((page, index) => {
    if (isBlank(page)) return;
    if (seen.some((dhash) => hammingDistance(dhash, page.dhash) <= maxDistance)) {
      marked.push(index);
      if (page.flags && !page.flags.includes('quality.near_duplicate')) page.flags.push('quality.near_duplicate');
    }
    seen.push(page.dhash);
  });
  return marked;
}
