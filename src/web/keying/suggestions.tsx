/**
 * Suggestions while typing: the 54 ethnic groups and the Vietnamese country
 * names (src/vn's lists, as datalists shared by every field of that kind),
 * and places from the units catalog (GET /api/units/lookup) for the field
 * being typed, when the catalog has hits.
 */
import { useEffect, useMemo, useState } from 'react';
import { ETHNIC_GROUPS, listNationalities } from '../../vn/index.js';
import { api, type AutocompleteKind } from './keying.api.js';

export const datalistId = (kind: AutocompleteKind, key: string): string => (kind === 'place' ? `dl-place-${key}` : `dl-${kind}`);

/** The datalists of ethnic groups and nationalities, rendered once per form. */
export function CodeDatalists() {
  const nationalities = useMemo(
    () =>
      listNationalities()
        .map((n) => n.name)
        .sort((a, b) => a.localeCompare(b, 'vi')),
    [],
  );
  return (
    <>
      <datalist id="dl-ethnicity">
        {ETHNIC_GROUPS.map((g) => (
          <option key={g.code} value={g.name} />
        ))}
      </datalist>
      <datalist id="dl-nationality">
        {nationalities.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  );
}

/** Places for what is typed after the last comma; each suggestion keeps the text before it. */
export function PlaceDatalist({ fieldKey, value, active }: { fieldKey: string; value: string; active: boolean }) {
  const [options, setOptions] = useState<string[]>([]);
  useEffect(() => {
    const cut = value.lastIndexOf(',');
    const head = cut >= 0 ? value.slice(0, cut + 1) + ' ' : '';
    const q = value.slice(cut + 1).trim();
    if (!active || q.length < 2) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.units(q, ctl.signal).then(
        (hits) => setOptions(hits.slice(0, 12).map((h) => head + h.path)),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [value, active]);
  return (
    <datalist id={datalistId('place', fieldKey)}>
      {options.map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
}
