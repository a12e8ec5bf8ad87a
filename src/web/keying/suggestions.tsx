/**
 * Places from the units catalog (GET /api/units/lookup) for what is typed
 * after the last comma of the focused place field; each keeps the text
 * before it. They join the keying aids' suggestions (aids.ts) as the last
 * source, after the record's and the book's own places.
 */
import { useEffect, useState } from 'react';
import { api } from './keying.api.js';

const NONE: readonly string[] = [];

/** `text`: the focused place field's value (undefined when no place field has focus). */
export function usePlaceLookup(text: string | undefined): readonly string[] {
  const [found, setFound] = useState<{ text: string; places: readonly string[] }>({ text: '', places: NONE });
  useEffect(() => {
    if (text === undefined) return;
    const cut = text.lastIndexOf(',');
    const head = cut >= 0 ? text.slice(0, cut + 1) + ' ' : '';
    const q = text.slice(cut + 1).trim();
    if (q.length < 2) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.units(q, ctl.signal).then(
        (hits) => setFound({ text, places: hits.slice(0, 12).map((h) => head + h.path) }),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);
  // Hits for an earlier text still narrow by prefix in aids.ts; none once no place field has focus.
  return text === undefined ? NONE : found.places;
}
