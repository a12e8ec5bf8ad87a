/**
 * The plan's long work as jobs over HTTP, on both backends: a plan import
 * answers 202 { jobId }; a file with a bad row fails the job with the rows'
 * errors and the file back with a "Lỗi" column (GET /api/jobs/:id/file),
 * nothing imported; the fixed file's job answers { added }; the progress
 * report (xlsx, PDF) is made by a job and downloaded from the job's file;
 * another planner may not follow or download someone else's job (404); a
 * file that is not an xlsx is refused at once, before any job.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobView } from '../../src/core/index.js';
import { createCampaign, listPackages } from '../../src/plans/index.js';
import { runJobs } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext, type TestContext } from '../support/context.js';
import { signedInApp, signedInUser } from '../support/http.js';
import { insertBook, insertPlanUnits, UNITS } from '../support/plan-world.js';

async function planFile(app: FastifyInstance, headers: Record<string, string>, campaignId: string, badType: boolean): Promise<Buffer> {
  const res = await app.inject({ method: 'GET', url: `/api/plans/campaigns/${campaignId}/template.xlsx`, headers });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Kế hoạch')!;
  ws.getRow(2).values = [null, `Xã Thử A [${UNITS.a}]`, 'KS', 2000, 2010];
  ws.getRow(3).values = [null, `Xã Thử B [${UNITS.b}]`, badType ? 'KX' : 'KS', 2000, 2010];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeBackends('plan import and progress report as jobs', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let app: FastifyInstance;
  let auth: { authorization: string };
  let other: { authorization: string };
  let campaignId: string;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-11-01', pages: 40, declared: 30 });
    campaignId = (await createCampaign(ctx, { name: 'Kế hoạch chạy nền', unitId: UNITS.province })).id;
    ({ app, headers: auth } = await signedInApp(ctx, { role: 'planner' }));
    ({ headers: other } = await signedInUser(ctx, 'planner'));
  });
  afterAll(async () => {
    await app?.close();
    dispose();
  });

  const post = (url: string, body?: Buffer) =>
    app.inject({ method: 'POST', url, headers: { ...auth, ...(body ? { 'content-type': 'application/octet-stream' } : {}) }, ...(body ? { payload: body } : {}) });
  const job = async (jobId: string, headers = auth) => app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers });
  const started = async (res: { statusCode: number; json: <T>() => T; body: string }) => {
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    expect((await job(jobId)).json<JobView>().status).toBe('queued');
    expect(await runJobs(ctx)).toBe(1);
    return { jobId, view: (await job(jobId)).json<JobView>() };
  };

  it('refuses a plan with a bad row in the job, with the rows and the file back; imports the fixed file', async () => {
    const bad = await started(await post(`/api/plans/campaigns/${campaignId}/import?filename=ke-hoach.xlsx`, await planFile(app, auth, campaignId, true)));
    expect(bad.view).toMatchObject({ status: 'failed', error: { code: 'plan_import.rows', details: { rows: [{ row: 3 }] } } });
    expect(JSON.stringify(bad.view.error)).toMatch(/Loại sổ "KX"|KX/);
    expect(bad.view.progress).toMatchObject({ phase: 'checking', rowsTotal: 2 });
    expect(await listPackages(ctx, campaignId)).toEqual([]);
    const report = await app.inject({ method: 'GET', url: `/api/jobs/${bad.jobId}/file`, headers: auth });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toBe('attachment; filename="ke-hoach-loi.xlsx"; filename*=UTF-8\'\'ke-hoach-loi.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
    const row3 = (wb.getWorksheet('Kế hoạch')!.getRow(3).values as unknown[]).map(String).join(' ');
    expect(row3).toMatch(/KX/);
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${bad.jobId}/file`, headers: other })).statusCode).toBe(404);
    expect((await job(bad.jobId, other)).statusCode).toBe(404);

    const good = await started(await post(`/api/plans/campaigns/${campaignId}/import?filename=ke-hoach.xlsx`, await planFile(app, auth, campaignId, false)));
    expect(good.view).toMatchObject({ status: 'done', result: { added: 2, changed: 0 }, progress: { phase: 'done', rowsWritten: 2 } });
    expect((await listPackages(ctx, campaignId)).map((p) => p.unitId).sort()).toEqual([UNITS.a, UNITS.b]);
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${good.jobId}/file`, headers: auth })).statusCode).toBe(404);
  });

  it('refuses a file that is not an xlsx at once, before any job', async () => {
    const res = await post(`/api/plans/campaigns/${campaignId}/import?filename=a.xlsx`, Buffer.from('không phải xlsx'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'plan_import.not_xlsx' } });
    expect(await runJobs(ctx)).toBe(0);
  });

  it('makes the progress report in a job, xlsx and PDF, downloaded from the job', async () => {
    const xlsx = await started(await post(`/api/plans/report.xlsx?period=week&campaignId=${campaignId}&unitId=931`));
    expect(xlsx.view).toMatchObject({ status: 'done', kind: 'plans.report', progress: { phase: 'done' } });
    const file = await app.inject({ method: 'GET', url: `/api/jobs/${xlsx.jobId}/file`, headers: auth });
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const text = wb.worksheets
      .flatMap((ws) =>
        ws
          .getSheetValues()
          .flat()
          .map((v) => String(v ?? '')),
      )
      .join(' ');
    expect(text).toMatch(/Báo cáo tiến độ số hóa sổ hộ tịch/i);
    expect(text).toMatch(/Xã Thử A/);
    const pdf = await started(await post(`/api/plans/report.pdf?period=month&campaignId=${campaignId}`));
    const pdfFile = await app.inject({ method: 'GET', url: `/api/jobs/${pdf.jobId}/file`, headers: auth });
    expect(pdfFile.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${pdf.jobId}/file`, headers: other })).statusCode).toBe(404);
    const unknownUnit = await post(`/api/plans/report.pdf?period=month&unitId=99999`);
    expect(unknownUnit.statusCode).toBe(404);
  });
});
