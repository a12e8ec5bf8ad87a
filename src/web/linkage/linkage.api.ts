/** The duplicate queue's calls to the linkage API (src/linkage/linkage.routes.ts) and the Vietnamese labels of kinds, statuses and decisions. */
import type { CandidateView } from '../../linkage/index.js';
import type { RecordView } from '../../entry/index.js';
import { getJson, sendJson } from '../shared/index.js';

export type { CandidateView, RecordView };

export const KIND_NAMES: Readonly<Record<string, string>> = {
  duplicate: 'Trùng đăng ký',
  reregistration: 'Đăng ký lại',
  death: 'Khai sinh ↔ Khai tử',
  marriage: 'Khai sinh ↔ Kết hôn',
  correction: 'Cải chính ↔ bản gốc',
};

export const STATUS_NAMES: Readonly<Record<string, string>> = {
  agree: 'khớp',
  partial: 'gần khớp',
  disagree: 'khác',
  missing: 'thiếu',
};

export const DECISION_NAMES: Readonly<Record<string, string>> = {
  duplicate_of: 'Trùng',
  linked: 'Liên kết',
  not_same: 'Không phải cùng một người',
};

export const isDuplicateKind = (kind: string) => kind === 'duplicate' || kind === 'reregistration';

export interface Decision {
  decision: 'duplicate_of' | 'linked' | 'not_same';
  keepId?: string;
  reason: string;
}

export const linkageApi = {
  open: () => getJson<CandidateView[]>('/api/linkage/candidates?status=open&limit=200'),
  candidate: (id: string) => getJson<CandidateView>(`/api/linkage/candidates/${id}`),
  record: (id: string) => getJson<RecordView>(`/api/records/${id}`),
  decide: (id: string, d: Decision) => sendJson<CandidateView>('POST', `/api/linkage/candidates/${id}/decision`, d),
};

/** A page image of the record through the IIIF image service, scaled to fit the comparison column. */
export const pageImageUrl = (pageId: string) => `/iiif/3/${pageId}/full/!900,1200/0/default.jpg`;
