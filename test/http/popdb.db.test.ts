/**
 * The population-DB comparison over HTTP on both backends, as an officer of
 * commune A: the returned file as the raw body → 202 { jobId }; the job (run
 * with runJobs) reports its progress and answers with the batch; the
 * conflict queue shows each difference with the page image, the keyed and
 * the population value; deciding for the book keeps the record as keyed; the
 * correction list downloads as xlsx; a keyer may not start an import.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, runJobs } from '../../src/server/index.js';
import { exportMatchKeys, type ConflictView, type PopdbBatchView } from '../../src/popdb/index.js';
import type { JobView } from '../../src/core/index.js';
import { login, type ActorContext } from '../../src/auth/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { signedInUser } from '../support/http.js';
import { buildPopdbWorld, fillResult, type PopdbWorld } from '../support/popdb-world.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeBackends('population-DB comparison over HTTP', (store) => {
  let app: FastifyInstance;
  let ctx: ActorContext;
  let dispose: () => void;
  let w: PopdbWorld;
  let auth = { authorization: '' };
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    w = await buildPopdbWorld(ctx, 'popdb-http-officer');
    app = await buildApp(ctx, { webRoot: '/nonexistent' });
    auth = { authorization: `Bearer ${(await login(ctx, { login: 'popdb-http-officer', password: 'mật khẩu đối chiếu 1' })).token}` };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    dispose();
  });

  it('imports the returned file as a job, queues its differences beside the page, and records the decision', async () => {
    const { files } = await exportMatchKeys(w.officerCtx, w.unitA);
    const body = await fillResult(files.find((f) => f.name.endsWith('.xlsx'))!.bytes, {
      [w.rec.same]: { dcTrangThai: 'TIM_THAY', dcHoTen: 'Phạm Anh Đài', dcMeHoTen: 'Nguyễn Thị Lan', dcChaHoTen: 'Phạm Văn Tú', dcNgaySinh: '01.09.2008', dcGioiTinh: 'Nam' },
      [w.rec.differs]: { dcTrangThai: 'TIM_THAY', dcHoTen: 'Nguyễn Văn Bình', dcMeHoTen: 'Trần Thị Hoà', dcChaHoTen: 'Phạm Văn Tú', dcNgaySinh: '01.09.2008', dcGioiTinh: 'Nam' },
      [w.rec.notFound]: { dcTrangThai: 'KHONG_TIM_THAY' },
      [w.rec.conflict]: { dcTrangThai: 'NHIEU_KET_QUA' },
      [w.rec.holder]: { dcTrangThai: 'KHONG_TIM_THAY' },
    });
    const res = await app.inject({ method: 'POST', url: '/api/popdb/imports?filename=ket-qua.xlsx', headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: body });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    expect(await runJobs(ctx)).toBe(1);
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: auth })).json<JobView & { result: PopdbBatchView }>();
    expect(job).toMatchObject({ status: 'done', kind: 'popdb.import', progress: { phase: 'done', rowsTotal: 5, rowsWritten: 5 } });
    expect(job.result.counts).toEqual({ same: 1, differs: 1, not_found: 2, id_conflict: 1 });

    const queue = (await app.inject({ method: 'GET', url: `/api/popdb/conflicts?batch=${job.result.id}`, headers: auth })).json<ConflictView[]>();
    expect(queue.map((c) => c.recordId).sort()).toEqual([w.rec.differs, w.rec.conflict].sort());
    const row = queue.find((c) => c.recordId === w.rec.differs)!;
    const one = (await app.inject({ method: 'GET', url: `/api/popdb/conflicts/${row.id}`, headers: auth })).json<ConflictView>();
    expect(one.imageUrls).toEqual([`/iiif/3/${w.pageA}/full/max/0/default.jpg`]);
    expect(one.fields.find((f) => f.key === 'hoTen')).toMatchObject({ keyed: 'Nguyễn Văn Bính', population: 'Nguyễn Văn Bình', differs: true, label: expect.stringMatching(/\S/) });
    const decided = await app.inject({ method: 'POST', url: `/api/popdb/conflicts/${row.id}/decide`, headers: auth, payload: { decision: 'book_confirmed', note: 'Sổ ghi Bính.' } });
    expect(decided.statusCode).toBe(200);
    const rec = await ctx.store.db.selectFrom('records').select('values').where('id', '=', w.rec.differs).executeTakeFirstOrThrow();
    expect(rec.values.nksHoTen).toBe('Nguyễn Văn Bính');
    const list = await app.inject({ method: 'GET', url: `/api/popdb/batches/${job.result.id}/corrections.xlsx`, headers: auth });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain(XLSX);
    const batch = (await app.inject({ method: 'GET', url: `/api/popdb/batches/${job.result.id}`, headers: auth })).json<PopdbBatchView>();
    expect(batch.open).toBe(1);
  });

  it('answers a refused file with its error report, and lets no keyer start an import', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/popdb/imports?filename=loi.csv',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: `recordId,dcTrangThai\r\n${w.rec.same},\r\n`,
    });
    const { jobId } = res.json<{ jobId: string }>();
    await runJobs(ctx);
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: auth })).json<JobView & { result: PopdbBatchView }>();
    expect(job.result).toMatchObject({ status: 'failed', rows: [{ row: 2, errors: [expect.stringContaining('Thiếu trạng thái')] }] });
    const report = await app.inject({ method: 'GET', url: job.result.errorReportUrl!, headers: auth });
    expect(report.statusCode).toBe(200);
    const keyer = await signedInUser(ctx, 'keyer', [{ kind: 'book', bookId: w.bookA }]);
    const refused = await app.inject({ method: 'POST', url: '/api/popdb/imports?filename=x.csv', headers: { ...keyer.headers, 'content-type': 'text/csv' }, payload: 'recordId,dcTrangThai\r\n' });
    expect(refused.statusCode).toBe(403);
  });
});
