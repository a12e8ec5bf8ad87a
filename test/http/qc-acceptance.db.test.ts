/**
 * Sampled acceptance over HTTP on both backends (app.inject): an admin plans
 * a lot, a reviewer checks the sample, a keyer may neither check nor decide
 * and sees only their own accuracy, the decision and the report downloads.
 */
import type { FastifyInstance } from 'fastify';
import { as, insertUsers } from '../support/users.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { completeRecord, createRecord, saveRecord } from '../../src/entry/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { signedInApp } from '../support/http.js';

describeBackends('sampled acceptance over HTTP', (store) => {
  let apps: FastifyInstance[] = [];
  let dispose: () => void;
  let bookId = '';
  let admin = { authorization: '' };
  let reviewer = { authorization: '' };
  let keyer = { authorization: '' };
  let keyerId = '';
  let app!: FastifyInstance;
  beforeAll(async () => {
    const t = testContext(store());
    dispose = t.dispose;
    bookId = (await createBook(t.ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '03/2008' })).id;
    const pageId = (await storeIngestedFile(t.ctx, bookId, { name: 'a.jpg', sha256: 'b'.repeat(64), kind: 'jpeg', original: Buffer.from('a'), pages: [fakeIncomingPage(1, 'qc http')] })).pages[0]!.id;
    const a = await signedInApp(t.ctx, { role: 'admin' });
    const r = await signedInApp(t.ctx, { role: 'reviewer' });
    const k = await signedInApp(t.ctx, { role: 'keyer' });
    apps = [a.app, r.app, k.app];
    app = a.app;
    [admin, reviewer, keyer] = [a.headers, r.headers, k.headers];
    keyerId = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: keyer })).json<{ user: { id: string } }>().user.id;
    // Registration 1 is keyed by the signed-in keyer, 2 and 3 by another keyer: accuracy lists both, a keyer sees only their own.
    const [other] = await insertUsers(t.ctx, [{ login: 'qc-http-other', role: 'keyer' }]);
    for (let i = 1; i <= 3; i++) {
      const c = await as(t.ctx, i === 1 ? keyerId : other!);
      const rec = await createRecord(c, { bookId, pageIds: [pageId], clientTxId: `qc-http-c-${i}` });
      const s = await saveRecord(c, { recordId: rec.id, clientTxId: `qc-http-s-${i}`, expectedVersion: rec.version, values: { ...CLEAN_KS_RECORD, so: String(i) } });
      await completeRecord(c, { recordId: rec.id, clientTxId: `qc-http-d-${i}`, expectedVersion: s.version });
    }
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    dispose();
  });

  it('plans, checks, decides and reports a lot', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/qc/lots',
      headers: admin,
      payload: { scope: { kind: 'books', bookIds: [bookId] }, plan: { kind: 'iso2859' }, seed: '123456789012345678901234' },
    });
    expect(created.statusCode).toBe(201);
    const lot = created.json<{ id: string; plan: { sampleSize: number; fullInspection: boolean } }>();
    expect(lot.plan).toMatchObject({ sampleSize: 3, fullInspection: true });
    expect((await app.inject({ method: 'POST', url: '/api/qc/lots', headers: keyer, payload: {} })).statusCode).toBe(403);
    const bad = await app.inject({ method: 'POST', url: '/api/qc/lots', headers: admin, payload: { scope: { kind: 'books', bookIds: [] }, plan: { kind: 'iso2859' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/ít nhất một quyển/);
    const sample = (await app.inject({ method: 'GET', url: `/api/qc/lots/${lot.id}/sample`, headers: reviewer })).json<{ recordId: string }[]>();
    expect(sample).toHaveLength(3);
    expect((await app.inject({ method: 'GET', url: `/api/qc/lots/${lot.id}/sample`, headers: keyer })).statusCode).toBe(403);
    const one = await app.inject({ method: 'GET', url: `/api/qc/lots/${lot.id}/sample/${sample[0]!.recordId}`, headers: reviewer });
    expect(one.json<{ fields: unknown[] }>().fields.length).toBeGreaterThan(20);
    for (const s of sample) expect((await app.inject({ method: 'POST', url: `/api/qc/lots/${lot.id}/checks`, headers: reviewer, payload: { recordId: s.recordId } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/qc/lots/${lot.id}/decision`, headers: reviewer, payload: {} })).statusCode).toBe(403);
    const decided = await app.inject({ method: 'POST', url: `/api/qc/lots/${lot.id}/decision`, headers: admin, payload: { verdict: 'accept' } });
    expect(decided.json()).toMatchObject({ status: 'accepted' });
    const pdf = await app.inject({ method: 'GET', url: `/api/qc/lots/${lot.id}/report.pdf`, headers: reviewer });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await app.inject({ method: 'GET', url: `/api/qc/lots/${lot.id}/report.xlsx`, headers: admin });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await app.inject({ method: 'GET', url: '/api/qc/lots/00000000-0000-4000-8000-000000000000', headers: admin })).statusCode).toBe(404);
  });

  it('keyer accuracy: planners/reviewers see all, a keyer only their own', async () => {
    const all = await app.inject({ method: 'GET', url: '/api/qc/keyers', headers: reviewer });
    expect(all.statusCode).toBe(200);
    expect(all.json<{ keyerId: string }[]>().map((k) => k.keyerId)).toHaveLength(2);
    const mine = await app.inject({ method: 'GET', url: '/api/qc/keyers', headers: keyer });
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ keyerId: string }[]>().map((k) => k.keyerId)).toEqual([keyerId]);
  });
});
