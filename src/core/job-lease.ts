/**
 * The lease of the job in hand. While its handler runs, a timer renews the
 * job's lease every `heartbeatMs` (default 10 s; the lease lasts `leaseMs`,
 * 30 s) and writes the handler's latest progress report at most every
 * `progressMs` (1 s). When a renewal finds the job no longer ours (a worker
 * took it back after our lease lapsed, e.g. this process froze), the handler's
 * AbortSignal fires so it stops before writing anything more; its outcome is
 * then dropped by the owner-guarded finishing writes (jobs.repo.ts).
 * One renewal is in flight at a time: on PGlite a long transaction holds the
 * session and the renewal simply waits for it.
 */
import type { AppContext } from './context.js';
import * as repo from './jobs.repo.js';

export interface LeaseOptions {
  leaseMs: number;
  heartbeatMs: number;
  progressMs: number;
}

/** A lapsed lease is taken back on the next stale check (every STALE_CHECK_MS), so a dead worker's job restarts within LEASE_MS + 15 s. */
export const DEFAULT_LEASE: LeaseOptions = { leaseMs: 30_000, heartbeatMs: 10_000, progressMs: 1_000 };

export interface HeldLease {
  readonly signal: AbortSignal;
  progress(report: unknown): void;
  /** Stops renewing and writes the last progress report not yet stored. */
  release(): Promise<void>;
  /** The job was handed back: stop renewing, and tell the handler to stop (its signal fires). */
  abandon(): void;
}

export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`job ${jobId}: lease lost (taken back by another worker)`);
    this.name = 'LeaseLost';
  }
}

export function holdLease(ctx: AppContext, jobId: string, owner: string, opts: LeaseOptions): HeldLease {
  const aborter = new AbortController();
  let latest: unknown;
  let dirty = false;
  let renewedAt = Date.now();
  let inFlight: Promise<void> | undefined;
  const renew = (progress: unknown) =>
    repo.renewLease(ctx.store.db, jobId, owner, ctx.clock(), opts.leaseMs, progress).then(
      (ours) => {
        renewedAt = Date.now();
        if (!ours && !aborter.signal.aborted) aborter.abort(new LeaseLost(jobId));
      },
      (e: unknown) => ctx.log.warn('job lease: renewal failed', { id: jobId, error: e instanceof Error ? e.message : String(e) }),
    );
  const tick = () => {
    if (inFlight || aborter.signal.aborted) return;
    if (!dirty && Date.now() - renewedAt < opts.heartbeatMs) return;
    const progress = dirty ? latest : undefined;
    dirty = false;
    inFlight = renew(progress).finally(() => {
      inFlight = undefined;
    });
  };
  const timer = setInterval(tick, Math.min(opts.heartbeatMs, opts.progressMs));
  timer.unref();
  return {
    signal: aborter.signal,
    progress(report) {
      latest = report;
      dirty = true;
    },
    abandon() {
      clearInterval(timer);
      if (!aborter.signal.aborted) aborter.abort(new LeaseLost(jobId));
    },
    async release() {
      clearInterval(timer);
      await inFlight;
      if (dirty && !aborter.signal.aborted) await renew(latest);
    },
  };
}
