/**
 * Exporting over HTTP on both backends (app.inject, the real app): an
 * officer-level user starts an export (202 + job id), the job runs
 * (runJobs, no worker timers), GET /api/jobs/:id gives the export; the user
 * lists its exports and downloads each file (bytes = the SHA-256 announced);
 * a keyer may not export nor read someone else's job; a reviewer may download
 * only the report and signs it off once; a blocked book's job fails with the
 * Vietnamese list and the problems.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActorContext } from '../../src/auth/index.js';
import { createRecord } from '../../src/entry/index.js';
import type { ExportView } from '../../src/exchange/index.js';
import { runJobs } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { exportReadyBook, scannedBook } from '../support/export-book.js';
import { signedInApp, type SignedInApp } from '../support/http.js';

describeBackends('exports over HTTP', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let admin: SignedInApp;
  let keyer: SignedInApp;
  let reviewer: SignedInApp;
  let bookId = '';
  let made: ExportView;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    bookId = (await exportReadyBook(ctx)).bookId;
    [admin, keyer, reviewer] = await Promise.all([signedInApp(ctx), signedInApp(ctx, { role: 'keyer' }), signedInApp(ctx, { role: 'reviewer' })]);
    apps.push(admin.app, keyer.app, reviewer.app);
  }, 60_000);
  afterAll(async () => {
    for (const a of apps) await a.close();
    dispose();
  });

  /** POST the export, run the queued job, GET it back. */
  async function exportJob(who: SignedInApp, id: string) {
    const res = await who.app.inject({ method: 'POST', url: `/api/books/${id}/exports`, headers: who.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    const queued = await who.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: who.headers });
    expect(queued.json()).toEqual({ id: jobId, kind: 'export.book', status: 'queued' });
    expect(await runJobs(ctx)).toBe(1);
    return { jobId, job: (await who.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: who.headers })).json() };
  }

  it('exports a book as a job (202, then done with the export) and lists it', async () => {
    const { jobId, job } = await exportJob(admin, bookId);
    expect(job).toMatchObject({ id: jobId, kind: 'export.book', status: 'done' });
    made = job.result as ExportView;
    expect(made.files.map((f) => f.kind)).toEqual(['xlsx', 'zip', 'report', 'manifest']);
    expect(made.createdBy).toMatch(/^test-/);
    const list = await admin.app.inject({ method: 'GET', url: `/api/books/${bookId}/exports`, headers: admin.headers });
    expect(list.json<ExportView[]>().map((e) => e.id)).toEqual([made.id]);
  });

  it('downloads every file, whose bytes have the announced SHA-256', async () => {
    for (const f of made.files) {
      const res = await admin.app.inject({ method: 'GET', url: f.url, headers: admin.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(f.name));
      expect(Number(res.headers['content-length'])).toBe(f.bytes);
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(f.sha256);
    }
    const missing = await admin.app.inject({ method: 'GET', url: `/api/exports/${made.id}/files/khong-co.xlsx`, headers: admin.headers });
    expect([missing.statusCode, missing.json().error.message]).toEqual([404, 'Lần xuất này không có tệp "khong-co.xlsx".']);
  });

  it('refuses the export to a keyer, in Vietnamese', async () => {
    const res = await keyer.app.inject({ method: 'POST', url: `/api/books/${bookId}/exports`, headers: keyer.headers, payload: {} });
    expect([res.statusCode, res.json().error.message]).toEqual([403, 'Bạn không có quyền xuất dữ liệu.']);
  });

  it('shows a job only to the user who asked (or an admin)', async () => {
    const { jobId } = (await admin.app.inject({ method: 'POST', url: `/api/books/${bookId}/exports`, headers: admin.headers, payload: { nameCase: 'upper' } })).json<{ jobId: string }>();
    const other = await keyer.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: keyer.headers });
    expect([other.statusCode, other.json().error.message]).toEqual([404, `Không tìm thấy công việc #${jobId}.`]);
    const bad = await admin.app.inject({ method: 'GET', url: '/api/jobs/abc', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
    const none = await admin.app.inject({ method: 'POST', url: '/api/books/00000000-0000-4000-8000-000000000000/exports', headers: admin.headers, payload: {} });
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'book.not_found']);
    expect(await runJobs(ctx)).toBe(1);
  });

  it('lets a reviewer read the report (not the data) and sign it off once', async () => {
    const file = (kind: string) => made.files.find((f) => f.kind === kind)!.url;
    expect((await reviewer.app.inject({ method: 'GET', url: file('report'), headers: reviewer.headers })).statusCode).toBe(200);
    expect((await reviewer.app.inject({ method: 'GET', url: file('xlsx'), headers: reviewer.headers })).statusCode).toBe(403);
    const keyerTry = await keyer.app.inject({ method: 'POST', url: `/api/exports/${made.id}/sign-off`, headers: keyer.headers, payload: {} });
    expect(keyerTry.statusCode).toBe(403);
    const signed = await reviewer.app.inject({ method: 'POST', url: `/api/exports/${made.id}/sign-off`, headers: reviewer.headers, payload: { note: 'Đồng ý.' } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<ExportView>().signedOff).toMatchObject({ by: expect.stringMatching(/^test-/), note: 'Đồng ý.' });
    const again = await reviewer.app.inject({ method: 'POST', url: `/api/exports/${made.id}/sign-off`, headers: reviewer.headers, payload: {} });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'export.already_signed_off']);
  });

  it('fails the job with the Vietnamese list (and the problems) for a book that is not ready', async () => {
    const book = await scannedBook(ctx, { year: 2011, pages: 1 });
    const draft = await createRecord(ctx, { bookId: book.bookId, pageIds: book.pageIds, clientTxId: `tx-http-export-${book.bookId}` });
    const { job } = await exportJob(admin, book.bookId);
    expect(job.status).toBe('failed');
    expect(job.result).toBeUndefined();
    expect(job.error).toMatchObject({ code: 'export.blocked', message: expect.stringContaining('Bản ghi chưa hoàn thành') });
    expect(job.error.details.problems.map((p: { recordId: string }) => p.recordId)).toEqual([draft.id]);
    const bad = await admin.app.inject({ method: 'POST', url: `/api/books/${bookId}/exports`, headers: admin.headers, payload: { nameCase: 'lower' } });
    expect([bad.statusCode, bad.json().error.details[0].message]).toEqual([400, 'Kiểu chữ họ tên phải là title, upper hoặc keep.']);
  });
});
