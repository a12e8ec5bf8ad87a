/**
 * The reproducible sampler (QC.md §4.1, Rivest 2011, from election audits):
 * pick_i = a + (SHA-256(seed + "," + i) mod (b − a + 1)), i = 1, 2, …, UTF-8
 * input, duplicates skipped (without replacement). The same seed gives the
 * same sample; extending the sequence escalates it. Test vectors: seed "1",
 * 1–1000 → 97, 89, 163; seed "0" → 905, 573, 160. Seeds are ≥ 24 decimal
 * digits (e.g. dice rolled by several parties) and are recorded with the lot.
 */
import { createHash, randomInt } from 'node:crypto';

export const SAMPLER_VERSION = 'rivest-sha256-v1';

/** The i-th pick (i ≥ 1) in [a, b], with replacement. */
export function rivestPick(seed: string, i: number, a: number, b: number): number {
  const digest = createHash('sha256').update(`${seed},${i}`, 'utf8').digest('hex');
  return a + Number(BigInt(`0x${digest}`) % BigInt(b - a + 1));
}

/** Picks with replacement 1..count (the raw sequence). */
export function rivestSequence(seed: string, count: number, a: number, b: number): number[] {
  return Array.from({ length: count }, (_, i) => rivestPick(seed, i + 1, a, b));
}

/**
 * Without replacement: the first n distinct picks in [1, size] (1-based
 * positions in the frozen manifest), in the order drawn. `extraUntil` keeps
 * drawing (escalation) until it returns true for the picks so far.
 */
export function rivestSample(seed: string, size: number, n: number, extraUntil?: (picked: readonly number[]) => boolean): number[] {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`bad population size ${size}`);
  const target = Math.min(n, size);
  const picked: number[] = [];
  const seen = new Set<number>();
  const done = () => picked.length >= size || (picked.length >= target && (!extraUntil || extraUntil(picked)));
  for (let i = 1; !done(); i++) {
    const pick = rivestPick(seed, i, 1, size);
    if (seen.has(pick)) continue;
    seen.add(pick);
    picked.push(pick);
  }
  return picked;
}

/** A fresh seed of `digits` decimal digits from the OS generator (when nobody rolled dice). */
export function newSeed(digits = 24): string {
  return Array.from({ length: digits }, () => String(randomInt(10))).join('');
}

/** SHA-256 over the manifest (one record id a line, in the frozen order): proves which population was sampled. */
export function manifestHash(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join('\n'), 'utf8').digest('hex');
}
