/**
 * Importing over HTTP on both backends (app.inject), signed in as an admin:
 * the raw file body with ?filename & bookId → 202 { jobId }; the job (run
 * with runJobs, no worker timers) reports its progress and answers with the
 * import, GET /api/jobs/:id shows both; a file with row errors → the job's
 * import is failed, with its error report as xlsx; GET the import back; a
 * keyer lacks the permission; a non-spreadsheet gets its Vietnamese reason at
 * once (no job); a second upload of the same file is refused at once (409).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook } from '../../src/archive/index.js';
import type { ImportProgress, ImportView } from '../../src/exchange/index.js';
import type { JobView } from '../../src/core/index.js';
import { runJobs } from '../../src/server/index.js';
import type { ActorContext } from '../../src/auth/index.js';
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
  let ctx: ActorContext;
  let firstFile: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    const t = testContext(store());
    ctx = t.ctx;
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

  /** Uploads, expects 202 { jobId }, runs the job and answers the finished job. */
  const imported = async (url: string, body: Buffer, type?: string): Promise<JobView & { result: ImportView }> => {
    const res = await post(app, auth, url, body, type);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: auth })).json()).toMatchObject({ id: jobId, kind: 'import.file', status: 'queued' });
    expect(await runJobs(ctx)).toBe(1);
    const job = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: auth });
    expect(job.statusCode).toBe(200);
    return job.json<JobView & { result: ImportView }>();
  };

  it('imports an uploaded xlsx into a book and reads the import back', async () => {
    firstFile = await mojWorkbook([CLEAN_KS_RECORD]);
    const job = await imported(`/api/imports?filename=${encodeURIComponent('khai sinh.xlsx')}&bookId=${bookId}`, firstFile, XLSX);
    expect(job.status).toBe('done');
    expect(job.progress).toEqual({ phase: 'done', rowsTotal: 1, rowsRead: 1, rowsChecked: 1, rowsWritten: 1 } satisfies ImportProgress);
    const view = job.result;
    expect(view).toMatchObject({ status: 'imported', fileName: 'khai sinh.xlsx', bookId, rowsImported: 1, errorReportUrl: null });
    const back = await app.inject({ method: 'GET', url: `/api/imports/${view.id}`, headers: auth });
    expect(back.json()).toEqual(view);
    const records = await app.inject({ method: 'GET', url: `/api/books/${bookId}/records`, headers: auth });
    expect(records.json<{ items: unknown[]; total: number }>()).toMatchObject({ total: 1 });
  });

  it('answers a failed import with the error report for rows with errors, writing no record', async () => {
    const bytes = await mojWorkbook([{ ...CLEAN_KS_RECORD, so: '99', nksGioiTinh: '7' }]);
    const job = await imported(`/api/imports?filename=loi.xlsx&bookId=${bookId}`, bytes);
    expect(job.status).toBe('done');
    expect(job.progress).toMatchObject({ phase: 'done', rowsChecked: 1, rowsWritten: 0 });
    const view = job.result;
    expect(view.status).toBe('failed');
    expect(view.report.rows[0]!.errors[0]).toMatch(/^\[nksGioiTinh\] Mã "7" không có trong danh mục/);
    const report = await app.inject({ method: 'GET', url: view.errorReportUrl!, headers: auth });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('loi.loi.xlsx');
    expect(readXlsx(report.rawPayload).rows('DL Import')[1]!.at(-1)!.text).toMatch(/^Lỗi \[nksGioiTinh\]/);
  });

  it('with ?fixEncoding=1 takes a TCVN3 name converted to Unicode (failed without it)', async () => {
    const bytes = await mojWorkbook([{ ...CLEAN_KS_RECORD, so: '77', nksHoTen: 'TrÇn V¨n H\u00B6i' }]);
    const refused = (await imported(`/api/imports?filename=tcvn3.xlsx&bookId=${bookId}`, bytes)).result;
    expect(refused.status).toBe('failed');
    expect(refused.report.rows[0]!.errors[0]).toMatch(/^\[nksHoTen\] .*TCVN3.*Đề xuất: "Trần Văn Hải"/);
    const res = (await imported(`/api/imports?filename=tcvn3.xlsx&bookId=${bookId}&fixEncoding=1`, bytes)).result;
    expect(res.status).toBe('imported');
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
    expect(await runJobs(ctx)).toBe(0);
  });

  it('refuses at once a file already imported, and fails the job of a file whose header fits no template', async () => {
    const again = await post(app, auth, `/api/imports?filename=lai.xlsx&bookId=${bookId}`, firstFile, XLSX);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('import.already_imported');
    const job = await imported('/api/imports?filename=lạ.csv', Buffer.from('Cột A,Cột B\n1,2\n'), 'text/csv');
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/[ạảãáàâăêôơư]/);
    expect(await runJobs(ctx)).toBe(0);
  });
});
