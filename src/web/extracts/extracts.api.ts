/** Calls of the certified-copy screens (src/extracts on the server). */
import { getJson, sendJson } from '../shared/index.js';

export interface PrintedPart {
  label: string;
  value: string;
}
export interface PrintedCopy {
  issuer: { province: string; authority: string };
  number: string;
  title: string;
  lines: PrintedPart[][];
  source: string;
}
export interface IssuedCopy {
  id: string;
  number: string;
  verifyUrl: string;
  printed: PrintedCopy;
}
export interface CopyItem {
  id: string;
  number: string;
  recordId: string;
  bookId: string;
  issuingUnitId: string;
  copies: number;
  issuedAt: string;
  verifyUrl: string;
  revokedAt: string | null;
  revokeReason: string | null;
}
export interface RequestItem {
  id: string;
  requesterName: string;
  copies: number;
  fee: number;
  receivedAt: string;
  dueAt: string;
  status: string;
  recordId: string | null;
  refusalReason: string;
}
export interface RecordSummary {
  id: string;
  bookId: string;
  registerType: string;
  status: string;
  values: Record<string, string>;
}
export interface BookSummary {
  id: string;
  title: string;
  authority: string;
  authorityUnit: { id: string; path: string } | null;
}

export const issueCopy = (recordId: string, body: Record<string, unknown>) => sendJson<IssuedCopy>('POST', `/api/records/${recordId}/extracts`, body);
export const listCopies = (q: { recordId?: string; unit?: string }) => getJson<CopyItem[]>(`/api/extracts?${new URLSearchParams(q as Record<string, string>)}`);
export const revokeCopy = (id: string, reason: string) => sendJson<CopyItem>('POST', `/api/extracts/${id}/revoke`, { reason });
export const listRequests = () => getJson<RequestItem[]>('/api/extract-requests');
export const createRequest = (body: Record<string, unknown>) => sendJson<RequestItem>('POST', '/api/extract-requests', body);
export const refuseRequest = (id: string, reason: string) => sendJson<RequestItem>('POST', `/api/extract-requests/${id}/refuse`, { reason });
export const getRecord = (id: string) => getJson<RecordSummary>(`/api/records/${id}`);
export const getBook = (id: string) => getJson<BookSummary>(`/api/books/${id}`);
export const logUrl = (unit: string, from: string, to: string) => `/api/extracts/log.xlsx?${new URLSearchParams({ unit, from, to })}`;
