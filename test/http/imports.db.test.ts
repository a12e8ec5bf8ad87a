/**
 * Importing over HTTP on both backends (app.inject), signed in as an admin:
 * the raw file body with ?filename & bookId → 201 and the import; a file with
 * row errors → 422 and its error report as xlsx; GET the import back; a keyer
 * lacks the permission; a non-spreadsheet gets its Vietnamese reason.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook } from '../../src/archive/index.js';
import type { ImportView } from '../../src/exchange/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { signedInApp } from '../support/http.js';
import { mojWorkbook } from '../support/import-files.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { readXlsx } from '../support/xlsx-raw.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeBackends('imports over HTTP', (store) => {
  let app: FastifyInstance;
  let keyerApp: FastifyInstance;
  let dispose: () => void;
  let auth = { authorization: '' };
  let keyerAuth = { authorization: '' };
  let bookId = '';
  beforeAll(async () => {
    const t = testContext(store());
    dispose = t.dispose;
    bookId = (await createBook(t.ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2018' })).id;
    ({ app, headers: auth } = await signedInApp(t.ctx));
    ({ app: keyerApp, headers: keyerAuth } = await signedInApp(t.ctx, { role: 'keyer' }));
  });
  afterAll(async () => {
    await app.close();
    await keyerApp.close();
    dispose();
  });

  const post = (a: FastifyInstance, headers: object, url: string, body: Buffer, type = 'application/octet-stream') =>
    a.inject({ method: 'POST', url, headers: { ...headers, 'content-type': type }, payload: body });

  it('imports an uploaded xlsx into a book and reads the import back', async () => {
    const res = await post(app, auth, `/api/imports?filename=${encodeURIComponent('khai sinh.xlsx')}&bookId=${bookId}`, await mojWorkbook([CLEAN_KS_RECORD]), XLSX);
    expect(res.statusCode).toBe(201);
    const view = res.json<ImportView>();
    expect(view).toMatchObject({ status: 'imported', fileName: 'khai sinh.xlsx', bookId, rowsImported: 1, errorReportUrl: null });
    const back = await app.inject({ method: 'GET', url: `/api/imports/${view.id}`, headers: auth });
    expect(back.json()).toEqual(view);
    const records = await app.inject({ method: 'GET', url: `/api/books/${bookId}/records`, headers: auth });
    expect(records.json<unknown[]>()).toHaveLength(1);
  });

  it('answers 422 with the error report for rows with errors', async () => {
    const bytes = await mojWorkbook([{ ...CLEAN_KS_RECORD, so: '99', nksGioiTinh: '7' }]);
    const res = await post(app, auth, `/api/imports?filename=loi.xlsx&bookId=${bookId}`, bytes);
    expect(res.statusCode).toBe(422);
    const view = res.json<ImportView>();
    expect(view.status).toBe('failed');
    expect(view.report.rows[0]!.errors[0]).toMatch(/^\[nksGioiTinh\] Mã "7" không có trong danh mục/);
    const report = await app.inject({ method: 'GET', url: view.errorReportUrl!, headers: auth });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('loi.loi.xlsx');
    expect(readXlsx(report.rawPayload).rows('DL Import')[1]!.at(-1)!.text).toMatch(/^Lỗi \[nksGioiTinh\]/);
  });

  it('with ?fixEncoding=1 takes a TCVN3 name converted to Unicode (422 without it)', async () => {
    const bytes = await mojWorkbook([{ ...CLEAN_KS_RECORD, so: '77', nksHoTen: 'TrÇn V¨n H\u00B6i' }]);
    const refused = await post(app, auth, `/api/imports?filename=tcvn3.xlsx&bookId=${bookId}`, bytes);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ImportView>().report.rows[0]!.errors[0]).toMatch(/^\[nksHoTen\] .*TCVN3.*Đề xuất: "Trần Văn Hải"/);
    const res = await post(app, auth, `/api/imports?filename=tcvn3.xlsx&bookId=${bookId}&fixEncoding=1`, bytes);
    expect(res.statusCode).toBe(201);
    const records = await app.inject({ method: 'GET', url: `/api/books/${bookId}/records`, headers: auth });
    expect(JSON.stringify(records.json())).toContain('Trần Văn Hải');
    expect((await post(app, auth, `/api/imports?filename=x.xlsx&fixEncoding=yes`, bytes)).statusCode).toBe(400);
  });

  it('refuses users without the permission and files that are not spreadsheets, in Vietnamese', async () => {
    const forbidden = await post(keyerApp, keyerAuth, '/api/imports?filename=a.xlsx', await mojWorkbook([CLEAN_KS_RECORD]));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json<{ error: { message: string } }>().error.message).toBe('Bạn không có quyền nhập dữ liệu từ tệp.');
    const pdf = await post(app, auth, '/api/imports?filename=a.pdf', Buffer.from('%PDF-1.4 ...'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'import.not_table' });
    const noName = await post(app, auth, '/api/imports', Buffer.from('x'));
    expect(noName.statusCode).toBe(400);
  });
});
