/** Calls of the certified-copy screens (src/extracts on the server). */
import { getJson, jobOutcome, sendJson } from '../shared/index.js';
import type { IssueProgress } from '../../extracts/index.js';

export type { IssueProgress } from '../../extracts/index.js';

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

/**
 * Issues a copy: the server checks at once (a refusal rejects with its
 * reasons) and answers 202 { jobId }; the job (PDF, signature) is followed
 * until it ends, onProgress getting each step.
 */
export async function issueCopy(recordId: string, body: Record<string, unknown>, onProgress: (p: IssueProgress) => void = () => {}): Promise<IssuedCopy> {
  const { jobId } = await sendJson<{ jobId: string }>('POST', `/api/records/${recordId}/extracts`, body);
  return jobOutcome<IssuedCopy>(jobId, 'Cấp bản sao không thành công.', (p) => onProgress(p as IssueProgress));
}
export const listCopies = (q: { recordId?: string; unit?: string }) => getJson<CopyItem[]>(`/api/extracts?${new URLSearchParams(q as Record<string, string>)}`);
export const revokeCopy = (id: string, reason: string) => sendJson<CopyItem>('POST', `/api/extracts/${id}/revoke`, { reason });
export const listRequests = () => getJson<RequestItem[]>('/api/extract-requests');
export const createRequest = (body: Record<string, unknown>) => sendJson<RequestItem>('POST', '/api/extract-requests', body);
export const refuseRequest = (id: string, reason: string) => sendJson<RequestItem>('POST', `/api/extract-requests/${id}/refuse`, { reason });
export const getRecord = (id: string) => getJson<RecordSummary>(`/api/records/${id}`);
export const getBook = (id: string) => getJson<BookSummary>(`/api/books/${id}`);
export const logUrl = (unit: string, from: string, to: string) => `/api/extracts/log.xlsx?${new URLSearchParams({ unit, from, to })}`;
