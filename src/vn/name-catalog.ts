/**
 * Lookup of free text against a list of canonical names with aliases (ethnic
 * groups, countries). Matching uses compactKey, so case, diacritics, tone
 * placement, hyphens and spaces do not matter. The result is:
 * - exact: the text spells the canonical name (only case, spaces, hyphens or
 *   tone placement differ: "Khơ Me" for "Khơ-me");
 * - alias: it names one entry some other way ("Mèo", "Ede", "Mỹ");
 * - ambiguous: it names several entries ("Thổ");
 * - unknown.
 * Forms with a bracket, "Ba Na (Bơ-nâm)", are decided by the part before the
 * bracket, or by the bracket when that part is unknown or ambiguous. Leading
 * words such as "dân tộc" or "quốc tịch" are ignored when nothing else matches.
 */
import { compactKey, searchKey } from './search-key.js';
import { cleanText } from './text.js';
import { normalizeTonePlacement } from './tone.js';

export interface NamedEntry {
  name: string;
  aliases: readonly string[];
}

export type CatalogMatch<T> = { status: 'exact'; entry: T } | { status: 'alias'; entry: T; alias: string } | { status: 'ambiguous'; candidates: T[] } | { status: 'unknown' };

/** Diacritic-sensitive key: "Khơ Me" = "khơ-me", but "Ede" ≠ "Ê-đê". */
export function spellingKey(s: string): string {
  return normalizeTonePlacement(cleanText(s))
    .toLowerCase()
    .replace(/[\s\-‐–'’ʼ.]/g, '');
}

export interface Catalog<T> {
  lookup(text: string): CatalogMatch<T>;
  /** Keys that name more than one entry (for tests and data review). */
  ambiguousKeys(): string[];
}

function buildIndex<T extends NamedEntry>(entries: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  const add = (key: string, entry: T): void => {
    const list = index.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    index.set(key, list);
  };
  for (const e of entries) add(compactKey(e.name), e);
  for (const e of entries) for (const a of e.aliases) add(compactKey(a), e);
  return index;
}

const BRACKET_RE = /^(.*?)\s*\((.+)\)$/;

export function createCatalog<T extends NamedEntry>(entries: readonly T[], prefixes: readonly string[]): Catalog<T> {
  const index = buildIndex(entries);

  function direct(text: string): CatalogMatch<T> {
    const found = index.get(compactKey(text)) ?? [];
    const [only] = found;
    if (found.length > 1) return { status: 'ambiguous', candidates: [...found] };
    if (!only) return { status: 'unknown' };
    return spellingKey(text) === spellingKey(only.name) ? { status: 'exact', entry: only } : { status: 'alias', entry: only, alias: text };
  }

  function viaBracket(text: string, head: string, inner: string): CatalogMatch<T> {
    const byHead = lookup(head);
    const byInner = lookup(inner);
    if (byHead.status === 'exact' || byHead.status === 'alias') {
      return { status: 'alias', entry: byHead.entry, alias: text };
    }
    if (byHead.status === 'ambiguous') {
      const picked = byInner.status === 'exact' || byInner.status === 'alias' ? byInner.entry : undefined;
      return picked && byHead.candidates.includes(picked) ? { status: 'alias', entry: picked, alias: text } : byHead;
    }
    return byInner.status === 'exact' || byInner.status === 'alias' ? { status: 'alias', entry: byInner.entry, alias: text } : byInner;
  }

  function withoutPrefix(text: string): CatalogMatch<T> {
    const key = searchKey(text);
    for (const prefix of prefixes) {
      if (!key.startsWith(`${prefix} `)) continue;
      const rest = text.split(' ').slice(prefix.split(' ').length).join(' ');
      const found = lookup(rest);
      if (found.status === 'exact') return { status: 'alias', entry: found.entry, alias: text };
      if (found.status !== 'unknown') return found.status === 'alias' ? { ...found, alias: text } : found;
    }
    return { status: 'unknown' };
  }

  function lookup(raw: string): CatalogMatch<T> {
    const text = cleanText(raw);
    if (text === '') return { status: 'unknown' };
    const found = direct(text);
    if (found.status !== 'unknown') return found;
    const bracket = BRACKET_RE.exec(text);
    if (bracket) return viaBracket(text, bracket[1] ?? '', bracket[2] ?? '');
    return withoutPrefix(text);
  }

  const ambiguousKeys = (): string[] => [...index].filter(([, list]) => list.length > 1).map(([key]) => key);
  return { lookup, ambiguousKeys };
}
