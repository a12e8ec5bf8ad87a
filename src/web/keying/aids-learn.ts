/**
 * What the keying aids learn from the book's earlier records (the records
 * before this one that the browser holds, nearest first; book-memory.ts):
 * - which fields usually repeat another field of the same record (the
 *   father's residence = the mother's, the requester = the father, the
 *   death notice's date = the registration date), learned as shares, only
 *   between fields of the same type (and the same code list);
 * - for names, which name usually starts with the same family name as
 *   another (the child's and the father's);
 * - each field's values by frequency, and the words of names by position
 *   (family name, middle name…), for completion;
 * - which fields the book uses at all (the focus order skips the others).
 */
import type { FormField, Values } from './keying.api.js';

export interface Relation {
  source: string;
  share: number;
}

export interface BookLearning {
  /** Earlier records learned from. */
  size: number;
  equal: Map<string, Relation[]>;
  firstWord: Map<string, Relation[]>;
  frequent: Map<string, string[]>;
  /** Name words by position in the name (0 = family name), each by frequency. */
  words: Map<number, Map<string, number>>;
  /** The same, per name field (a mother's middle name is not a father's). */
  fieldWords: Map<string, Map<number, Map<string, number>>>;
  /** Fields filled in at least one earlier record. */
  used: Set<string>;
  /** Fields whose values repeat from record to record (few distinct values): the previous record's and the frequent ones are offered. */
  repeats: Set<string>;
}

const MIN_SHARE = 0.3;
const MIN_COUNT = 2;
/** At most this share of distinct values among the filled ones: the field repeats. */
const REPEAT_SHARE = 0.6;

export const firstWord = (s: string) => s.trim().split(/\s+/)[0] ?? '';

const sameKind = (a: FormField, b: FormField) => a.type === b.type && a.options === b.options;

function relations(fields: readonly FormField[], memory: readonly Values[], same: (a: string, b: string) => boolean, only: (f: FormField) => boolean): Map<string, Relation[]> {
  const out = new Map<string, Relation[]>();
  for (const target of fields) {
    if (!only(target)) continue;
    const filled = memory.filter((r) => (r[target.key] ?? '') !== '');
    if (filled.length === 0) continue;
    const found: Relation[] = [];
    for (const source of fields) {
      if (source.key === target.key || !sameKind(source, target)) continue;
      const hits = filled.filter((r) => (r[source.key] ?? '') !== '' && same(r[source.key]!, r[target.key]!)).length;
      if (hits >= Math.min(MIN_COUNT, filled.length) && hits / filled.length >= MIN_SHARE) found.push({ source: source.key, share: hits / filled.length });
    }
    if (found.length)
      out.set(
        target.key,
        found.sort((a, b) => b.share - a.share),
      );
  }
  return out;
}

function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  values.forEach((v, i) => counts.set(v, (counts.get(v) ?? 0) + 1 + (values.length - i) / (values.length * 10)));
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

export function learnBook(fields: readonly FormField[], memory: readonly Values[]): BookLearning {
  const frequent = new Map<string, string[]>();
  const used = new Set<string>();
  const repeats = new Set<string>();
  const words = new Map<number, Map<string, number>>();
  const fieldWords = new Map<string, Map<number, Map<string, number>>>();
  const count = (table: Map<number, Map<string, number>>, i: number, w: string) => {
    const at = table.get(i) ?? new Map<string, number>();
    at.set(w, (at.get(w) ?? 0) + 1);
    table.set(i, at);
  };
  for (const f of fields) {
    const values = memory.map((r) => r[f.key] ?? '').filter((v) => v !== '');
    if (values.length === 0) continue;
    used.add(f.key);
    const ranked = byFrequency(values);
    frequent.set(f.key, ranked);
    if (values.length >= 2 && ranked.length <= values.length * REPEAT_SHARE) repeats.add(f.key);
    if (f.type !== 'name') continue;
    const own = new Map<number, Map<string, number>>();
    fieldWords.set(f.key, own);
    for (const v of values)
      v.split(/\s+/).forEach((w, i) => {
        count(words, i, w);
        count(own, i, w);
      });
  }
  return {
    size: memory.length,
    equal: relations(
      fields,
      memory,
      (a, b) => a === b,
      () => true,
    ),
    firstWord: relations(
      fields,
      memory,
      (a, b) => firstWord(a) === firstWord(b),
      (f) => f.type === 'name',
    ),
    frequent,
    words,
    fieldWords,
    used,
    repeats,
  };
}
