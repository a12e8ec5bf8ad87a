/**
 * The job queue on both backends, with a test job map (no worker timers):
 * a handler's answer is stored (done, result); a typed AppError fails the
 * job at once with its code, Vietnamese message and details; an unexpected
 * error is retried with backoff (the clock decides what is due) and fails
 * with a generic message after max_attempts; concurrent claimers never take
 * the same job; a job whose worker vanished is released (queued again, or
 * failed without attempts left); the worker loop runs a job and stops cleanly,
 * and refreshes the statistics of a table that grew.
 * Leases (real clock, short lease): a killed worker's job is taken over by
 * one of two competing workers exactly once; a live job running for several
 * lease lengths is never taken back and its progress is stored; a worker
 * whose lease was taken back sees its signal fire and its outcome dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, TEST_NOW } from '../../test/support/context.js';
import type { AppContext } from './context.js';
import { Invalid } from './errors.js';
import { enqueueJob, getJob, LEASE_MS, releaseStaleJobs, retryDelayMs, runDueJobs, type JobHandlers, type JobInfo } from './job-runner.js';
import { startJobWorker } from './job-worker.js';
import { claimDueJob, markDone } from './jobs.repo.js';
import { sql, staleTables } from '../store/index.js';

interface TestJobs {
  'test.sum': { a: number; b: number; actorId: string | null };
  'test.refused': { why: string };
  'test.broken': { failures: number };
}

const attemptsSeen: number[] = [];
const handlers = {
  'test.sum': async (_ctx, p) => ({ sum: p.a + p.b }),
  'test.refused': async (_ctx, p) => {
    throw new Invalid('test.refused', `Không làm được: ${p.why}.`, undefined, { problems: [{ line: 1 }] });
  },
  'test.broken': async (_ctx, p, job) => {
    attemptsSeen.push(job.attempt);
    if (job.attempt <= p.failures) throw new Error(`boom ${job.attempt}`);
    return 'ok';
  },
} satisfies JobHandlers<TestJobs>;

interface LiveJobs {
  'test.count': { ms: number };
  'test.long': { ms: number };
}

const at = (ctx: AppContext, ms: number): AppContext => ({ ...ctx, clock: () => new Date(TEST_NOW.getTime() + ms) });
const enqueue = <K extends keyof TestJobs & string>(ctx: AppContext, kind: K, payload: TestJobs[K]) => enqueueJob<TestJobs, K>(ctx, kind, payload);

describeBackends('job runner', (store) => {
  let ctx: AppContext;
  let dispose: () => void;
  beforeAll(() => {
    ({ ctx, dispose } = testContext(store()));
  });
  afterAll(() => dispose());

  it('runs a due job and stores its result', async () => {
    const id = await enqueue(ctx, 'test.sum', { a: 2, b: 3, actorId: null });
    expect(await getJob(ctx, id)).toMatchObject({ id, kind: 'test.sum', status: 'queued', payload: { a: 2, b: 3, actorId: null } });
    expect(await runDueJobs(ctx, handlers)).toBe(1);
    const done = await getJob(ctx, id);
    expect([done.status, done.result, done.error]).toEqual(['done', { sum: 5 }, undefined]);
    expect(await runDueJobs(ctx, handlers)).toBe(0);
  });

  it('fails at once on a typed AppError, keeping its Vietnamese message and details', async () => {
    const id = await enqueue(ctx, 'test.refused', { why: 'sổ chưa xong' });
    expect(await runDueJobs(ctx, handlers)).toBe(1);
    const job = await getJob(ctx, id);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'test.refused', message: 'Không làm được: sổ chưa xong.', details: { problems: [{ line: 1 }] } });
    const row = await ctx.store.db.selectFrom('jobs').select(['attempts', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.finished_at).toEqual(TEST_NOW);
  });

  it('retries an unexpected error with backoff, then succeeds', async () => {
    attemptsSeen.length = 0;
    const id = await enqueue(ctx, 'test.broken', { failures: 1 });
    expect(await runDueJobs(ctx, handlers)).toBe(1);
    expect((await getJob(ctx, id)).status).toBe('queued');
    expect(await runDueJobs(at(ctx, retryDelayMs(1) - 1), handlers)).toBe(0);
    expect(await runDueJobs(at(ctx, retryDelayMs(1)), handlers)).toBe(1);
    expect(await getJob(ctx, id)).toMatchObject({ status: 'done', result: 'ok' });
    expect(attemptsSeen).toEqual([1, 2]);
  });

  it('fails with a generic Vietnamese message after max_attempts unexpected errors', async () => {
    const id = await enqueue(ctx, 'test.broken', { failures: 99 });
    let later = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await runDueJobs(at(ctx, later), handlers)).toBe(1);
      later += retryDelayMs(attempt);
    }
    expect(await runDueJobs(at(ctx, later * 10), handlers)).toBe(0);
    const job = await getJob(ctx, id);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'job.failed', message: 'Công việc không thực hiện được sau 3 lần thử. Vui lòng thử lại hoặc báo cho quản trị viên.' });
    const row = await ctx.store.db.selectFrom('jobs').select(['attempts', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ attempts: 3, last_error: 'Error: boom 3' });
  });

  it('never lets two concurrent claimers take the same job', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(await enqueue(ctx, 'test.sum', { a: i, b: 0, actorId: null }));
    const claimedBy = new Map<string, string>();
    const claimer = async (worker: string) => {
      const got: string[] = [];
      for (;;) {
        const job = await claimDueJob(ctx.store.db, worker, TEST_NOW, ['test.sum'], LEASE_MS);
        if (!job) return got;
        got.push(job.id);
        claimedBy.set(job.id, worker);
      }
    };
    const claimed = (await Promise.all(['w1', 'w2', 'w3', 'w4'].map(claimer))).flat();
    expect(claimed.length).toBe(20);
    expect(new Set(claimed)).toEqual(ids);
    const rows = await ctx.store.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('id', 'in', [...ids])
      .execute();
    expect(rows.every((r) => r.status === 'running' && r.attempts === 1)).toBe(true);
    for (const id of claimed) expect(await markDone(ctx.store.db, id, claimedBy.get(id)!, null, TEST_NOW)).toBe(true);
  });

  it('releases the jobs whose lease lapsed: queued again, or failed when no attempt is left', async () => {
    const again = await enqueue(ctx, 'test.sum', { a: 1, b: 1, actorId: null });
    const last = await enqueue(ctx, 'test.sum', { a: 2, b: 2, actorId: null });
    await ctx.store.db.updateTable('jobs').set({ max_attempts: 1 }).where('id', '=', last).execute();
    for (const id of [again, last]) expect((await claimDueJob(ctx.store.db, 'gone', TEST_NOW, ['test.sum'], LEASE_MS))?.id).toBe(id);
    expect(await releaseStaleJobs(at(ctx, LEASE_MS - 1))).toBe(0);
    expect(await releaseStaleJobs(at(ctx, LEASE_MS + 1))).toBe(2);
    expect((await getJob(ctx, last)).error?.code).toBe('job.failed');
    expect(await runDueJobs(at(ctx, LEASE_MS + 1), handlers)).toBe(1);
    expect(await getJob(ctx, again)).toMatchObject({ status: 'done', result: { sum: 2 } });
  });

  it('answers NotFound in Vietnamese for an unknown job', async () => {
    await expect(getJob(ctx, '999999')).rejects.toMatchObject({ code: 'job.not_found', message: 'Không tìm thấy công việc #999999.' });
    await expect(getJob(ctx, 'abc')).rejects.toMatchObject({ code: 'job.not_found' });
  });

  it('runs jobs in the worker loop and stops cleanly', async () => {
    const id = await enqueue(ctx, 'test.sum', { a: 40, b: 2, actorId: null });
    const worker = startJobWorker(ctx, handlers, { idleMs: 10 });
    await expect.poll(async () => (await getJob(ctx, id)).status, { timeout: 5_000 }).toBe('done');
    await worker.stop();
    expect((await getJob(ctx, id)).result).toEqual({ sum: 42 });
  });

  it("refreshes the planner's statistics of a table that grew, from the worker loop", async () => {
    const { db } = ctx.store;
    await sql`create table worker_stats_probe (a int)`.execute(db);
    try {
      await sql`insert into worker_stats_probe select generate_series(1, 20000)`.execute(db);
      expect(await staleTables(db)).toContain('worker_stats_probe');
      const worker = startJobWorker(ctx, handlers, { idleMs: 10, statsCheckMs: 20 });
      await expect.poll(async () => staleTables(db), { timeout: 5_000 }).not.toContain('worker_stats_probe');
      await worker.stop();
    } finally {
      await sql`drop table worker_stats_probe`.execute(db);
    }
  });
  describe('leases (real clock, 300 ms lease)', () => {
    const LEASE = { leaseMs: 300, heartbeatMs: 80, progressMs: 50 };
    const WORKER = { ...LEASE, idleMs: 20, staleCheckMs: 50 };
    let live: AppContext;
    const runs = new Map<string, number>();
    const count = (id: string) => runs.set(id, (runs.get(id) ?? 0) + 1);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const liveHandlers = {
      'test.count': async (_c: AppContext, _p: { ms: number }, job: JobInfo) => {
        count(job.id);
        return 'ok';
      },
      'test.long': async (_c: AppContext, p: { ms: number }, job: JobInfo) => {
        count(job.id);
        for (let t = 0; t < p.ms; t += 100) {
          job.progress({ step: t / 100 + 1 });
          await sleep(100);
          if (job.signal.aborted) throw job.signal.reason;
        }
        return 'ok';
      },
    };
    const attempts = async (id: string) => (await live.store.db.selectFrom('jobs').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).attempts;
    beforeAll(() => {
      live = { ...ctx, clock: () => new Date() };
    });

    it("takes over a killed worker's job exactly once, between two competing workers", async () => {
      const id = await enqueueJob<LiveJobs, 'test.count'>(live, 'test.count', { ms: 0 });
      // What a killed process leaves: the row claimed, a lease nobody renews.
      expect((await claimDueJob(live.store.db, 'killed', new Date(), ['test.count'], LEASE.leaseMs))?.id).toBe(id);
      const workers = [startJobWorker(live, liveHandlers, WORKER), startJobWorker(live, liveHandlers, WORKER)];
      await expect.poll(async () => (await getJob(live, id)).status, { timeout: 5_000, interval: 20 }).toBe('done');
      await sleep(LEASE.leaseMs * 2);
      await Promise.all(workers.map((w) => w.stop()));
      expect(runs.get(id)).toBe(1);
      expect(await attempts(id)).toBe(2);
    });

    it('never takes back a live job running for several lease lengths, and stores its progress', async () => {
      const id = await enqueueJob<LiveJobs, 'test.long'>(live, 'test.long', { ms: LEASE.leaseMs * 4 });
      const owner = startJobWorker(live, liveHandlers, WORKER);
      await expect.poll(async () => (await getJob(live, id)).status, { timeout: 2_000, interval: 10 }).toBe('running');
      const rival = startJobWorker(live, liveHandlers, WORKER);
      await expect.poll(async () => (await getJob(live, id)).progress, { timeout: 2_000, interval: 20 }).toMatchObject({ step: expect.any(Number) });
      await expect.poll(async () => (await getJob(live, id)).status, { timeout: 5_000, interval: 20 }).toBe('done');
      await Promise.all([owner.stop(), rival.stop()]);
      expect(runs.get(id)).toBe(1);
      expect(await attempts(id)).toBe(1);
      expect((await getJob(live, id)).progress).toEqual({ step: 12 });
    });

    it('a worker stopped mid-job hands the job back: queued at once, attempt not counted, finished by another worker', async () => {
      const id = await enqueueJob<LiveJobs, 'test.long'>(live, 'test.long', { ms: 2_000 });
      const first = startJobWorker(live, liveHandlers, { ...WORKER, staleCheckMs: 60_000 });
      await expect.poll(() => first.current, { timeout: 2_000, interval: 10 }).toBe(id);
      await first.stop({ handBack: true, graceMs: 1_000 });
      const row = await live.store.db.selectFrom('jobs').select(['status', 'attempts', 'locked_by']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'queued', attempts: 0, locked_by: null });
      const second = startJobWorker(live, liveHandlers, WORKER);
      await expect.poll(async () => (await getJob(live, id)).status, { timeout: 5_000, interval: 20 }).toBe('done');
      await second.stop();
      expect(runs.get(id)).toBe(2);
      expect(await attempts(id)).toBe(1);
    });

    it('tells a worker whose lease was taken back to stop, and drops its outcome', async () => {
      const id = await enqueueJob<LiveJobs, 'test.long'>(live, 'test.long', { ms: 1_000 });
      const owner = startJobWorker(live, liveHandlers, { ...WORKER, staleCheckMs: 60_000 });
      await expect.poll(async () => (await getJob(live, id)).status, { timeout: 2_000, interval: 10 }).toBe('running');
      // As if the owner froze past its lease: the lease lapses and the job is taken back.
      await live.store.db
        .updateTable('jobs')
        .set({ lease_until: new Date(Date.now() - 1) })
        .where('id', '=', id)
        .execute();
      expect(await releaseStaleJobs(live)).toBe(1);
      const rival = startJobWorker(live, liveHandlers, WORKER);
      await expect.poll(async () => (await getJob(live, id)).status, { timeout: 5_000, interval: 20 }).toBe('done');
      await Promise.all([owner.stop(), rival.stop()]);
      expect(runs.get(id)).toBe(2);
      expect(await attempts(id)).toBe(2);
    });
  });
});
