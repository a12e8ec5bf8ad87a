/** Character error rate: edit distance (NFC code points) over the length of the truth. */
export function levenshtein(a: string, b: string): number {
  const x = [...a.normalize('NFC')];
  const y = [...b.normalize('NFC')];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** Summed over pairs: Σ distance / Σ truth length. */
export function cer(pairs: readonly { truth: string; read: string }[]): number {
  const chars = pairs.reduce((s, p) => s + [...p.truth.normalize('NFC')].length, 0);
  return chars === 0 ? 0 : pairs.reduce((s, p) => s + levenshtein(p.truth, p.read), 0) / chars;
}
