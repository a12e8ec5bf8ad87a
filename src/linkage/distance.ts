/**
 * String closeness for folded names. PURE, ASCII input (src/vn searchKey).
 * - withinEdits: Damerau–Levenshtein distance ≤ k, with an early exit.
 * - soundKey: the handwriting/keying confusions of old books folded to one
 *   key (initial tr/ch, s/x, d/gi/r, l/n; final ng/n, c/t; i/y), so that
 *   "Trung"/"Chung" or "Thuỷ"/"Thuy"/"Thui" compare as near-equal
 *   (EXTRACTS-LINKAGE §2.3).
 */

const ROW = 64;
const R0 = new Int32Array(ROW);
const R1 = new Int32Array(ROW);
const R2 = new Int32Array(ROW);

function slowWithin(a: string, b: string, k: number): boolean {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]! <= k;
}

export function withinEdits(a: string, b: string, k: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > k) return false;
  const n = a.length;
  const m = b.length;
  if (m + 1 > ROW) return slowWithin(a, b, k);
  let prev2 = R0;
  let prev = R1;
  let cur = R2;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]! <= k;
}

/** OpenCRVS "AUTO:4,7" fuzziness: 0 edits up to 3 letters, 1 up to 6, else 2. */
export function autoEdits(s: string): number {
  const len = s.replace(/ /g, '').length;
  return len <= 3 ? 0 : len <= 6 ? 1 : 2;
}

const INITIALS: readonly (readonly [RegExp, string])[] = [
  [/^tr/, 'ch'],
  [/^(gi|d|r)/, 'z'],
  [/^s/, 'x'],
  [/^n(?!g)/, 'l'],
];

function soundWord(w: string): string {
  let s = w;
  for (const [re, to] of INITIALS) s = s.replace(re, to);
  return s.replace(/ng$/, 'n').replace(/c$/, 't').replace(/y/g, 'i');
}

/** The confusion-folded form of a folded name: "trung thuy" -> "chun thui". */
export function soundKey(fold: string): string {
  return fold === '' ? '' : fold.split(' ').map(soundWord).join(' ');
}
