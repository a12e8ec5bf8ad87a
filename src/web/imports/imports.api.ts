/** The import screen's calls: the server's own types (type-only imports), the raw-body upload and following its job. */
import { ApiError, getJson } from '../shared/index.js';
import type { JobView } from '../../core/index.js';
import type { ImportProgress, ImportView } from '../../exchange/index.js';

export type { ImportProgress, ImportView } from '../../exchange/index.js';
export type { BookView as Book } from '../../archive/index.js';

/**
 * Sends the file as the request body; the server checks it cheaply, stores it
 * and answers 202 { jobId }: the import runs as a background job.
 * fixEncoding applies the legacy-font / look-alike conversions the report offered.
 */
export async function uploadImport(file: File, bookId: string, fixEncoding = false): Promise<string> {
  const query = new URLSearchParams({ filename: file.name, ...(bookId ? { bookId } : {}), ...(fixEncoding ? { fixEncoding: '1' } : {}) });
  const res = await fetch(`/api/imports?${query.toString()}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status === 202) return (body as { jobId: string }).jobId;
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(res.status, error?.code ?? '', error?.message ?? `Lỗi ${res.status} khi nhập tệp.`);
}

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the import job until it ends: resolves with the import (imported, or
 * failed row by row with its error report); a file-level refusal rejects with
 * its Vietnamese message. onProgress gets every new report (rows read, checked, written).
 */
export async function followImport(jobId: string, onProgress: (p: ImportProgress) => void): Promise<ImportView> {
  for (;;) {
    const job = await getJson<JobView>(`/api/jobs/${jobId}`);
    if (job.progress) onProgress(job.progress as ImportProgress);
    if (job.status === 'done') return job.result as ImportView;
    if (job.status === 'failed') throw new ApiError(0, job.error?.code ?? 'job.failed', job.error?.message ?? 'Nhập dữ liệu không thành công.', job.error?.details);
    await sleep(POLL_MS);
  }
}
