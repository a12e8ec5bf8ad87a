/**
 * The worker loop the server runs: claim and run due jobs one at a time
 * (each under a lease it renews, job-lease.ts), sleep `idleMs` (default
 * 500 ms) when none is due; every `staleCheckMs` (15 s, and at start) take
 * back the jobs whose lease lapsed, so a dead worker's job starts again within
 * a lease plus a check (under a minute). stop() wakes it, waits for the job in
 * hand to finish, and resolves; stop({ handBack: true }) (a worker process told
 * to stop, SIGTERM) instead gives the job in hand back to the queue at once
 * (attempt not counted; another worker takes it on its next poll), tells the
 * handler to stop, and waits at most `graceMs` for it. A database error is
 * logged and retried after the idle pause, never thrown out of the loop.
 * Every `statsCheckMs` (5 min, first a minute after start) it refreshes the
 * planner's statistics of the tables that grew (store refreshStatistics:
 * embedded PGlite has no autovacuum).
 */
import { randomUUID } from 'node:crypto';
import { refreshStatistics } from '../store/index.js';
import type { AppContext } from './context.js';
import type { LeaseOptions } from './job-lease.js';
import { releaseStaleJobs, runNextJob, type AnyJobHandlers, type JobInHand } from './job-runner.js';

export const STALE_CHECK_MS = 15_000;
export const STATS_CHECK_MS = 5 * 60_000;
const FIRST_STATS_CHECK_MS = 60_000;

export interface StopOptions {
  /** Give the job in hand back instead of finishing it. */
  handBack?: boolean;
  /** With handBack: how long to wait for the handler to notice (default 5 s). */
  graceMs?: number;
}

export interface JobWorker {
  readonly id: string;
  /** The id of the job running now, if any. */
  readonly current: string | undefined;
  stop(opts?: StopOptions): Promise<void>;
}

export interface JobWorkerOptions extends Partial<LeaseOptions> {
  idleMs?: number;
  staleCheckMs?: number;
  statsCheckMs?: number;
}

export function startJobWorker(ctx: AppContext, handlers: AnyJobHandlers, opts: JobWorkerOptions = {}): JobWorker {
  const id = `worker-${randomUUID()}`;
  const { idleMs = 500, staleCheckMs = STALE_CHECK_MS, statsCheckMs = STATS_CHECK_MS, ...lease } = opts;
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, idleMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const logged = (e: unknown) => {
    ctx.log.error('job worker: database error', { worker: id, error: e instanceof Error ? e.message : String(e) });
    return false;
  };
  let checkedAt = -Infinity;
  let statsDueAt = Date.now() + Math.min(statsCheckMs, FIRST_STATS_CHECK_MS);
  const refreshed = (tables: string[]) => {
    if (tables.length > 0) ctx.log.info('job worker: planner statistics refreshed', { worker: id, tables });
  };
  let inHand: JobInHand | null = null;
  async function loop(): Promise<void> {
    while (!stopped) {
      if (Date.now() - checkedAt >= staleCheckMs) {
        checkedAt = Date.now();
        await releaseStaleJobs(ctx).catch(logged);
      }
      if (Date.now() >= statsDueAt) {
        statsDueAt = Date.now() + statsCheckMs;
        await refreshStatistics(ctx.store.db).then(refreshed, logged);
      }
      const ran = await runNextJob(ctx, handlers, id, lease, (j) => (inHand = j)).catch(logged);
      if (!ran && !stopped) await pause();
    }
  }
  const done = loop();
  return {
    id,
    get current() {
      return inHand?.id;
    },
    async stop(stop: StopOptions = {}) {
      stopped = true;
      wake?.();
      const job = inHand;
      if (!stop.handBack || !job) return done;
      const back = await job.handBack().catch(logged);
      ctx.log.info(back ? 'job worker: job handed back' : 'job worker: job in hand was no longer ours', { worker: id, job: job.id });
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, stop.graceMs ?? 5_000)));
      await Promise.race([done, grace]);
      clearTimeout(timer);
    },
  };
}
