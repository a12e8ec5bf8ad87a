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
 * While a handler runs its worker renews the job's lease (job-lease.ts) and
 * stores the progress the handler reports (job.progress); a job whose lease
 * lapsed (its worker died or froze) is released: queued again, or failed when
 * no attempt is left (releaseStaleJobs). Only the lease holder may finish a
 * job, so a job is never finished twice, and a live job is never taken back.
 * Tests call runDueJobs (no timers); the server runs startJobWorker.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { isAppError, NotFound } from './errors.js';
import { DEFAULT_LEASE, holdLease, type LeaseOptions } from './job-lease.js';
import * as repo from './jobs.repo.js';

export interface JobInfo {
  id: string;
  attempt: number;
  /** Fires when the job's lease was taken back by another worker: stop, write nothing more. */
  signal: AbortSignal;
  /** Reports progress (JSON, e.g. { rowsRead, rowsChecked, rowsWritten }); stored about once a second. */
  progress(report: unknown): void;
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
  /** The handler's last progress report, when it made one. */
  progress?: unknown;
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
    id: row.id,
    kind: row.kind,
    status,
    payload: row.payload,
    ...(status === 'done' ? { result: row.result } : {}),
    ...(status === 'failed' && row.error ? { error: row.error as repo.UserFacingError } : {}),
    ...(row.progress !== null ? { progress: row.progress } : {}),
  };
}

const GENERIC_FAILURE = (attempts: number): repo.UserFacingError => ({
  code: 'job.failed',
  message: `Công việc không thực hiện được${attempts > 0 ? ` sau ${attempts} lần thử` : ''}. Vui lòng thử lại hoặc báo cho quản trị viên.`,
});

async function recordFailure(ctx: AppContext, job: { id: string; kind: string; attempts: number; max_attempts: number }, owner: string, e: unknown): Promise<boolean> {
  const raw = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const now = ctx.clock();
  if (isAppError(e)) return repo.markFailed(ctx.store.db, job.id, owner, { code: e.code, message: e.message, details: e.details }, raw, now);
  ctx.log.error('job failed', { id: job.id, kind: job.kind, attempt: job.attempts, error: raw });
  if (job.attempts < job.max_attempts) return repo.requeue(ctx.store.db, job.id, owner, raw, new Date(now.getTime() + retryDelayMs(job.attempts)));
  return repo.markFailed(ctx.store.db, job.id, owner, GENERIC_FAILURE(job.attempts), raw, now);
}

/** The job a worker holds right now, as its stop() sees it. */
export interface JobInHand {
  id: string;
  /** Gives the job back to the queue (attempt not counted) and tells its handler to stop; false when it was no longer ours. */
  handBack(): Promise<boolean>;
}

/** Claims and runs ONE due job, holding its lease while it runs; false when none was due. `onStart` learns the job in hand (and null when it is over). */
export async function runNextJob(
  ctx: AppContext,
  handlers: AnyJobHandlers,
  workerId = `worker-${randomUUID()}`,
  lease: Partial<LeaseOptions> = {},
  onStart?: (job: JobInHand | null) => void,
): Promise<boolean> {
  const opts = { ...DEFAULT_LEASE, ...lease };
  const job = await repo.claimDueJob(ctx.store.db, workerId, ctx.clock(), Object.keys(handlers), opts.leaseMs);
  if (!job) return false;
  const handler = handlers[job.kind];
  const held = holdLease(ctx, job.id, workerId, opts);
  onStart?.({
    id: job.id,
    handBack: async () => {
      held.abandon();
      return repo.handBack(ctx.store.db, job.id, workerId, ctx.clock());
    },
  });
  try {
    await runHeld(ctx, handler, job, held, workerId);
  } finally {
    onStart?.(null);
  }
  return true;
}

type ClaimedJob = NonNullable<Awaited<ReturnType<typeof repo.claimDueJob>>>;

async function runHeld(ctx: AppContext, handler: AnyJobHandlers[string] | undefined, job: ClaimedJob, held: ReturnType<typeof holdLease>, workerId: string): Promise<void> {
  let finished: boolean;
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler(ctx, job.payload as never, { id: job.id, attempt: job.attempts, signal: held.signal, progress: held.progress });
    await held.release();
    finished = await repo.markDone(ctx.store.db, job.id, workerId, result, ctx.clock());
  } catch (e) {
    await held.release();
    finished = await recordFailure(ctx, job, workerId, e);
  }
  if (!finished) ctx.log.warn('job lost its lease; its outcome was dropped', { id: job.id, kind: job.kind, worker: workerId });
}

/** How long a running job may go without renewing its lease before any worker takes it back. */
export const LEASE_MS = DEFAULT_LEASE.leaseMs;

/** Puts back in the queue (or fails, when no attempt is left) the running jobs whose lease lapsed; returns how many. */
export async function releaseStaleJobs(ctx: AppContext): Promise<number> {
  const raw = 'worker lost: its lease lapsed';
  return repo.releaseLapsed(ctx.store.db, ctx.clock(), { raw, error: GENERIC_FAILURE(0) });
}

/** Runs every job due now, one after another, until none is left; returns how many ran. */
export async function runDueJobs(ctx: AppContext, handlers: AnyJobHandlers, workerId?: string, lease?: Partial<LeaseOptions>): Promise<number> {
  let ran = 0;
  while (await runNextJob(ctx, handlers, workerId, lease)) ran++;
  return ran;
}
