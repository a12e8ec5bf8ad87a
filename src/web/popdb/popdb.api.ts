/** The population-DB comparison screens' calls: the server's own types (type-only), the raw-body upload and following its job. */
import { ApiError, getJson, sendJson } from '../shared/index.js';
import type { JobView } from '../../core/index.js';
import type { ConflictView, PopdbBatchView, PopdbProgress } from '../../popdb/index.js';

export type { ConflictView, ConflictField, PopdbBatchView, PopdbProgress } from '../../popdb/index.js';

/** Sends the returned file as the body; the server answers 202 { jobId } and imports it in the background. */
export async function uploadResult(file: File): Promise<string> {
  const res = await fetch(`/api/popdb/imports?${new URLSearchParams({ filename: file.name }).toString()}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status === 202) return (body as { jobId: string }).jobId;
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(res.status, error?.code ?? '', error?.message ?? `Lỗi ${res.status} khi nhập tệp.`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the job until it ends: the batch (imported, or refused row by row); a file-level refusal rejects with its message. */
export async function followResult(jobId: string, onProgress: (p: PopdbProgress) => void): Promise<PopdbBatchView> {
  for (;;) {
    const job = await getJson<JobView>(`/api/jobs/${jobId}`);
    if (job.progress) onProgress(job.progress as PopdbProgress);
    if (job.status === 'done') return job.result as PopdbBatchView;
    if (job.status === 'failed') throw new ApiError(0, job.error?.code ?? 'job.failed', job.error?.message ?? 'Nhập tệp không thành công.', job.error?.details);
    await sleep(500);
  }
}

export const listBatches = () => getJson<PopdbBatchView[]>('/api/popdb/batches');
export const listConflicts = (state: 'open' | 'decided' | 'all' = 'open') => getJson<ConflictView[]>(`/api/popdb/conflicts?state=${state}`);
export const getConflict = (id: string) => getJson<ConflictView>(`/api/popdb/conflicts/${id}`);

export type DecideBody =
  { decision: 'book_confirmed'; note: string } | { decision: 'record_corrected'; note: string; values: Record<string, string>; reason: string; expectedVersion: number; clientTxId: string };

export const decide = (id: string, body: DecideBody) => sendJson<ConflictView>('POST', `/api/popdb/conflicts/${id}/decide`, body);
