/** The audit screen's calls: GET /api/audit (the server's own types, type-only) and the books for the unit choice. */
import { getJson } from '../shared/index.js';
import type { AuditPage } from '../../audit/index.js';
import type { BookPage, BookView } from '../../archive/index.js';

export type { AuditItem, AuditPage } from '../../audit/index.js';
export type { BookView } from '../../archive/index.js';

export interface AuditFilter {
  log: 'actions' | 'access';
  user: string;
  unit: string;
  record: string;
  book: string;
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilter = { log: 'actions', user: '', unit: '', record: '', book: '', from: '', to: '' };

export function fetchAudit(f: AuditFilter, before: string | null, signal?: AbortSignal): Promise<AuditPage> {
  const q = new URLSearchParams({ limit: '50' });
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v.trim());
  if (before) q.set('before', before);
  return getJson<AuditPage>(`/api/audit?${q.toString()}`, signal);
}

/** The first 200 books (newest first), whose units the filter offers. */
export const listBooks = (signal?: AbortSignal): Promise<BookView[]> => getJson<BookPage>('/api/books?limit=200', signal).then((p) => p.items);
