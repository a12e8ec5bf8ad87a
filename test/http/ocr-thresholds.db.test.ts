/**
 * Re-setting the OCR thresholds is a job, on both backends: POST
 * /api/ocr/thresholds answers 202 { jobId } and changes nothing yet; the
 * worker compares the machine's values of one printed page (ingested and
 * read by the ocr.book stage) with its completed registrations, reports its
 * progress in registrations read, stores the thresholds and answers the
 * measured kinds on GET /api/jobs/:id; another planner may not follow the job.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook } from '../../src/archive/index.js';
import type { JobView } from '../../src/core/index.js';
import { demoProvince, renderPrintedPage } from '../../src/demo/index.js';
import { completeRecord, createRecord, saveRecord } from '../../src/entry/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { calibrate, machineSamples, ocrBook, runThresholdsJob, type KindThreshold } from '../../src/ocr/index.js';
import { runJobs } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext, type TestContext } from '../support/context.js';
import { signedInApp, signedInUser } from '../support/http.js';

describeBackends('ocr thresholds as a job', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let app: FastifyInstance;
  let auth: { authorization: string };
  let other: { authorization: string };
  let completed = 0;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const province = demoProvince(11);
    const demo = province.books.find((b) => b.key === 'ks-2012-cu-van')!;
    const page = demo.pageList[0]!;
    const printed = await renderPrintedPage(province.seed, demo, page, { font: 'computer' });
    const book = await createBook(ctx, { registerType: 'KS', authority: demo.authority, yearFrom: 2012, volumeNo: demo.quyenSo });
    const pageId = (await ingestFiles(ctx, book.id, [{ name: 'trang-1.jpg', bytes: printed.jpeg }])).files[0]!.pages[0]!.id;
    expect(await ocrBook(ctx, { bookId: book.id })).toMatchObject({ read: 1 });
    let tx = 0;
    for (const r of page.records) {
      const rec = await createRecord(ctx, { bookId: book.id, pageIds: [pageId], clientTxId: `tx-thr-${++tx}` });
      const saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: `tx-thr-${++tx}`, expectedVersion: rec.version, values: r.values });
      await completeRecord(ctx, { recordId: rec.id, clientTxId: `tx-thr-${++tx}`, expectedVersion: saved.version });
      completed++;
    }
    ({ app, headers: auth } = await signedInApp(ctx, { role: 'planner' }));
    ({ headers: other } = await signedInUser(ctx, 'planner'));
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    dispose();
  });

  const job = (jobId: string, headers = auth) => app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers });

  it('queues the measurement, then stores the thresholds the measured accuracy implies', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/ocr/thresholds', headers: auth });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    expect((await job(jobId)).json<JobView>().status).toBe('queued');
    expect(await ctx.store.db.selectFrom('ocr_thresholds').selectAll().execute()).toEqual([]);

    expect(await runJobs(ctx)).toBe(1);
    const view = (await job(jobId)).json<JobView>();
    expect(view.status).toBe('done');
    const kinds = (view.result as { kinds: KindThreshold[] }).kinds;
    const expected = calibrate(await machineSamples(ctx));
    expect(kinds).toEqual(expected);
    expect(kinds.reduce((n, k) => n + k.samples, 0)).toBeGreaterThan(completed * 10);
    const stored = await ctx.store.db.selectFrom('ocr_thresholds').select(['kind', 'threshold', 'samples']).orderBy('kind').execute();
    expect(stored).toEqual(
      expected
        .filter((k) => k.samples > 0)
        .map((k) => ({ kind: k.kind, threshold: k.threshold, samples: k.samples }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    );
    expect((await job(jobId, other)).statusCode).toBe(404);
  });

  it('reports its progress in registrations read', async () => {
    const reports: unknown[] = [];
    const signal = new AbortController().signal;
    await runThresholdsJob(ctx, { actorId: null }, { id: '0', attempt: 1, signal, progress: (r) => reports.push(r) });
    expect(reports.at(0)).toEqual({ records: completed, done: 0 });
    expect(reports.at(-1)).toEqual({ records: completed, done: completed });
  });
});
