/**
 * String closeness for folded names. PURE, ASCII input (src/vn searchKey).
 * - withinEdits: Damerau–Levenshtein distance ≤ k, with an early exit.
 * - soundKey: the handwriting/keying confusions of old books folded to one
 *   key (initial tr/ch, s/x, d/gi/r, l/n; final ng/n, c/t; i/y), so that
 *   "Trung"/"Chung" or "Thuỷ"/"Thuy"/"Thui" compare as near-equal
 *   (EXTRACTS-LINKAGE §2.3).
 */

export function withinEdits(a: string, b: string, k: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > k) return false;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
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
