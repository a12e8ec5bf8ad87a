/**
 * The worker loop the server runs: claim and run due jobs one at a time,
 * sleep `idleMs` (default 500 ms) when none is due; every minute (and at
 * start) release the jobs of vanished workers. stop() wakes it, waits
 * for the job in hand to finish, and resolves; a database error is logged
 * and retried after the idle pause, never thrown out of the loop.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { releaseStaleJobs, runNextJob, type AnyJobHandlers } from './job-runner.js';

const STALE_CHECK_MS = 60_000;

export interface JobWorker {
  readonly id: string;
  stop(): Promise<void>;
}

export function startJobWorker(ctx: AppContext, handlers: AnyJobHandlers, opts: { idleMs?: number } = {}): JobWorker {
  const id = `worker-${randomUUID()}`;
  const idleMs = opts.idleMs ?? 500;
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = () => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, idleMs);
    wake = () => { clearTimeout(timer); resolve(); };
  });
  const logged = (e: unknown) => {
    ctx.log.error('job worker: database error', { worker: id, error: e instanceof Error ? e.message : String(e) });
    return false;
  };
  let checkedAt = -Infinity;
  async function loop(): Promise<void> {
    while (!stopped) {
      if (Date.now() - checkedAt >= STALE_CHECK_MS) {
        checkedAt = Date.now();
        await releaseStaleJobs(ctx).catch(logged);
      }
      const ran = await runNextJob(ctx, handlers, id).catch(logged);
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
