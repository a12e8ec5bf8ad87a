/**
 * Place text as keyers and old books write it → a list of search tokens:
 * lower-case ASCII words, abbreviations spelled out (TP./T.P → thành phố,
 * TX. → thị xã, TT. → thị trấn, Q. → quận, H. → huyện, P. → phường,
 * X. → xã, T. → tỉnh), numbered units split ("P9" → phường 9), office words
 * dropped (UBND, Ủy ban nhân dân). Each token keeps the comma-separated
 * segment it came from.
 */
import { searchKey } from '../vn/index.js';

export interface PlaceToken {
  word: string;
  segment: number;
}

const EXPAND: Readonly<Record<string, readonly string[]>> = {
  tp: ['thanh', 'pho'],
  tx: ['thi', 'xa'],
  tt: ['thi', 'tran'],
  q: ['quan'],
  h: ['huyen'],
  p: ['phuong'],
  x: ['xa'],
  t: ['tinh'],
  ubnd: [],
  tw: ['trung', 'uong'],
};

/** Two-letter abbreviations written with a dot inside: "T.P", "T.X", "T.T". */
const SPLIT_PAIRS: Readonly<Record<string, string>> = { 't p': 'tp', 't x': 'tx', 't t': 'tt' };

const DROP_PHRASES = [/\buy ban nhan dan\b/g, /\bubnd\b/g];

function segmentWords(segment: string): string[] {
  let s = searchKey(segment);
  for (const re of DROP_PHRASES) s = s.replace(re, ' ');
  s = s.replace(/\b([tq]) ([pxt])\b/g, (m) => SPLIT_PAIRS[m] ?? m);
  const words = s.split(' ').filter(Boolean);
  return words.flatMap((w) => {
    const numbered = /^(p|q|f)(\d{1,2})$/.exec(w);
    if (numbered) return [numbered[1] === 'q' ? 'quan' : 'phuong', String(Number(numbered[2]))];
    if (/^\d+$/.test(w)) return [String(Number(w))];
    return [...(EXPAND[w] ?? [w])];
  });
}

const SEGMENT_RE = /[,;\n–—]|\s-\s/;

/** The comma-separated parts of a place text, as written (NFC). */
export function placeSegments(text: string): string[] {
  return text.normalize('NFC').split(SEGMENT_RE);
}

export function placeTokens(text: string): PlaceToken[] {
  return placeSegments(text).flatMap((seg, segment) => segmentWords(seg).map((word) => ({ word, segment })));
}
