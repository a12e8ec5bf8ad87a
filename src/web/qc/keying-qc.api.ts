/**
 * What the keying-side QC screens read and write: the book's QC mode, the
 * keyer's work queue and passes, arbitration, book checks. Shapes are the
 * server's own types (type-only imports).
 */
import type { ArbitrationItem, BookChecklist, CheckCode, Decision, KeyingQueue, NextArbitration, QcMode, QcSetting } from '../../qc/index.js';
import type { RecordView } from '../../entry/index.js';
import { getJson, newTxId, sendJson } from '../shared/index.js';

export type { ArbitrationItem, BookChecklist, BookCheckItem, KeyingQueue, NextArbitration, QcMode, QcSetting } from '../../qc/index.js';

export const MODE_LABELS: Record<QcMode, string> = {
  single_review: 'Nhập một lần + kiểm tra chéo',
  double_blind: 'Nhập hai lần độc lập',
  double_critical: 'Nhập hai lần các trường trọng yếu',
};

export const qcApi = {
  mode: (bookId: string) => getJson<QcSetting>(`/api/books/${bookId}/qc-mode`),
  setMode: (bookId: string, mode: QcMode) => sendJson<QcSetting>('PUT', `/api/books/${bookId}/qc-mode`, { mode }),
  queue: (bookId: string) => getJson<KeyingQueue>(`/api/books/${bookId}/keying-queue`),
  claim: (registrationId: string) => sendJson<RecordView>('POST', `/api/records/${registrationId}/keyings`, { clientTxId: newTxId() }),
  nextArbitration: (bookId?: string) => getJson<NextArbitration>(`/api/qc/arbitration/next${bookId ? `?bookId=${bookId}` : ''}`),
  decide: (id: string, choice: 'first' | 'second' | 'other', value?: string) => sendJson<Decision>('POST', `/api/qc/disagreements/${id}/decide`, choice === 'other' ? { choice, value } : { choice }),
  checks: (bookId: string) => getJson<BookChecklist>(`/api/books/${bookId}/checks`),
  resolveCheck: (bookId: string, checkCode: CheckCode, subject: string, status: 'resolved' | 'explained', note: string) =>
    sendJson<BookChecklist>('POST', `/api/books/${bookId}/checks`, { checkCode, subject, status, note }),
};

/** The IIIF URL of the registration's region on its first page (the whole page when no region was drawn). */
export function regionImageUrl(item: Pick<ArbitrationItem, 'pageIds' | 'regions'>): string | undefined {
  const r = item.regions[0];
  const pct = (n: number) => Math.round(n * 10000) / 100;
  if (r) return `/iiif/3/${r.pageId}/pct:${pct(r.x)},${pct(r.y)},${pct(r.w)},${pct(r.h)}/!1400,900/0/default.jpg`;
  const pageId = item.pageIds[0];
  return pageId ? `/iiif/3/${pageId}/full/!1400,900/0/default.jpg` : undefined;
}
