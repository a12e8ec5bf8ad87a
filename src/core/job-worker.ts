/**
 * The worker loop the server runs: claim and run due jobs one at a time
 * (each under a lease it renews, job-lease.ts), sleep `idleMs` (default
 * 500 ms) when none is due; every `staleCheckMs` (15 s, and at start) take
 * back the jobs whose lease lapsed, so a dead worker's job starts again within
 * a lease plus a check (under a minute). stop() wakes it, waits for the job in
 * hand to finish, and resolves; a database error is logged and retried after
 * the idle pause, never thrown out of the loop.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import type { LeaseOptions } from './job-lease.js';
import { releaseStaleJobs, runNextJob, type AnyJobHandlers } from './job-runner.js';

export const STALE_CHECK_MS = 15_000;

export interface JobWorker {
  readonly id: string;
  stop(): Promise<void>;
}

export interface JobWorkerOptions extends Partial<LeaseOptions> {
  idleMs?: number;
  staleCheckMs?: number;
}

export function startJobWorker(ctx: AppContext, handlers: AnyJobHandlers, opts: JobWorkerOptions = {}): JobWorker {
  const id = `worker-${randomUUID()}`;
  const { idleMs = 500, staleCheckMs = STALE_CHECK_MS, ...lease } = opts;
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
  async function loop(): Promise<void> {
    while (!stopped) {
      if (Date.now() - checkedAt >= staleCheckMs) {
        checkedAt = Date.now();
        await releaseStaleJobs(ctx).catch(logged);
      }
      const ran = await runNextJob(ctx, handlers, id, lease).catch(logged);
      if (!ran && !stopped) await pause();
    }
  }
  const done = loop();
  return {
    id,
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
