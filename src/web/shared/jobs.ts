/**
 * Background jobs seen from the web (one copy for every screen): a file sent
 * as the raw request body to a route that answers 202 { jobId }, and the job
 * followed at /api/jobs/:id until it ends. A failed job rejects with its
 * Vietnamese message as an ApiError (status 0: no HTTP failure, details kept).
 */
import type { JobView } from '../../core/index.js';
import { ApiError, getJson } from './api.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `body` (a file, or nothing) to a job route; resolves with the job's id, or rejects with the server's refusal. */
export async function startJob(url: string, body?: File): Promise<string> {
  const res = await fetch(url, { method: 'POST', ...(body ? { headers: { 'Content-Type': 'application/octet-stream' }, body } : {}) });
  const answer: unknown = await res.json().catch(() => undefined);
  if (res.status === 202) return (answer as { jobId: string }).jobId;
  const error = (answer as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(res.status, error?.code ?? '', error?.message ?? `Lỗi ${res.status}.`);
}

export interface FollowOptions {
  onProgress?: (progress: unknown) => void;
  /** Stops following (resolves undefined) once this turns false, e.g. the screen was left. */
  alive?: () => boolean;
  pollMs?: number;
}

/** Polls the job until it is done or failed and answers its view (undefined if `alive` turned false first). */
export async function followJob(jobId: string, opts: FollowOptions = {}): Promise<JobView | undefined> {
  while (opts.alive?.() ?? true) {
    const job = await getJson<JobView>(`/api/jobs/${jobId}`);
    if (job.progress) opts.onProgress?.(job.progress);
    if (job.status === 'done' || job.status === 'failed') return job;
    await sleep(opts.pollMs ?? 500);
  }
  return undefined;
}

/** The result of an ended job, or its error thrown (with `failMessage` when the job gave none). */
export function jobResult<T>(job: JobView, failMessage: string): T {
  if (job.status === 'done') return job.result as T;
  throw new ApiError(0, job.error?.code ?? 'job.failed', job.error?.message ?? failMessage, job.error?.details);
}

/** Follows a job to its end and answers its result (rejects on failure). */
export async function jobOutcome<T>(jobId: string, failMessage: string, onProgress?: (p: unknown) => void): Promise<T> {
  const job = await followJob(jobId, onProgress ? { onProgress } : {});
  return jobResult<T>(job!, failMessage);
}
