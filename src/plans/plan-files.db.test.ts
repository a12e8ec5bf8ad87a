import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../auth/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { insertBook, insertPlanUnits, UNITS } from '../../test/support/plan-world.js';
import { addPackage, createCampaign, getPackage, listPackages, listReminders, packageHistory, updatePackage } from './index.js';
import { checkPlanRows, importPlan, planErrorReport } from './plan-import.js';
import { planExport, planTemplate } from './plan-files.service.js';
import { baseColumn, PLAN_SHEET, stageColumn } from './plan-xlsx.js';

async function sheetOf(bytes: Buffer): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { wb, ws: wb.getWorksheet(PLAN_SHEET)! };
}
const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

describeBackends('plans files and history', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let campaignId: string;
  let orgId: string;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-11-01', pages: 100, declared: 80 });
    orgId = (await createOrganization(ctx, { name: 'Công ty Số Hóa Thử', kind: 'contractor' })).id;
    campaignId = (await createCampaign(ctx, { name: 'Kế hoạch nhập từ tệp', unitId: UNITS.province })).id;
  });
  afterAll(() => dispose());

  it('gives a template with Vietnamese headers and drop-downs, refuses a file with a bad row whole, imports it once fixed', async () => {
    const { wb, ws } = await sheetOf(await planTemplate(ctx, campaignId));
    expect(ws.getRow(1).getCell(baseColumn('unit')).value).toBe('Đơn vị hành chính');
    expect(ws.getRow(1).getCell(stageColumn('key1', 'deadline')).value).toBe('Thời hạn - Nhập liệu lần 1');
    const dv = ws.getCell(2, baseColumn('unit')).dataValidation;
    expect(dv?.type).toBe('list');
    const choices = wb
      .getWorksheet('Danh mục')!
      .getColumn(1)
      .values.filter((x) => x != null)
      .map(String);
    const communeA = choices.find((c) => c.endsWith(`[${UNITS.a}]`))!;
    expect(communeA).toBe(`Xã Thử A [${UNITS.a}]`);
    ws.getRow(2).values = [null, communeA, 'KS', 2000, 2010];
    ws.getCell(2, stageColumn('key1', 'deadline')).value = '31/12/2026';
    ws.getCell(2, stageColumn('key1', 'organization')).value = `Công ty Số Hóa Thử [${orgId}]`;
    ws.getCell(2, stageColumn('key1', 'unitPrice')).value = 450;
    ws.getRow(3).values = [null, `Xã Thử B [${UNITS.b}]`, 'KX', 2010, 2000];
    ws.getCell(3, stageColumn('scan', 'deadline')).value = '31/02/2026';
    const bad = await bytesOf(wb);
    const refused = await importPlan(ctx, campaignId, bad).catch((e: unknown) => e as { code: string; details: { rows: { row: number; errors: string[] }[] } });
    expect(refused).toMatchObject({ code: 'plan_import.rows' });
    if (!('details' in refused)) throw new Error('imported');
    expect(refused.details.rows.map((r) => r.row)).toEqual([3]);
    expect(refused.details.rows[0]!.errors.join(' ')).toMatch(/Loại sổ "KX"/);
    expect(refused.details.rows[0]!.errors.join(' ')).toMatch(/không phải ngày/);
    expect(await listPackages(ctx, campaignId)).toEqual([]);
    const report = await sheetOf(await planErrorReport(bad, (await checkPlanRows(ctx, campaignId, bad)).rows));
    expect(String(report.ws.getCell(3, stageColumn('loaded', 'unitPrice') + 1).value)).toMatch(/KX/);
    ws.spliceRows(3, 1);
    expect(await importPlan(ctx, campaignId, await bytesOf(wb))).toEqual({ added: 1, changed: 0 });
    const [pkg] = await listPackages(ctx, campaignId);
    expect(pkg).toMatchObject({ unitId: UNITS.a, registerTypes: ['KS'], estimates: { books: 1, pages: 100, registrations: 80 } });
    expect(pkg!.stages.find((s) => s.stage === 'key1')).toMatchObject({ deadline: '2026-12-31', organizationId: orgId, unitPrice: 450 });
  });

  it('exports the current plan in the same layout, and re-importing it changes the packages in place', async () => {
    const { wb, ws } = await sheetOf(await planExport(ctx, campaignId));
    const [pkg] = await listPackages(ctx, campaignId);
    expect(ws.getCell(2, baseColumn('id')).value).toBe(pkg!.id);
    expect(ws.getCell(2, stageColumn('key1', 'deadline')).value).toBe('31/12/2026');
    ws.getCell(2, baseColumn('registrations')).value = 90;
    expect(await importPlan(ctx, campaignId, await bytesOf(wb), 'ke-hoach-sua.xlsx')).toEqual({ added: 0, changed: 1 });
    expect((await getPackage(ctx, pkg!.id)).estimates.registrations).toBe(90);
    const history = await packageHistory(ctx, pkg!.id);
    expect(history.map((h) => [h.kind, h.reason])).toEqual([
      ['created', 'Nhập kế hoạch từ tệp kế hoạch.xlsx'],
      ['changed', 'Nhập kế hoạch từ tệp ke-hoach-sua.xlsx'],
    ]);
  });

  it('changes a package only from the version read and with a reason; reminds the responsible organization of what is due', async () => {
    const pkg = await addPackage(ctx, campaignId, {
      unitId: UNITS.b,
      registerTypes: ['KT'],
      yearFrom: 2000,
      yearTo: 2001,
      estimates: { books: 2 },
      stages: [
        { stage: 'inventory', deadline: '2026-11-20', organizationId: orgId },
        { stage: 'scan', deadline: '2026-11-28', organizationId: orgId },
      ],
    });
    await expect(updatePackage(ctx, pkg.id, { unitId: UNITS.b, registerTypes: ['KT'], yearFrom: 2000, yearTo: 2001, version: pkg.version, reason: '' })).rejects.toMatchObject({
      code: 'plan.invalid',
    });
    await updatePackage(ctx, pkg.id, {
      unitId: UNITS.b,
      registerTypes: ['KT'],
      yearFrom: 2000,
      yearTo: 2002,
      estimates: { books: 2, pages: 50 },
      stages: [
        { stage: 'inventory', deadline: '2026-11-20', organizationId: orgId },
        { stage: 'scan', deadline: '2026-11-28', organizationId: orgId },
      ],
      version: pkg.version,
      reason: 'QĐ 12/QĐ-STP điều chỉnh năm',
    });
    await expect(updatePackage(ctx, pkg.id, { unitId: UNITS.b, registerTypes: ['KT'], yearFrom: 2000, yearTo: 2002, version: pkg.version, reason: 'lần nữa' })).rejects.toMatchObject({
      code: 'plan.stale',
    });
    expect((await packageHistory(ctx, pkg.id)).at(-1)).toMatchObject({ kind: 'changed', reason: 'QĐ 12/QĐ-STP điều chỉnh năm', payload: { year_to: 2002 } });
    const r = await listReminders(ctx, { days: 5, campaignId });
    const mine = r.organizations.find((o) => o.organizationId === orgId)!;
    expect(mine.items.map((i) => [i.stage, i.status, i.daysLeft])).toEqual([
      ['inventory', 'late', -5],
      ['scan', 'at_risk', 3],
    ]);
  });
});
