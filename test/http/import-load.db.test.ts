/**
 * A campaign-size import beside keyers, on both backends: a CSV of
 * IMPORT_LOAD_ROWS rows (default 500 so that it runs with every `npm test`;
 * IMPORT_LOAD_ROWS=85000 for the accepted maximum file) goes in through POST
 * /api/imports and the server's import job handler in a job worker while 10
 * simulated keyers save records and /api/health is polled. Every latency is
 * filed under the import's phase at that moment (reading/checking: in a
 * worker thread; writing: short batched transactions into a hidden book,
 * exchange import-batches.ts) and the figures are printed. Asserted: the
 * import finishes whole (every row a record) or fails whole (none); keyers
 * and health checks are served in every phase, and none waits near the
 * length of the import (the p95 against the 200 ms goal and against the same
 * keyers alone in the ALONE_MS before the import are printed, not asserted:
 * on the shared 2-core machine a latency bound is noise). The file is generated as text in well
 * under a second.
 * The accepted maximum, IMPORT_LOAD_ROWS=85000, on the machine alone (2 cores, load < 2), 06.12.2026, since a
 * batch is written in a few statements (entry writePlannedImports); p95 ms, keyers alone → while reading and
 * checking → while writing:
 *   PGlite: import 247,8 s, 85.000 records; saves 46 → 32 → 61; health 1 → 1 → 1.
 *   PostgreSQL: import 150,6 s, 85.000 records; saves 57 → 32 → 166; health 1 → 1 → 1.
 * Row by row (one statement per action), the same file did not finish on PGlite within 16 minutes; with 500-row
 * batches planned at once on PostgreSQL, saves while writing had a p95 of 3,5 s (the event loop was held).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { startJobWorker, type AppContext, type JobInfo, type JobView } from '../../src/core/index.js';
import { IMPORT_FILE_JOB, runImportJob, type ImportFileJob, type ImportProgress, type ImportView } from '../../src/exchange/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { signedInApp } from '../support/http.js';
import { CLEAN_KS_RECORD } from '../support/records.js';

const ROWS = Number(process.env.IMPORT_LOAD_ROWS ?? 500);
const KEYERS = 10;
const P95_LIMIT_MS = 200;
/** How long the keyers save before the import starts (their p95 alone is the machine's baseline). */
const ALONE_MS = 4_000;
const ALONE = 'alone (no import)';
const SAVES_PER_RECORD = 20;
const TIMEOUT_MS = 30 * 60_000;

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** The CSV: the KS-70 keys as header, one clean registration per row (so = row number). */
function bigCsv(rows: number): Buffer {
  const keys = Object.keys(CLEAN_KS_RECORD);
  const fixed = keys.map((k) => (k === 'so' ? '' : quote(CLEAN_KS_RECORD[k]!)));
  const at = keys.indexOf('so');
  const lines = [keys.join(',')];
  for (let i = 1; i <= rows; i++) {
    fixed[at] = String(i);
    lines.push(fixed.join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeBackends('a big import beside keyers', (store) => {
  let ctx: ActorContext;
  let app: FastifyInstance;
  let auth = { authorization: '' };
  let dispose: () => void;
  let keyerBook = '';
  let importBook = '';
  const recordIds: string[] = [];
  const pageIds: string[] = [];
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    ctx = { ...ctx, clock: () => new Date() };
    ({ app, headers: auth } = await signedInApp(ctx));
    keyerBook = (await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '01/2008' })).id;
    importBook = (await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2018' })).id;
    const pages = Array.from({ length: KEYERS }, (_, i) => fakeIncomingPage(i + 1, 'load'));
    const stored = await storeIngestedFile(ctx, keyerBook, { name: 'k.jpg', sha256: 'e'.repeat(64), kind: 'jpeg', original: Buffer.from('k'), pages });
    for (const [i, page] of stored.pages.entries()) {
      pageIds.push(page.id);
      const res = await app.inject({ method: 'POST', url: `/api/books/${keyerBook}/records`, headers: auth, payload: { pageIds: [page.id], clientTxId: `load-create-${i}` } });
      recordIds.push(res.json<{ id: string }>().id);
    }
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });

  it(
    `imports ${ROWS.toLocaleString('vi-VN')} rows while ${KEYERS} keyers save: all or nothing, keyers served throughout (p95 printed against the ${P95_LIMIT_MS} ms goal)`,
    async () => {
      const t0 = performance.now();
      const file = bigCsv(ROWS);
      const madeMs = performance.now() - t0;
      const posted = await app.inject({ method: 'POST', url: `/api/imports?filename=lon.csv&bookId=${importBook}`, headers: { ...auth, 'content-type': 'text/csv' }, payload: file });
      expect(posted.statusCode).toBe(202);
      const { jobId } = posted.json<{ jobId: string }>();
      let finished = false;
      let phase: ImportProgress['phase'] | 'queued' = 'queued';
      // The server's handler, its progress also noted here (the phase each latency is filed under).
      const handlers = {
        [IMPORT_FILE_JOB]: (c: AppContext, p: ImportFileJob, job: JobInfo) =>
          runImportJob(c, p, {
            ...job,
            progress: (r) => {
              phase = (r as ImportProgress).phase;
              job.progress(r);
            },
          }),
      };
      const health: Record<string, number[]> = {};
      const saves: Record<string, number[]> = {};
      let alone = true;
      const timed = async (lists: Record<string, number[]>, call: () => Promise<{ statusCode: number }>) => {
        const writing = () => phase === 'writing' || phase === 'done';
        const began = alone ? ALONE : writing() ? 'writing' : 'reading/checking';
        const start = performance.now();
        const res = await call();
        // A call that overlapped the writing (began or ended in it) counts there.
        (lists[began === 'reading/checking' && writing() ? 'writing' : began] ??= []).push(performance.now() - start);
        expect(res.statusCode).toBe(200);
      };
      // A keyer saves a registration SAVES_PER_RECORD times, then adds the next one on her page (as keyers do:
      // one record saved thousands of times would make each save re-read a history that grows all along).
      const keyer = async (k: number) => {
        let id = recordIds[k]!;
        for (let version = 2, n = 0; !finished; version++, n++) {
          if (n > 0 && n % SAVES_PER_RECORD === 0) {
            const created = await app.inject({ method: 'POST', url: `/api/books/${keyerBook}/records`, headers: auth, payload: { pageIds: [pageIds[k]!], clientTxId: `load-next-${k}-${n}` } });
            expect(created.statusCode).toBe(201);
            id = created.json<{ id: string }>().id;
            version = 1;
          }
          const payload = { clientTxId: `load-save-${k}-${n}`, expectedVersion: version, values: { ...CLEAN_KS_RECORD, so: String(k + 1 + KEYERS * n), trangSo: String((n % 500) + 1) } };
          await timed(saves, () => app.inject({ method: 'PUT', url: `/api/records/${id}`, headers: auth, payload }));
          await sleep(250);
        }
      };
      const poller = async () => {
        while (!finished) {
          await timed(health, () => app.inject({ method: 'GET', url: '/api/health' }));
          await sleep(100);
        }
      };
      // Warm-up (not counted): one save per keyer and one health call, before the job is let run.
      const warm: Record<string, number[]> = {};
      await Promise.all(
        recordIds.map((id, k) =>
          timed(warm, () =>
            app.inject({ method: 'PUT', url: `/api/records/${id}`, headers: auth, payload: { clientTxId: `load-warm-${k}`, expectedVersion: 1, values: { ...CLEAN_KS_RECORD, so: String(k + 1) } } }),
          ),
        ),
      );
      await timed(warm, () => app.inject({ method: 'GET', url: '/api/health' }));
      // The same keyers and health checks without an import first: what this machine gives right now.
      const load = [poller(), ...recordIds.map((_, k) => keyer(k))];
      await sleep(ALONE_MS);
      alone = false;
      const worker = startJobWorker(ctx, handlers, { idleMs: 50 });
      let job: JobView;
      for (;;) {
        job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: auth })).json<JobView>();
        if (job.status === 'done' || job.status === 'failed') break;
        await sleep(500);
      }
      finished = true;
      await Promise.all(load);
      await worker.stop();
      const importMs = performance.now() - t0 - madeMs;
      const view = job.result as ImportView | undefined;
      const records = Number(
        (
          await ctx.store.db
            .selectFrom('records')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('book_id', '=', importBook)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const figures = {
        backend: ctx.store.backend,
        rows: ROWS,
        fileMB: +(file.length / 1024 ** 2).toFixed(1),
        generateMs: Math.round(madeMs),
        importS: +(importMs / 1000).toFixed(1),
        job: job.status,
        import: view?.status,
        records,
        p95Ms: Object.fromEntries(
          [ALONE, 'reading/checking', 'writing'].map((k) => [
            k,
            { health: Math.round(p95(health[k] ?? [])), saves: Math.round(p95(saves[k] ?? [])), n: (health[k]?.length ?? 0) + (saves[k]?.length ?? 0) },
          ]),
        ),
        allHealthP95Ms: Math.round(p95(Object.values(health).flat())),
        goalP95Ms: P95_LIMIT_MS,
      };
      console.log(`import beside keyers ${JSON.stringify(figures)}`);
      expect(job.status).toBe('done');
      expect(records).toBe(view?.status === 'imported' ? ROWS : 0);
      // The 200 ms goal is a figure printed above (and measured by the 85.000-row run): on a shared 2-core machine
      // a p95 bound is noise, not a test. What must hold whatever the load is that keyers are not held behind the
      // import: every phase serves saves and health checks, and none of them waits anywhere near the length of
      // the write phase (one transaction for the whole import made every save wait for all of it).
      const writingMs = Math.max(...(saves.writing ?? [0]), ...(health.writing ?? [0]));
      // (A small file can be read and checked between two health checks: that phase is required only of a big one.)
      for (const phaseName of ROWS >= 5_000 ? ['reading/checking', 'writing'] : ['writing']) expect(figures.p95Ms[phaseName]!.n, phaseName).toBeGreaterThan(0);
      expect(saves.writing?.length ?? 0, 'saves while writing').toBeGreaterThan(KEYERS);
      expect(writingMs, 'longest save or health check while writing, against the import time').toBeLessThan(importMs / 4);
    },
    TIMEOUT_MS,
  );
});
