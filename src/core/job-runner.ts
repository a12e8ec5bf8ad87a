/**
 * Background jobs: a typed job map (kind -> payload) whose handlers the
 * composition level (server/jobs.ts) lists completely:
 *   const handlers = { 'export.book': runExportJob } satisfies JobHandlers<Jobs>;
 * Jobs live in the `jobs` table of the same database (no Redis). A worker
 * claims one due job at a time, runs its handler and stores the outcome:
 * - the handler's answer -> done, result;
 * - a typed AppError (export.blocked …) -> failed at once, the user keeps its
 *   code, Vietnamese message and details;
 * - anything else -> retried with backoff until max_attempts, then failed
 *   with a generic Vietnamese message (the raw text stays in last_error).
 * A job still running after STALE_AFTER_MS (its worker died) is released:
 * queued again, or failed when no attempt is left (releaseStaleJobs).
 * Tests call runDueJobs (no timers); the server runs startJobWorker.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { isAppError, NotFound } from './errors.js';
import * as repo from './jobs.repo.js';

export interface JobInfo {
  id: string;
  attempt: number;
}

export type Handler<P, R = unknown> = (ctx: AppContext, payload: P, job: JobInfo) => Promise<R>;

/** The handlers of a job map: one per kind, none missing, none extra. */
export type JobHandlers<J> = { [K in keyof J]: Handler<J[K]> };

/** What runDueJobs / the worker accept: any complete handler map. */
export type AnyJobHandlers = Readonly<Record<string, Handler<never>>>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  result?: unknown;
  error?: repo.UserFacingError;
}

/** Wait before attempt n+1 after n failed attempts: 15 s, 1 min, 4 min … */
export const retryDelayMs = (attempts: number): number => 15_000 * 4 ** Math.max(0, attempts - 1);

export async function enqueueJob<J, K extends keyof J & string>(ctx: AppContext, kind: K, payload: J[K], opts: { maxAttempts?: number } = {}): Promise<string> {
  return repo.insertJob(ctx.store.db, { kind, payload, runAt: ctx.clock(), maxAttempts: opts.maxAttempts });
}

/** The job as its owner sees it; NotFound when absent. Access rules are the caller's (see payloadOf). */
export async function getJob(ctx: AppContext, id: string): Promise<JobView & { payload: unknown }> {
  const row = /^[0-9]{1,18}$/.test(id) ? await repo.findJobRow(ctx.store.db, id) : undefined;
  if (!row) throw new NotFound('job.not_found', `Không tìm thấy công việc #${id}.`, { id });
  const status = row.status as JobStatus;
  return {
    id: row.id, kind: row.kind, status, payload: row.payload,
    ...(status === 'done' ? { result: row.result } : {}),
    ...(status === 'failed' && row.error ? { error: row.error as repo.UserFacingError } : {}),
  };
}

const GENERIC_FAILURE = (attempts: number): repo.UserFacingError => ({
  code: 'job.failed',
  message: `Công việc không thực hiện được${attempts > 0 ? ` sau ${attempts} lần thử` : ''}. Vui lòng thử lại hoặc báo cho quản trị viên.`,
});

async function recordFailure(ctx: AppContext, job: { id: string; kind: string; attempts: number; max_attempts: number }, e: unknown): Promise<void> {
  const raw = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const now = ctx.clock();
  if (isAppError(e)) return repo.markFailed(ctx.store.db, job.id, { code: e.code, message: e.message, details: e.details }, raw, now);
  ctx.log.error('job failed', { id: job.id, kind: job.kind, attempt: job.attempts, error: raw });
  if (job.attempts < job.max_attempts) return repo.requeue(ctx.store.db, job.id, raw, new Date(now.getTime() + retryDelayMs(job.attempts)));
  return repo.markFailed(ctx.store.db, job.id, GENERIC_FAILURE(job.attempts), raw, now);
}

/** Claims and runs ONE due job; false when none was due. */
export async function runNextJob(ctx: AppContext, handlers: AnyJobHandlers, workerId = `worker-${randomUUID()}`): Promise<boolean> {
  const job = await repo.claimDueJob(ctx.store.db, workerId, ctx.clock(), Object.keys(handlers));
  if (!job) return false;
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler(ctx, job.payload as never, { id: job.id, attempt: job.attempts });
    await repo.markDone(ctx.store.db, job.id, result, ctx.clock());
  } catch (e) {
    await recordFailure(ctx, job, e);
  }
  return true;
}

/** A job running longer than this is taken for lost (its worker died): 1 hour, far above a large export. */
export const STALE_AFTER_MS = 60 * 60_000;

/** Puts back in the queue (or fails, when no attempt is left) the jobs whose worker vanished; returns how many. */
export async function releaseStaleJobs(ctx: AppContext, staleAfterMs = STALE_AFTER_MS): Promise<number> {
  const now = ctx.clock();
  const raw = `worker lost: still running after ${Math.round(staleAfterMs / 60_000)} min`;
  return repo.releaseStale(ctx.store.db, new Date(now.getTime() - staleAfterMs), now, { raw, error: GENERIC_FAILURE(0) });
}

/** Runs every job due now, one after another, until none is left; returns how many ran. */
export async function runDueJobs(ctx: AppContext, handlers: AnyJobHandlers, workerId?: string): Promise<number> {
  let ran = 0;
  while (await runNextJob(ctx, handlers, workerId)) ran++;
  return ran;
}
