/**
 * A campaign-size import beside keyers, on both backends: an 85.000-row CSV
 * (IMPORT_LOAD_ROWS to change it) goes in through POST /api/imports and the
 * server's import job handler in a job worker while 10 simulated keyers save records and /api/health
 * is polled. Every latency is filed under the import's phase at that moment
 * (reading/checking: in a worker thread; writing: the one all-or-nothing
 * transaction) and the figures are printed. Asserted: the import finishes
 * whole (every row a record) or fails whole (none); health and saves stay
 * under 200 ms p95 while the file is read and checked; health stays under
 * 200 ms p95 throughout.
 * KNOWN LIMIT, printed but not asserted: while the rows are written, keyers'
 * saves wait for the import's transaction, because every write appends to the
 * one audit chain (0012) under its lock until commit (PostgreSQL), or PGlite's
 * single session is held (PGlite). Meeting 200 ms there needs the import to
 * write in short transactions (e.g. a book hidden until its last batch) —
 * not done yet. Opt-in (IMPORT_LOAD=1): at 85.000 rows the writing alone
 * takes many minutes on a 2-core machine. The file is generated as text in
 * well under a second.
 * Measured 2026-12-04, 5.000 rows, shared 2-core machine (p95, ms):
 *   PGlite: import 64 s; reading/checking health 29, saves 760; writing health 5, saves 49.251.
 *   PostgreSQL: import 33 s; reading/checking health 9, saves 455; writing health 1, saves 25.466.
 *   (20.000 rows before the write loop yielded: PGlite 807 s, PostgreSQL 172 s.)
 * So health holds throughout; saves fail the 200 ms goal, badly while writing
 * (see above) and also while checking (not yet explained: CPU of the thread on
 * 2 shared cores, or the saves' own cost — measure a save without an import).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { startJobWorker, type AppContext, type JobInfo, type JobView } from '../../src/core/index.js';
import { IMPORT_FILE_JOB, runImportJob, type ImportFileJob, type ImportProgress, type ImportView } from '../../src/exchange/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { signedInApp } from '../support/http.js';
import { CLEAN_KS_RECORD } from '../support/records.js';

const ROWS = Number(process.env.IMPORT_LOAD_ROWS ?? 85_000);
const KEYERS = 10;
const P95_LIMIT_MS = 200;
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

describe.skipIf(process.env.IMPORT_LOAD !== '1')('import load (IMPORT_LOAD=1)', () =>
  describeBackends('a big import beside keyers', (store) => {
    let ctx: ActorContext;
    let app: FastifyInstance;
    let auth = { authorization: '' };
    let dispose: () => void;
    let keyerBook = '';
    let importBook = '';
    const recordIds: string[] = [];
    beforeAll(async () => {
      ({ ctx, dispose } = testContext(store()));
      ctx = { ...ctx, clock: () => new Date() };
      ({ app, headers: auth } = await signedInApp(ctx));
      keyerBook = (await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '01/2008' })).id;
      importBook = (await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2018' })).id;
      const pages = Array.from({ length: KEYERS }, (_, i) => fakeIncomingPage(i + 1, 'load'));
      const stored = await storeIngestedFile(ctx, keyerBook, { name: 'k.jpg', sha256: 'e'.repeat(64), kind: 'jpeg', original: Buffer.from('k'), pages });
      for (const [i, page] of stored.pages.entries()) {
        const res = await app.inject({ method: 'POST', url: `/api/books/${keyerBook}/records`, headers: auth, payload: { pageIds: [page.id], clientTxId: `load-create-${i}` } });
        recordIds.push(res.json<{ id: string }>().id);
      }
    });
    afterAll(async () => {
      await app.close();
      dispose();
    });

    it(
      `imports ${ROWS.toLocaleString('vi-VN')} rows while ${KEYERS} keyers save: all or nothing, under ${P95_LIMIT_MS} ms p95 while reading and checking, health throughout`,
      async () => {
        const t0 = performance.now();
        const file = bigCsv(ROWS);
        const madeMs = performance.now() - t0;
        const posted = await app.inject({ method: 'POST', url: `/api/imports?filename=lon.csv&bookId=${importBook}`, headers: { ...auth, 'content-type': 'text/csv' }, payload: file });
        expect(posted.statusCode).toBe(202);
        const { jobId } = posted.json<{ jobId: string }>();
        let finished = false;
        let phase: ImportProgress['phase'] | 'queued' = 'queued';
        // The server's handler, its progress also noted here: on PGlite the jobs row cannot be read while the rows are written.
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
        const timed = async (lists: Record<string, number[]>, call: () => Promise<{ statusCode: number }>) => {
          const writing = () => phase === 'writing' || phase === 'done';
          const before = writing();
          const start = performance.now();
          const res = await call();
          // A call that overlapped the writing (began or ended in it) counts there.
          (lists[before || writing() ? 'writing' : 'reading/checking'] ??= []).push(performance.now() - start);
          expect(res.statusCode).toBe(200);
        };
        const keyer = async (k: number) => {
          for (let version = 2, n = 0; !finished; version++, n++) {
            const payload = { clientTxId: `load-save-${k}-${n}`, expectedVersion: version, values: { ...CLEAN_KS_RECORD, so: String(k + 1), trangSo: String((n % 500) + 1) } };
            await timed(saves, () => app.inject({ method: 'PUT', url: `/api/records/${recordIds[k]!}`, headers: auth, payload }));
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
        const worker = startJobWorker(ctx, handlers, { idleMs: 50 });
        const load = [poller(), ...recordIds.map((_, k) => keyer(k))];
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
            ['reading/checking', 'writing'].map((k) => [
              k,
              { health: Math.round(p95(health[k] ?? [])), saves: Math.round(p95(saves[k] ?? [])), n: (health[k]?.length ?? 0) + (saves[k]?.length ?? 0) },
            ]),
          ),
          allHealthP95Ms: Math.round(p95(Object.values(health).flat())),
        };
        console.log(`import beside keyers ${JSON.stringify(figures)}`);
        expect(job.status).toBe('done');
        expect(records).toBe(view?.status === 'imported' ? ROWS : 0);
        const reading = figures.p95Ms['reading/checking']!;
        expect(reading.n).toBeGreaterThan(0);
        expect(reading.health).toBeLessThan(P95_LIMIT_MS);
        expect(reading.saves).toBeLessThan(P95_LIMIT_MS);
        expect(figures.allHealthP95Ms).toBeLessThan(P95_LIMIT_MS);
      },
      TIMEOUT_MS,
    );
  }),
);
