/**
 * Nationalities (quốc tịch) written as Vietnamese country names. Names come
 * from CLDR (i18n-iso-countries, `vi`), with the display overrides and MoJ-style
 * aliases of nationality-names.ts, plus "Người không quốc tịch" (stateless,
 * code 'XX'). Matching goes through compactKey (name-catalog.ts): case,
 * diacritics, hyphens, spaces and trailing blanks do not matter.
 * "Việt Nam" resolves exactly. Unknown is an ERROR, an alias a WARNING.
 */
import vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import { makeIssue, type VnIssue } from './finding.js';
import { createCatalog } from './name-catalog.js';
import { DISPLAY_NAMES, EXTRA_ALIASES } from './nationality-names.js';
import { cleanText } from './text.js';

export const NATIONALITY_VIETNAM = 'Việt Nam';
export const STATELESS_CODE = 'XX';

export interface Nationality {
  iso2: string;
  name: string;
  aliases: readonly string[];
}

export type NationalityMatch = { status: 'exact' | 'alias'; iso2: string; name: string } | { status: 'unknown' };

function buildNationalities(): Nationality[] {
  const list = Object.entries(vi.countries as Record<string, string | string[]>).map(([iso2, names]) => {
    const cldr = typeof names === 'string' ? [names] : names;
    const name = DISPLAY_NAMES[iso2] ?? cldr[0] ?? iso2;
    const aliases = [...cldr, ...(EXTRA_ALIASES[iso2] ?? [])].filter((a) => a !== name);
    return { iso2, name, aliases };
  });
  list.push({ iso2: STATELESS_CODE, name: 'Người không quốc tịch', aliases: ['Không quốc tịch', 'Stateless'] });
  return list;
}

const NATIONALITIES = buildNationalities();
const catalog = createCatalog(NATIONALITIES, ['quoc tich', 'nuoc', 'nguoi']);

export function resolveNationality(text: string): NationalityMatch {
  const found = catalog.lookup(text);
  if (found.status === 'exact') return { status: 'exact', iso2: found.entry.iso2, name: found.entry.name };
  if (found.status === 'alias') return { status: 'alias', iso2: found.entry.iso2, name: found.entry.name };
  return { status: 'unknown' };
}

const collator = new Intl.Collator('vi');

/** Every nationality for autocomplete: Việt Nam first, then by Vietnamese collation. */
export function listNationalities(): ReadonlyArray<{ iso2: string; name: string }> {
  const rest = NATIONALITIES.filter((n) => n.iso2 !== 'VN').sort((a, b) => collator.compare(a.name, b.name));
  return [{ iso2: 'VN', name: NATIONALITY_VIETNAM }, ...rest].map(({ iso2, name }) => ({ iso2, name }));
}

/** Keys naming several countries (should be none; for tests and data review). */
export function ambiguousNationalityKeys(): string[] {
  return catalog.ambiguousKeys();
}

/** undefined for empty text or a canonical name; WARNING for an alias, ERROR when unknown. */
export function nationalityIssue(text: string): VnIssue | undefined {
  const written = cleanText(text);
  if (written === '') return undefined;
  const found = resolveNationality(written);
  if (found.status === 'exact') return undefined;
  if (found.status === 'alias') {
    return makeIssue('nationality.alias', 'WARNING', `"${written}" được hiểu là quốc tịch ${found.name}; tên chuẩn là "${found.name}"`);
  }
  return makeIssue('nationality.unknown', 'ERROR', `"${written}" không có trong danh mục quốc gia, vùng lãnh thổ`);
}
