/**
 * What a typed name asks for. PURE. The query is keyed exactly like the
 * indexed names (src/vn nameKeys), so case, diacritics, Đ/D, NFC/NFD, tone
 * placement and stray spaces never matter. For a slip of one letter in the
 * family or given name, editVariants lists every word one edit away
 * (deletion, transposition, substitution, insertion over a–z); the ones that
 * are real names are then found by B-tree, never by a scan.
 */
import { nameKeys, type NameKeys } from '../vn/index.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every ASCII word at edit distance 1 (Damerau: an adjacent swap counts as one), without the word itself. */
export function editVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  out.delete('');
  return [...out];
}

export interface NameQuery extends NameKeys {
  words: number;
  /** Family names one edit away from `ho` (empty for a one-word query). */
  hoVariants: string[];
  /** Given names one edit away from `ten`. */
  tenVariants: string[];
}

export function nameQuery(text: string): NameQuery {
  const keys = nameKeys(text);
  const words = keys.fold === '' ? 0 : keys.fold.split(' ').length;
  return {
    ...keys,
    words,
    hoVariants: words > 1 && keys.ho.length > 2 ? editVariants(keys.ho) : [],
    tenVariants: keys.ten.length > 2 ? editVariants(keys.ten) : [],
  };
}
