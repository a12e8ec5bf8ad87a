/**
 * Keying over HTTP on both backends (app.inject): the real app, signed in as
 * a keyer. Create, list, save, a stale save (409
 * with what changed), a replayed save, completion blocked by ERRORs then by
 * WARNINGs, completion, reopening, history; bad input in Vietnamese.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { signedInApp } from '../support/http.js';

/** Clean, except the mother's birth year (1999): a WARNING to acknowledge. */
const VALUES: Record<string, string> = { ...CLEAN_KS_RECORD, meNgaySinh: '1999' };

const page = (i: number) => fakeIncomingPage(i, 'http entry');

describeBackends('keying over HTTP', (store) => {
  let app: FastifyInstance;
  let dispose: () => void;
  let bookId = '';
  let pageId = '';
  let keyer = '';
  let auth: { authorization: string } = { authorization: '' };
  beforeAll(async () => {
    const t = testContext(store());
    dispose = t.dispose;
    const book = await createBook(t.ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2018' });
    bookId = book.id;
    pageId = (await storeIngestedFile(t.ctx, bookId, { name: 'h.jpg', sha256: 'f'.repeat(64), kind: 'jpeg', original: Buffer.from('h'), pages: [page(1)] })).pages[0]!.id;
    const signed = await signedInApp(t.ctx, { role: 'keyer' });
    app = signed.app;
    auth = signed.headers;
    keyer = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: auth })).json<{ user: { id: string } }>().user.id;
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  it('keys a registration from creation to completion', async () => {
    const created = await call('POST', `/api/books/${bookId}/records`, { pageIds: [pageId], clientTxId: 'http-create-01' });
    expect(created.statusCode).toBe(201);
    const rec = created.json<{ id: string; version: number }>();
    expect(rec.version).toBe(1);

    const save = { clientTxId: 'http-save-0001', expectedVersion: 1, values: VALUES };
    const saved = await call('PUT', `/api/records/${rec.id}`, save);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, keyedBy: keyer, findings: [{ code: 'ks.parent_age', acknowledged: false }] });
    const replay = await call('PUT', `/api/records/${rec.id}`, save);
    expect(replay.json()).toEqual(saved.json());

    const stale = await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-save-0002', expectedVersion: 1, values: { so: '16' } });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json<{ error: { code: string; details: { currentVersion: number; fields: { key: string; value: string; changedBy: string[] }[] } } }>().error;
    expect(conflict.code).toBe('record.version_conflict');
    expect(conflict.details.currentVersion).toBe(2);
    expect(conflict.details.fields).toContainEqual({ key: 'so', value: '15', changedBy: [keyer], version: 2 });

    const blocked = await call('POST', `/api/records/${rec.id}/complete`, { clientTxId: 'http-done-0001', expectedVersion: 2 });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json()).toMatchObject({ error: { code: 'record.unacknowledged_warnings', details: { warnings: [{ code: 'ks.parent_age' }] } } });
    await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-save-0003', expectedVersion: 2, acknowledge: ['ks.parent_age'] });
    const done = await call('POST', `/api/records/${rec.id}/complete`, { clientTxId: 'http-done-0002', expectedVersion: 3 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', version: 4 });

    const list = await call('GET', `/api/books/${bookId}/records`);
    expect(list.json()).toEqual([expect.objectContaining({ id: rec.id, status: 'completed', so: '15', name: 'Phạm Anh Đài' })]);
    const reopened = await call('POST', `/api/records/${rec.id}/reopen`, { clientTxId: 'http-open-0001', expectedVersion: 4, reason: 'Sai trang' });
    expect(reopened.json()).toMatchObject({ status: 'draft', version: 5 });
    expect((await call('GET', `/api/records/${rec.id}`)).json()).toEqual(reopened.json());
    const history = (await call('GET', `/api/records/${rec.id}/history`)).json<{ kind: string; actorId: string }[]>();
    expect(history.map((h) => h.kind)).toEqual(['created', 'keyed', 'warnings_acknowledged', 'completed', 'reopened']);
    expect(history.every((h) => h.actorId === keyer)).toBe(true);
  });

  it('blocks completion while ERRORs remain', async () => {
    const rec = (await call('POST', `/api/books/${bookId}/records`, { pageIds: [pageId], clientTxId: 'http-create-02' })).json<{ id: string }>();
    const res = await call('POST', `/api/records/${rec.id}/complete`, { clientTxId: 'http-done-0003', expectedVersion: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'record.has_errors', message: expect.stringMatching(/Chưa hoàn thành được bản ghi: còn \d+ lỗi/) } });
  });

  it('answers bad requests in Vietnamese', async () => {
    expect((await call('GET', '/api/records/00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ error: { code: 'record.not_found' } });
    expect((await call('GET', '/api/records/xyz')).statusCode).toBe(400);
    const noTx = await call('POST', `/api/books/${bookId}/records`, { pageIds: [pageId] });
    expect(noTx.statusCode).toBe(400);
    expect(noTx.json()).toMatchObject({ error: { code: 'request.invalid', details: [{ path: 'clientTxId' }] } });
    const wrongPage = await call('POST', `/api/books/${bookId}/records`, { pageIds: ['00000000-0000-4000-8000-000000000000'], clientTxId: 'http-create-03' });
    expect(wrongPage.statusCode).toBe(404);
  });
});
