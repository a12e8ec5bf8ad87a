/** Calls of the search page: GET /api/search with the form's fields (empty ones left out). */
import type { SearchResult } from '../../search/index.js';
import { getJson } from '../shared/index.js';

export type { SearchHit, SearchResult } from '../../search/index.js';

export interface SearchForm {
  q: string;
  type: string;
  year: string;
  unit: string;
}

export const EMPTY_FORM: SearchForm = { q: '', type: '', year: '', unit: '' };

export function formToQuery(f: SearchForm): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim() !== '') p.set(k, v.trim());
  return p.toString();
}

export function formFromQuery(query: string): SearchForm {
  const p = new URLSearchParams(query);
  return { q: p.get('q') ?? '', type: p.get('type') ?? '', year: p.get('year') ?? '', unit: p.get('unit') ?? '' };
}

export function searchPeople(f: SearchForm, signal?: AbortSignal): Promise<SearchResult> {
  return getJson<SearchResult>(`/api/search?${formToQuery(f)}`, signal);
}
