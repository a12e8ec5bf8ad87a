import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../auth/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { addPages, completeRegistrations, insertBook, insertPlanUnits, UNITS } from '../../test/support/plan-world.js';
import { as, insertUsers } from '../../test/support/users.js';
import { getTemplate } from '../registers/index.js';
import { addPackage, createCampaign, progressReport } from './index.js';

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return parts.join('\n').normalize('NFC');
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describeBackends('plans progress report', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let campaignId: string;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    const org = await createOrganization(ctx, { name: 'UBND xã Thử A', kind: 'ubnd_xa' });
    const a = await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-11-01', pages: 50, declared: 40 });
    await insertBook(ctx, { unit: UNITS.b, year: 2001, day: '2026-11-01', pages: 30, declared: 20 });
    await addPages(ctx, a, 50, '2026-11-10');
    await completeRegistrations(ctx, a, 10, '2026-11-24');
    campaignId = (await createCampaign(ctx, { name: 'Kế hoạch báo cáo', unitId: UNITS.province })).id;
    await addPackage(ctx, campaignId, { unitId: UNITS.a, registerTypes: ['KS'], yearFrom: 2000, yearTo: 2005, stages: [{ stage: 'key1', deadline: '2026-11-20', organizationId: org.id }] });
    await addPackage(ctx, campaignId, { unitId: UNITS.b, registerTypes: ['KS'], yearFrom: 2000, yearTo: 2005, note: 'Sổ rách, cần phục chế' });
  });
  afterAll(() => dispose());

  it('writes the xlsx per district and commune with planned and done figures, deadline, organization and delay', async () => {
    const rows = await xlsxRows(await progressReport(ctx, { period: 'week', unit: '93', campaignId }, 'xlsx'));
    expect(rows[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(rows.some((r) => r[0] === 'BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH')).toBe(true);
    const fields = getTemplate('KS').fields.length;
    const body = rows.slice(rows.findIndex((r) => r[0] === 'Đơn vị') + 1);
    expect(body.map((r) => r[0])).toEqual(['Huyện Tiến Độ', '    Xã Thử A', '    Xã Thử B', 'Tổng cộng']);
    expect(body[1]!.slice(1, 15)).toEqual(['1', '0', '50', '50', '40', '10', String(40 * fields), String(10 * fields), '25', '10', '20/11/2026', 'UBND xã Thử A', '26', 'Chậm tiến độ']); // 30 cases left at 10/7 a day: 21 days, 16/12, 26 days past the deadline
    expect(body[2]![14]).toMatch(/Sổ rách, cần phục chế/);
    expect(body[0]!.slice(1, 9)).toEqual(['2', '0', '80', '50', '60', '10', String(60 * fields), String(10 * fields)]);
  });

  it('writes the PDF with the national heading, the table and a signature block, in Vietnamese', async () => {
    const text = await pdfText(await progressReport(ctx, { period: 'month', campaignId }, 'pdf'));
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH',
      'SỞ TƯ PHÁP',
      'Xã Thử A',
      'Xã Thử B',
      'GIÁM ĐỐC',
      'ngày 25 tháng 11 năm 2026',
      '28 ngày',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('respects the reader scope', async () => {
    const [officer] = await insertUsers(ctx, [{ login: 'report-officer-b', role: 'officer' }], [{ kind: 'unit', unitId: UNITS.b }]);
    const rows = await xlsxRows(await progressReport(await as(ctx, officer!), { period: 'week', campaignId }, 'xlsx'));
    const names = rows.map((r) => r[0]);
    expect(names).toContain('    Xã Thử B');
    expect(names).not.toContain('    Xã Thử A');
  });
});
