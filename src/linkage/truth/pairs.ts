/**
 * The true links of a synthetic province, as pair codes (pairCode: the two
 * record indexes in one number, lower first): birth↔birth of the same
 * person (duplicates and re-registrations), birth↔death, birth↔marriage
 * (either spouse). Built from the typed-array truth by a counting sort on
 * the identity, so a million records need no map of strings.
 */
import { truthIndex, type Truth } from './generate.js';

export type TruthKind = 'sameBirth' | 'death' | 'marriage';

/** Record indexes below 2^24 (16 million records): a pair is one safe integer. */
const SHIFT = 2 ** 24;

/** The code of a pair of truth record ids, whichever order. */
export function pairCode(a: string, b: string): number {
  const [x, y] = [truthIndex(a), truthIndex(b)];
  return x < y ? x * SHIFT + y : y * SHIFT + x;
}

/** The two record indexes of a pair code, lower first. */
export const pairOf = (code: number): [number, number] => [Math.floor(code / SHIFT), code % SHIFT];

/** Register type (TRUTH_TYPES index) of the other side: KT 2, KH 3. */
const OTHER: Readonly<Record<Exclude<TruthKind, 'sameBirth'>, number>> = { death: 2, marriage: 3 };
const KS = 1;

export function truePairs(truth: Truth, kind: TruthKind): Set<number> {
  const { types, identities, count } = truth;
  let maxId = 0;
  for (let i = 0; i < 2 * count; i++) maxId = Math.max(maxId, identities[i]!);
  // the births (KS, slot 0) of each identity
  const start = new Int32Array(maxId + 2);
  for (let i = 0; i < count; i++) if (types[i] === KS && identities[2 * i]! > 0) start[identities[2 * i]! + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const fill = start.slice();
  const births = new Int32Array(start[maxId + 1]!);
  for (let i = 0; i < count; i++) if (types[i] === KS && identities[2 * i]! > 0) births[fill[identities[2 * i]!]!++] = i;
  const out = new Set<number>();
  const code = (x: number, y: number) => (x < y ? x * SHIFT + y : y * SHIFT + x);
  if (kind === 'sameBirth') {
    for (let id = 1; id <= maxId; id++) for (let x = start[id]!; x < start[id + 1]!; x++) for (let y = x + 1; y < start[id + 1]!; y++) out.add(code(births[x]!, births[y]!));
    return out;
  }
  const other = OTHER[kind];
  for (let i = 0; i < count; i++) {
    if (types[i] !== other) continue;
    for (let slot = 0; slot < 2; slot++) {
      const id = identities[2 * i + slot]!;
      if (id > 0) for (let x = start[id]!; x < start[id + 1]!; x++) out.add(code(births[x]!, i));
    }
  }
  return out;
}
