/**
 * Exporting over HTTP on both backends (app.inject, the real app): an
 * officer-level user exports a book, lists its exports and downloads each
 * file (bytes = the SHA-256 announced); a keyer may not export; a reviewer
 * may download only the report and signs it off once; a blocked book gets a
 * 400 with the Vietnamese list.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/index.js';
import { createRecord } from '../../src/entry/index.js';
import type { ExportView } from '../../src/exchange/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { exportReadyBook, scannedBook } from '../support/export-book.js';
import { signedInApp, type SignedInApp } from '../support/http.js';

describeBackends('exports over HTTP', (store) => {
  let ctx: AppContext;
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

  it('exports a book (201) and lists it', async () => {
    const res = await admin.app.inject({ method: 'POST', url: `/api/books/${bookId}/exports`, headers: admin.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(201);
    made = res.json<ExportView>();
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

  it('answers 400 with the Vietnamese list for a book that is not ready', async () => {
    const book = await scannedBook(ctx, { year: 2011, pages: 1 });
    await createRecord(ctx, { bookId: book.bookId, pageIds: book.pageIds, clientTxId: `tx-http-export-${book.bookId}` });
    const res = await admin.app.inject({ method: 'POST', url: `/api/books/${book.bookId}/exports`, headers: admin.headers, payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'export.blocked', message: expect.stringContaining('Bản ghi chưa hoàn thành') });
    const bad = await admin.app.inject({ method: 'POST', url: `/api/books/${bookId}/exports`, headers: admin.headers, payload: { nameCase: 'lower' } });
    expect([bad.statusCode, bad.json().error.details[0].message]).toEqual([400, 'Kiểu chữ họ tên phải là title, upper hoặc keep.']);
  });
});
