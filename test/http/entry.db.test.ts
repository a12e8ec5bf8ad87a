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

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

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
    expect(list.json()).toMatchObject({ total: 1, offset: 0, nextCursor: null, items: [expect.objectContaining({ id: rec.id, status: 'completed', so: '15', name: 'Phạm Anh Đài', errors: 0 })] });
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

  it('offers the Unicode form of a TCVN3 name as a fix; saved on confirmation, it is a keyed change in the history', async () => {
    const rec = (await call('POST', `/api/books/${bookId}/records`, { pageIds: [pageId], clientTxId: 'http-create-fx' })).json<{ id: string }>();
    const typed = await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-save-fx01', expectedVersion: 1, values: { nksHoTen: 'Ph¹m Anh §µi' } });
    const finding = typed.json<{ findings: { path: string; code: string; fix?: { value: string; label: string } }[] }>().findings.find((f) => f.path === 'nksHoTen');
    expect(finding).toMatchObject({ code: 'text.legacy_encoding', fix: { value: 'Phạm Anh Đài', label: 'Chuyển sang Unicode: Phạm Anh Đài' } });
    const confirmed = await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-save-fx02', expectedVersion: 2, values: { nksHoTen: finding!.fix!.value } });
    expect(confirmed.json<{ values: Record<string, string> }>().values.nksHoTen).toBe('Phạm Anh Đài');
    const history = (await call('GET', `/api/records/${rec.id}/history`)).json<{ kind: string; payload: { values?: Record<string, string> } }[]>();
    expect(history.slice(1).map((h) => [h.kind, h.payload.values?.nksHoTen])).toEqual([
      ['keyed', 'Ph¹m Anh §µi'],
      ['keyed', 'Phạm Anh Đài'],
    ]);
  });

  it("takes only the template's fields, within their limits, as text: anything else is a 400 naming the field", async () => {
    const rec = (await call('POST', `/api/books/${bookId}/records`, { pageIds: [pageId], clientTxId: 'http-create-lim' })).json<{ id: string }>();
    const put = (values: object, tx: string) => call('PUT', `/api/records/${rec.id}`, { clientTxId: tx, expectedVersion: 1, values });
    const many: Record<string, string> = { nksHoTen: 'Lê Văn A' };
    for (let i = 0; i < 200_000; i++) many[`k${i}`] = 'x';
    const unknown = await put(many, 'http-lim-0001');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'record.unknown_field', message: expect.stringMatching(/^Cột "k0" \(và 199999 cột khác\) không có trong mẫu sổ nào/), details: { field: 'k0', count: 200_000 } },
    });

    const other = await put({ nktHoTen: 'Lê Văn A' }, 'http-lim-0007');
    expect(other.json()).toMatchObject({ error: { code: 'record.unknown_field', message: expect.stringMatching(/^Cột "nktHoTen" không có trong mẫu KS-70/), details: { field: 'nktHoTen' } } });

    const nul = await put({ nksHoTen: 'Lê\u0000Văn A' }, 'http-lim-0002');
    expect([nul.statusCode, nul.json()]).toEqual([
      400,
      {
        error: expect.objectContaining({
          code: 'record.invalid_character',
          message: expect.stringMatching(/nksHoTen.*NUL ở vị trí 3/),
          details: expect.objectContaining({ field: 'nksHoTen', position: 3 }),
        }),
      },
    ]);
    const raw = '{"clientTxId":"http-lim-0003","expectedVersion":1,"values":{"nksNoiSinh":"Tr\\ud800m"}}';
    const surrogate = await app.inject({ method: 'PUT', url: `/api/records/${rec.id}`, headers: { ...auth, 'content-type': 'application/json' }, payload: raw });
    expect([surrogate.statusCode, surrogate.json()]).toEqual([
      400,
      { error: expect.objectContaining({ code: 'record.invalid_character', details: expect.objectContaining({ field: 'nksNoiSinh', codePoint: 'U+D800', position: 3 }) }) },
    ]);
    const long = await put({ nksHoTen: 'A'.repeat(201) }, 'http-lim-0004');
    expect(long.json()).toMatchObject({ error: { code: 'record.value_too_long', details: { field: 'nksHoTen', limit: 200 } } });
    const note = await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-lim-0005', expectedVersion: 1, flags: { nksHoTen: { kind: 'uncertain', note: 'a\u0000' } } });
    expect([note.statusCode, note.json<{ error: { code: string } }>().error.code]).toEqual([400, 'request.invalid']);
    const multiLine = await put({ ghiChu: 'Dòng 1\nDòng 2' }, 'http-lim-0006');
    expect(multiLine.statusCode).toBe(200);

    const history = (await call('GET', `/api/records/${rec.id}/history`)).json<unknown[]>();
    expect(history).toHaveLength(2);
  });

  it('judges a 1998 birth registered 90 days after by the rules of 1998 (NĐ 83/1998: 30 days), not those of 2014', async () => {
    const rec = (await call('POST', `/api/books/${bookId}/records`, { pageIds: [pageId], clientTxId: 'http-create-98' })).json<{ id: string }>();
    const of1998 = { ...CLEAN_KS_RECORD, quyenSo: '01/1998', ngayDangKy: '15.12.1998', nksNgaySinh: '16.09.1998', meNgaySinh: '1972', chaNgaySinh: '1970' };
    const onTime = await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-save-9801', expectedVersion: 1, values: { ...of1998, loaiDangKy: '1' } });
    const warning = onTime.json<{ findings: { path: string; code: string; message: string }[] }>().findings.filter((f) => f.path === 'loaiDangKy');
    expect(warning).toEqual([expect.objectContaining({ code: 'ks.on_time_but_late', message: expect.stringMatching(/sau 90 ngày.*30 ngày theo Nghị định 83\/1998\/NĐ-CP, Điều 18/) })]);
    const late = await call('PUT', `/api/records/${rec.id}`, { clientTxId: 'http-save-9802', expectedVersion: 2, values: { loaiDangKy: '4' } });
    expect(late.json<{ findings: { path: string }[] }>().findings.filter((f) => f.path === 'loaiDangKy')).toEqual([]);
    const in2016 = await call('PUT', `/api/records/${rec.id}`, {
      clientTxId: 'http-save-9803',
      expectedVersion: 3,
      values: { quyenSo: '01/2016', ngayDangKy: '15.12.2016', nksNgaySinh: '16.09.2016', loaiDangKy: '1' },
    });
    expect(in2016.json<{ findings: { path: string; message: string }[] }>().findings.find((f) => f.path === 'loaiDangKy')?.message).toMatch(/60 ngày theo Luật Hộ tịch 2014, Điều 15/);
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
