/**
 * Double-blind keying over HTTP on both backends (app.inject, real sessions):
 * the planner sets the mode; keyer A creates a record and gets pass A;
 * keyer B can read A's values through NO endpoint (record, history, list,
 * the registration before comparison, the work queue, PDF); B claims pass B;
 * passes complete through the qc endpoint only; the registration is written
 * only by comparison and arbitration; the arbitrator sees the two values
 * anonymously and decides with a choice; a keyer may not arbitrate.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { createUser, grantScope, login } from '../../src/auth/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { signedInApp } from '../support/http.js';

const A_NAME = 'Phạm Anh Đài';
const B_NAME = 'Phạm Anh Dài';

describeBackends('double-blind keying over HTTP', (store) => {
  let app: FastifyInstance;
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let pageId = '';
  const auth: Record<string, { authorization: string }> = {};

  async function signIn(loginName: string, role: 'keyer' | 'reviewer' | 'planner'): Promise<void> {
    const user = await createUser(ctx, { login: loginName, role, password: 'mat-khau-rat-dai-123' });
    await grantScope(ctx, user.id, { kind: 'all' });
    auth[loginName] = { authorization: `Bearer ${(await login(ctx, { login: loginName, password: 'mat-khau-rat-dai-123' })).token}` };
  }

  beforeAll(async () => {
    const t = testContext(store());
    ctx = t.ctx;
    dispose = t.dispose;
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2008' });
    bookId = book.id;
    pageId = (await storeIngestedFile(ctx, bookId, { name: 'q.jpg', sha256: 'a'.repeat(64), kind: 'jpeg', original: Buffer.from('q'), pages: [fakeIncomingPage(1, 'qc http')] })).pages[0]!.id;
    const signed = await signedInApp(ctx, { role: 'admin' });
    app = signed.app;
    auth.admin = signed.headers;
    await signIn('khoa', 'keyer');
    await signIn('binh', 'keyer');
    await signIn('cuc', 'reviewer');
    await signIn('dung', 'planner');
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: auth[who]!, ...(payload ? { payload } : {}) });

  it('keeps pass A private, compares, and lets a third person arbitrate', async () => {
    expect((await call('khoa', 'PUT', `/api/books/${bookId}/qc-mode`, { mode: 'double_blind' })).statusCode).toBe(403);
    const bad = await call('dung', 'PUT', `/api/books/${bookId}/qc-mode`, { mode: 'hai_lan' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Chế độ kiểm soát chất lượng');
    expect((await call('dung', 'PUT', `/api/books/${bookId}/qc-mode`, { mode: 'double_blind' })).json()).toMatchObject({ mode: 'double_blind' });

    const created = await call('khoa', 'POST', `/api/books/${bookId}/records`, { pageIds: [pageId], clientTxId: 'qc-http-create-1' });
    expect(created.statusCode).toBe(201);
    const passA = created.json<{ id: string; version: number; keyingOf: string; keyingPass: string }>();
    expect(passA.keyingPass).toBe('A');
    const regId = passA.keyingOf;
    const savedA = await call('khoa', 'PUT', `/api/records/${passA.id}`, { clientTxId: 'qc-http-save-a1', expectedVersion: 1, values: CLEAN_KS_RECORD });
    expect(savedA.statusCode).toBe(200);

    // B sees nothing of A's values, anywhere (and a keyer may not download PDFs at all).
    for (const url of [`/api/records/${passA.id}`, `/api/records/${passA.id}/history`]) {
      expect((await call('binh', 'GET', url)).statusCode).toBe(404);
    }
    expect((await call('binh', 'GET', `/api/records/${passA.id}/pdf`)).statusCode).toBe(403);
    expect((await call('binh', 'PUT', `/api/records/${passA.id}`, { clientTxId: 'qc-http-save-b0', expectedVersion: 2, values: { so: '1' } })).statusCode).toBe(404);
    const list = await call('binh', 'GET', `/api/books/${bookId}/records`);
    expect(list.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([regId]);
    expect(list.body).not.toContain(A_NAME);
    const reg = await call('binh', 'GET', `/api/records/${regId}`);
    expect(reg.json()).toMatchObject({ values: {}, keyingOf: null });
    const regHistory = await call('binh', 'GET', `/api/records/${regId}/history`);
    expect(regHistory.json<{ actorId: string | null }[]>().map((h) => h.actorId)).toEqual([null]);
    const queue = await call('binh', 'GET', `/api/books/${bookId}/keying-queue`);
    expect(queue.json()).toMatchObject({ mode: 'double_blind', items: [{ registrationId: regId, myPass: null }] });
    expect(queue.body).not.toContain(A_NAME);
    expect(queue.body).not.toContain(passA.id);
    // The admin may read a pass.
    expect((await call('admin', 'GET', `/api/records/${passA.id}`)).json()).toMatchObject({ values: { nksHoTen: A_NAME } });

    const claimed = await call('binh', 'POST', `/api/records/${regId}/keyings`, { clientTxId: 'qc-http-claim-b1' });
    expect(claimed.statusCode).toBe(200);
    const passB = claimed.json<{ id: string; version: number; keyingPass: string; values: object }>();
    expect(passB).toMatchObject({ keyingPass: 'B', values: {} });
    expect((await call('cuc', 'POST', `/api/records/${regId}/keyings`, { clientTxId: 'qc-http-claim-c1' })).statusCode).toBe(403);

    expect((await call('binh', 'PUT', `/api/records/${regId}`, { clientTxId: 'qc-http-reg-b1', expectedVersion: 1, values: { so: '9' } })).json()).toMatchObject({
      error: { code: 'qc.registration_in_double_keying' },
    });
    const savedB = await call('binh', 'PUT', `/api/records/${passB.id}`, { clientTxId: 'qc-http-save-b1', expectedVersion: 1, values: { ...CLEAN_KS_RECORD, nksHoTen: B_NAME } });
    expect(savedB.json()).toMatchObject({ values: { nksHoTen: B_NAME } });
    const viaEntry = await call('binh', 'POST', `/api/records/${passB.id}/complete`, { clientTxId: 'qc-http-done-b0', expectedVersion: 2 });
    expect(viaEntry.statusCode).toBe(409);
    expect(viaEntry.json()).toMatchObject({ error: { code: 'qc.complete_pass_via_qc' } });
    const doneB = await call('binh', 'POST', `/api/qc/passes/${passB.id}/complete`, { clientTxId: 'qc-http-done-b1', expectedVersion: 2 });
    expect(doneB.json()).toMatchObject({ comparison: { outcome: 'waiting' }, pass: { status: 'completed' } });
    expect((await call('binh', 'POST', `/api/qc/passes/${passA.id}/complete`, { clientTxId: 'qc-http-done-x1', expectedVersion: 2 })).statusCode).toBe(404);
    const doneA = await call('khoa', 'POST', `/api/qc/passes/${passA.id}/complete`, { clientTxId: 'qc-http-done-a1', expectedVersion: 2 });
    expect(doneA.json()).toMatchObject({ comparison: { outcome: 'compared' } });
    expect(doneA.body).not.toContain(B_NAME);
    expect((await call('khoa', 'PUT', `/api/records/${passA.id}`, { clientTxId: 'qc-http-save-a2', expectedVersion: 3, values: { so: '2' } })).json()).toMatchObject({
      error: { code: 'qc.pass_frozen' },
    });

    // After the comparison B still cannot open A's pass; the registration holds only agreed values.
    expect((await call('binh', 'GET', `/api/records/${passA.id}`)).statusCode).toBe(404);
    const compared = await call('binh', 'GET', `/api/records/${regId}`);
    expect(compared.json<{ values: Record<string, string> }>().values.nksHoTen).toBeUndefined();
    expect(compared.body).not.toContain(A_NAME);

    expect((await call('khoa', 'GET', '/api/qc/arbitration/next')).statusCode).toBe(403);
    const next = await call('cuc', 'GET', `/api/qc/arbitration/next?bookId=${bookId}`);
    const item = next.json<{ item: { id: string; fieldKey: string; values: string[] }; remaining: number }>();
    expect(item).toMatchObject({ remaining: 1, item: { fieldKey: 'nksHoTen' } });
    expect([...item.item.values].sort()).toEqual([B_NAME, A_NAME].sort());
    expect(next.body).not.toMatch(/keyer|passA|passB/i);
    const badChoice = await call('cuc', 'POST', `/api/qc/disagreements/${item.item.id}/decide`, { choice: 'A' });
    expect(badChoice.statusCode).toBe(400);
    const decided = await call('cuc', 'POST', `/api/qc/disagreements/${item.item.id}/decide`, { choice: item.item.values[0] === A_NAME ? 'first' : 'second' });
    expect(decided.json()).toMatchObject({ registrationCompleted: true, value: A_NAME });
    expect((await call('binh', 'GET', `/api/records/${regId}`)).json()).toMatchObject({ status: 'completed', values: { nksHoTen: A_NAME } });
    expect((await call('cuc', 'GET', `/api/books/${bookId}/records`)).json()).toMatchObject({ items: [{ id: regId, status: 'completed', name: A_NAME }] });
  });

  it('tells pass B of a critical-only book which fields to key; pass A keys them all; a stranger learns nothing', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2009, volumeNo: '01/2009' });
    const page = (await storeIngestedFile(ctx, book.id, { name: 'c.jpg', sha256: 'c'.repeat(64), kind: 'jpeg', original: Buffer.from('c'), pages: [fakeIncomingPage(1, 'qc critical')] })).pages[0]!.id;
    expect((await call('dung', 'PUT', `/api/books/${book.id}/qc-mode`, { mode: 'double_critical' })).statusCode).toBe(200);
    const passA = (await call('khoa', 'POST', `/api/books/${book.id}/records`, { pageIds: [page], clientTxId: 'qc-http-crit-a' })).json<{ id: string; keyingOf: string }>();
    const passB = (await call('binh', 'POST', `/api/records/${passA.keyingOf}/keyings`, { clientTxId: 'qc-http-crit-b' })).json<{ id: string; keyingPass: string }>();
    expect(passB.keyingPass).toBe('B');
    expect((await call('khoa', 'GET', `/api/qc/passes/${passA.id}/fields`)).json()).toEqual({ fields: null });
    const fields = (await call('binh', 'GET', `/api/qc/passes/${passB.id}/fields`)).json<{ fields: string[] }>().fields;
    expect(fields).toEqual(expect.arrayContaining(['so', 'ngayDangKy', 'nksHoTen', 'nksGioiTinh', 'nksNgaySinh', 'meHoTen', 'chaHoTen']));
    expect(fields).not.toContain('nksDanToc');
    expect((await call('khoa', 'GET', `/api/qc/passes/${passB.id}/fields`)).statusCode).toBe(404);
  });
});
