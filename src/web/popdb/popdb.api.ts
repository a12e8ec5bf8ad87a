/** The population-DB comparison screens' calls: the server's own types (type-only), the raw-body upload and following its job. */
import { getJson, jobOutcome, sendJson, startJob } from '../shared/index.js';
import type { ConflictView, PopdbBatchView, PopdbProgress } from '../../popdb/index.js';

export type { ConflictView, ConflictField, PopdbBatchView, PopdbProgress } from '../../popdb/index.js';

/** Sends the returned file as the body; the server answers 202 { jobId } and imports it in the background. */
export const uploadResult = (file: File): Promise<string> => startJob(`/api/popdb/imports?${new URLSearchParams({ filename: file.name }).toString()}`, file);

/** Follows the job until it ends: the batch (imported, or refused row by row); a file-level refusal rejects with its message. */
export const followResult = (jobId: string, onProgress: (p: PopdbProgress) => void): Promise<PopdbBatchView> =>
  jobOutcome<PopdbBatchView>(jobId, 'Nhập tệp không thành công.', (p) => onProgress(p as PopdbProgress));

export const listBatches = () => getJson<PopdbBatchView[]>('/api/popdb/batches');
export const listConflicts = (state: 'open' | 'decided' | 'all' = 'open') => getJson<ConflictView[]>(`/api/popdb/conflicts?state=${state}`);
export const getConflict = (id: string) => getJson<ConflictView>(`/api/popdb/conflicts/${id}`);

export type DecideBody =
  { decision: 'book_confirmed'; note: string } | { decision: 'record_corrected'; note: string; values: Record<string, string>; reason: string; expectedVersion: number; clientTxId: string };

export const decide = (id: string, body: DecideBody) => sendJson<ConflictView>('POST', `/api/popdb/conflicts/${id}/decide`, body);
