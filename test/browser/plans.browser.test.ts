/**
 * The campaign dashboard in a real browser (issue 14), seeded through the
 * services: a test province (one district, communes A and B), a scanned book
 * in each commune, a contractor and a campaign over the province.
 * A planner opens "Kế hoạch", downloads the plan template, fills it as a
 * planner would in Excel (found by the headers), uploads a file with a bad
 * row (refused whole in a background job, the row's errors shown, the file
 * back with a "Lỗi" column downloaded), then the fixed file; the
 * dashboard shows the province; she drills down to the district and to
 * commune A (breadcrumbs at each step), sees its scanning late with the
 * contractor responsible (also among the contractor's reminders), and has the
 * progress report made (a job) and downloaded as xlsx and PDF; she moves
 * commune A's scanning deadline by a decision (reason required) and sees the
 * stage leave the late list and the change in the package's history.
 * Without SMTP the reminders say no e-mail is sent; the keyers' throughput
 * table says nothing was keyed yet.
 * An officer of commune B sees only B's package and no import form.
 * Once a contractor's keyer has keyed two registrations of commune A
 * yesterday in one 8-minute session (actions written with their times), the
 * planner's keyers' table shows her registrations per day and fields per
 * hour ("Trường/giờ": 2 × the catalog's KS field count / 9 minutes) for her
 * and her organization; the officer of commune B still sees nothing keyed.
 * Screenshots of the dashboard are kept under test-results/ (an artifact).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { createOrganization, type ActorContext } from '../../src/auth/index.js';
import { createCampaign } from '../../src/plans/index.js';
import { getTemplate } from '../../src/registers/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { textJpeg } from '../support/scans.js';
import { createTestUser } from '../support/users.js';
import { provinceOfBook, provinceOfRecord } from '../../src/store/index.js';

const PASSWORD = 'mat-khau-ke-hoach';
const PROVINCE = 'legacy:province:94';
const DISTRICT = 'legacy:district:941';
const COMMUNE_A = 'legacy:commune:94101';
const COMMUNE_B = 'legacy:commune:94102';
const UNITS = [
  { id: PROVINCE, level: 'province', code: '94', name: 'Kế Hoạch Thử', kind: 'Tỉnh', parent_id: null },
  { id: DISTRICT, level: 'district', code: '941', name: 'Tiến Độ', kind: 'Huyện', parent_id: PROVINCE },
  { id: COMMUNE_A, level: 'commune', code: '94101', name: 'Thử A', kind: 'Xã', parent_id: DISTRICT },
  { id: COMMUNE_B, level: 'commune', code: '94102', name: 'Thử B', kind: 'Xã', parent_id: DISTRICT },
];
const CONTRACTOR = 'Công ty Số hóa Thử';

function screenshot(name: string): string {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  return path.join(ROOT, 'test-results', `plans-${name}`);
}

/** dd/mm/yyyy of today + n days (UTC; the deadlines used are far enough from today for the time zone not to matter). */
const dayFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');

async function scannedBook(ctx: ActorContext, unitId: string, volumeNo: string, pageCount: number): Promise<void> {
  const book = await createBook(ctx, { registerType: 'KS', authority: `UBND ${volumeNo}`, authorityUnitId: unitId, yearFrom: 2005, volumeNo, pageCount, declaredEventCount: 40 });
  const page = { ...fakeIncomingPage(1, volumeNo), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877, thumbnail: await textJpeg(100, 141, 4, 1) };
  await storeIngestedFile(ctx, book.id, { name: `${volumeNo}.pdf`, sha256: randomBytes(32).toString('hex'), kind: 'pdf', original: Buffer.from(volumeNo), pages: [page] });
}

async function seed(ctx: ActorContext): Promise<string> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(UNITS.map((u) => ({ ...u, scheme: 'legacy', source: 'test' })))
    .execute();
  await rebuildWithin(ctx.store.db);
  await scannedBook(ctx, COMMUNE_A, 'A-1', 50);
  await scannedBook(ctx, COMMUNE_B, 'B-1', 20);
  const contractor = await createOrganization(ctx, { name: CONTRACTOR, kind: 'contractor' });
  await createTestUser(ctx, { login: 'sotuphap', displayName: 'Lê Văn Sở', role: 'planner', password: PASSWORD }, [{ kind: 'unit', unitId: PROVINCE }]);
  await createTestUser(ctx, { login: 'canbo.b', displayName: 'Nguyễn Thị B', role: 'officer', password: PASSWORD }, [{ kind: 'unit', unitId: COMMUNE_B }]);
  await createCampaign(ctx, { name: 'Kế hoạch số hóa sổ hộ tịch thử', docRef: '12/KH-UBND', issuedOn: '2026-10-01', unitId: PROVINCE });
  return contractor.id;
}

async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { d, bytes: readFileSync((await d.path())!) };
}

/** Fills the template as a planner does: by the headers of row 1, choices as the drop-downs give them. */
async function fillTemplate(bytes: Buffer, contractorId: string, badRow: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Kế hoạch')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (h: string) => {
    const i = headers.indexOf(h);
    if (i < 1) throw new Error(`no column ${h}`);
    return i;
  };
  const choices = wb
    .getWorksheet('Danh mục')!
    .getColumn(1)
    .values.filter((x) => x != null)
    .map(String);
  const unitChoice = (id: string) => choices.find((c) => c.endsWith(`[${id}]`))!;
  const org = `${CONTRACTOR} [${contractorId}]`;
  const row = (r: number, unit: string, type: string, scanDeadline: string) => {
    ws.getCell(r, col('Đơn vị hành chính')).value = unitChoice(unit);
    ws.getCell(r, col('Loại sổ (KS, KT, KH...)')).value = type;
    ws.getCell(r, col('Từ năm')).value = 2000;
    ws.getCell(r, col('Đến năm')).value = 2010;
    ws.getCell(r, col('Thời hạn - Quét/chụp')).value = scanDeadline;
    ws.getCell(r, col('Đơn vị chịu trách nhiệm - Quét/chụp')).value = org;
    ws.getCell(r, col('Người chịu trách nhiệm - Quét/chụp')).value = 'Trần Văn Quét';
    ws.getCell(r, col('Thời hạn - Nhập liệu lần 1')).value = dayFromNow(60);
    ws.getCell(r, col('Đơn vị chịu trách nhiệm - Nhập liệu lần 1')).value = org;
    ws.getCell(r, col('Đơn giá (đồng) - Quét/chụp')).value = 1000;
  };
  row(2, COMMUNE_A, 'KS', dayFromNow(-5));
  row(3, COMMUNE_B, badRow ? 'KX' : 'KS', dayFromNow(30));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the campaign dashboard in the browser', () => {
  let t: BrowserApp;
  let contractorId: string;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      contractorId = await seed(ctx);
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it('a planner imports a plan from the template, drills down to a commune, sees the late package and downloads the report', async () => {
    const page = await signIn(t, 'sotuphap', PASSWORD, { acceptDownloads: true });
    const cspProblems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspProblems.push(m.text());
    });
    page.on('pageerror', (e) => cspProblems.push(`page error: ${e.message}`));
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch số hóa' }).waitFor();
    await page
      .getByRole('heading', { name: /^Tỉnh Kế Hoạch Thử/ })
      .or(page.getByText('Chưa có công đoạn nào'))
      .first()
      .waitFor();

    const template = await download(page, page.getByRole('link', { name: 'Tải mẫu kế hoạch (.xlsx)' }));
    expect(template.d.suggestedFilename()).toBe('mau-ke-hoach.xlsx');
    const upload = page.getByLabel('Tệp kế hoạch đã điền (.xlsx)');
    const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await upload.setInputFiles({ name: 'ke-hoach-loi.xlsx', mimeType: mime, buffer: await fillTemplate(template.bytes, contractorId, true) });
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('alert').filter({ hasText: 'Không dòng nào được nhập.' }).waitFor();
    const errors = page.getByRole('table', { name: 'Các dòng có lỗi' });
    expect(await errors.locator('tbody tr td:first-child').allTextContents()).toEqual(['3']);
    expect(await errors.textContent()).toMatch(/Loại sổ "KX"/);
    const errorFile = await download(page, page.getByRole('link', { name: 'Tải tệp kèm cột “Lỗi”' }));
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load(errorFile.bytes as unknown as ExcelJS.Buffer);
    const markedRow3 = (marked.getWorksheet('Kế hoạch')!.getRow(3).values as unknown[]).map((v) => String(v ?? '')).join(' ');
    expect(markedRow3).toMatch(/Loại sổ "KX"/);
    expect(await page.getByRole('table', { name: 'Tiến độ theo đơn vị' }).count()).toBe(0);

    await upload.setInputFiles({ name: 'ke-hoach.xlsx', mimeType: mime, buffer: await fillTemplate(template.bytes, contractorId, false) });
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập kế hoạch: thêm 2 gói, sửa 0 gói.' }).waitFor();

    // The province: its stages, the district below it, the late stage of commune A already in the list.
    const units = page.getByRole('table', { name: 'Tiến độ theo đơn vị' });
    await units.waitFor();
    expect(await units.locator('tbody th').allTextContents()).toEqual(['Huyện Tiến Độ']);
    const province = page.getByRole('table', { name: 'Các công đoạn — Tỉnh Kế Hoạch Thử' });
    expect(await province.getByRole('row', { name: /^Quét\/chụp/ }).textContent()).toMatch(/2 \/ 70 trang/);
    const reminders = page.getByRole('list', { name: `Việc của ${CONTRACTOR}` });
    await expect.poll(() => reminders.getByRole('listitem').first().textContent()).toMatch(/^Chậm tiến độ Xã Thử A — Quét\/chụp: hạn .* \(quá hạn \d+ ngày\)/);
    expect(await page.getByTestId('plan-totals').textContent()).toMatch(/^2 gói công việc · Trường nhập liệu: 0 \/ [\d.]+ · Kinh phí đã thực hiện: 2\.000 \/ dự toán 70\.000 đồng$/);
    await page.screenshot({ path: screenshot('province.png'), fullPage: true });
    const exported = await download(page, page.getByRole('link', { name: 'Xuất kế hoạch hiện tại (.xlsx)' }));
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.load(exported.bytes as unknown as ExcelJS.Buffer);
    const planRows = plan
      .getWorksheet('Kế hoạch')!
      .getSheetValues()
      .slice(2)
      .filter((r) => Array.isArray(r) && r.some((v) => v != null)) as unknown[][];
    expect(planRows.map((r) => String(r[2]))).toEqual([`Xã Thử A [${COMMUNE_A}]`, `Xã Thử B [${COMMUNE_B}]`]);
    expect(planRows.every((r) => /^[0-9a-f-]{36}$/.test(String(r[1])))).toBe(true);

    await units.getByRole('link', { name: 'Huyện Tiến Độ' }).click();
    const crumbs = page.getByRole('navigation', { name: 'Đường dẫn đơn vị' });
    await expect.poll(() => crumbs.getByRole('listitem').allTextContents()).toEqual(['Kế hoạch số hóa sổ hộ tịch thử', 'Tỉnh Kế Hoạch Thử', 'Huyện Tiến Độ']);
    await expect.poll(() => units.locator('tbody th').allTextContents()).toEqual(['Xã Thử A', 'Xã Thử B']);

    // Keyboard: the commune's link is reached and followed from the keyboard.
    await units.getByRole('link', { name: 'Xã Thử A' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => crumbs.getByRole('listitem').allTextContents()).toEqual(['Kế hoạch số hóa sổ hộ tịch thử', 'Tỉnh Kế Hoạch Thử', 'Huyện Tiến Độ', 'Xã Thử A']);
    await page.getByRole('region', { name: 'Gói công việc Xã Thử A' }).waitFor();
    const late = page.getByRole('table', { name: 'Công đoạn chậm và có nguy cơ chậm' });
    const lateRow = late.getByRole('row').filter({ hasText: 'Quét/chụp' });
    await expect
      .poll(() => lateRow.locator('td').allTextContents())
      .toEqual(['Xã Thử A', 'Quét/chụp', 'Chậm tiến độ', expect.stringMatching(/^\d+$/), dayFromNow(-5), expect.stringMatching(/^\d\d\/\d\d\/\d{4}$|^—$/), '1 / 50', `${CONTRACTOR} · Trần Văn Quét`]);
    expect(Number(await lateRow.locator('td').nth(3).textContent())).toBeGreaterThanOrEqual(5);
    expect(await late.textContent()).not.toMatch(/Xã Thử B/);
    // No SMTP configured in this app: the reminders say no e-mail is sent. Nothing keyed yet: the keyers' table says so.
    await page.getByText('Chưa cấu hình máy chủ thư (HOTICH_SMTP_URL)', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Năng suất nhập liệu và độ chính xác' }).getByText('Chưa có bản đăng ký nào được nhập trong 28 ngày qua.').waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: `Việc của ${CONTRACTOR}` })
          .getByRole('listitem')
          .allTextContents(),
      )
      .toEqual([expect.stringMatching(/^Chậm tiến độ Xã Thử A — Quét\/chụp/)]);
    expect(await page.getByRole('img', { name: /^Biểu đồ tiến độ cộng dồn/ }).count()).toBe(1);
    await page.screenshot({ path: screenshot('commune.png'), fullPage: true });

    // A decision moves commune A's scanning deadline: changed on the web with its reason, the stage no longer late, the change in the history.
    const pkgA = page.getByRole('region', { name: 'Gói công việc Xã Thử A' });
    await pkgA.getByText('Điều chỉnh gói và lịch sử thay đổi').click();
    const isoFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await pkgA.getByLabel('Thời hạn — Quét/chụp').fill(isoFromNow(400));
    await pkgA.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    expect(await pkgA.getByLabel('Lý do điều chỉnh (căn cứ quyết định)').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    await pkgA.getByLabel('Lý do điều chỉnh (căn cứ quyết định)').fill('Theo Quyết định số 12/QĐ-STP');
    await pkgA.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await pkgA.getByRole('status').filter({ hasText: 'Đã lưu điều chỉnh gói.' }).waitFor();
    await expect.poll(() => late.getByRole('row').filter({ hasText: 'Quét/chụp' }).filter({ hasText: 'Chậm tiến độ' }).count()).toBe(0);
    const history = page.getByRole('list', { name: 'Lịch sử thay đổi gói' });
    await expect
      .poll(() => history.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringMatching(/Lập gói — Lê Văn Sở — lý do: “Nhập kế hoạch từ tệp ke-hoach.xlsx”$/),
        expect.stringMatching(/Điều chỉnh — Lê Văn Sở — lý do: “Theo Quyết định số 12\/QĐ-STP”$/),
      ]);

    const xlsx = await download(page, page.getByRole('button', { name: 'Tải báo cáo (.xlsx)' }));
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const text = report.worksheets
      .flatMap((ws) =>
        ws
          .getSheetValues()
          .flat()
          .map((v) => String(v ?? '')),
      )
      .join(' ');
    expect(text).toMatch(/Báo cáo tiến độ số hóa sổ hộ tịch/i);
    expect(text).toMatch(/Xã Thử A/);
    expect(text).not.toMatch(/Xã Thử B/);
    const pdf = await download(page, page.getByRole('button', { name: 'Tải báo cáo (.pdf)' }));
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Back up by the breadcrumbs to the province.
    await crumbs.getByRole('link', { name: 'Tỉnh Kế Hoạch Thử' }).click();
    await expect.poll(() => units.locator('tbody th').allTextContents()).toEqual(['Huyện Tiến Độ']);
    expect(cspProblems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it("an officer of commune B sees only B's package and may not import a plan", async () => {
    const page = await signIn(t, 'canbo.b', PASSWORD);
    await page.goto(`${t.base}/#/plans`);
    await page.getByRole('heading', { name: 'Kế hoạch số hóa' }).waitFor();
    const late = page.getByRole('table', { name: 'Công đoạn chậm và có nguy cơ chậm' });
    await late.waitFor();
    expect(await late.locator('tbody tr td:first-child').allTextContents()).toEqual(['Xã Thử B', 'Xã Thử B']);
    expect(await page.getByText('Xã Thử A').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Tải mẫu kế hoạch (.xlsx)' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Nhập kế hoạch' }).count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it("shows the keyers' fields per hour next to their registrations per day, within the reader's scope", async () => {
    const db = t.ctx.store.db;
    const keyer = await createTestUser(t.ctx, { login: 'nhap.a', displayName: 'Phạm Thị Nhập', role: 'keyer', password: PASSWORD, organizationId: contractorId });
    const book = await db.selectFrom('books').select('id').where('volume_no', '=', 'A-1').executeTakeFirstOrThrow();
    const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    for (const [n, [from, to]] of [
      ['08:00:00', '08:02:00'],
      ['08:03:00', '08:08:00'],
    ].entries()) {
      const r = await db
        .insertInto('records')
        .values({
          book_id: book.id,
          province_code: provinceOfBook(book.id),
          register_type: 'KS',
          template_version: 'KS-70',
          values: {},
          page_ids: '[]',
          keyed_by: keyer.id,
          status: 'completed',
          completed_at: `${yesterday}T${to}+07:00`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('record_actions')
        .values([
          {
            record_id: r.id,
            province_code: provinceOfRecord(r.id),
            client_tx_id: `tx-plans-browser-${n}-a`,
            kind: 'created',
            actor_id: keyer.id,
            payload: '{}',
            created_at: `${yesterday}T${from}+07:00`,
          },
          {
            record_id: r.id,
            province_code: provinceOfRecord(r.id),
            client_tx_id: `tx-plans-browser-${n}-b`,
            kind: 'completed',
            actor_id: keyer.id,
            payload: '{}',
            created_at: `${yesterday}T${to}+07:00`,
          },
        ])
        .execute();
    }
    // One session 08:00–08:08 (gaps under 10 minutes) + 1 minute for its first record: 540 s.
    const fieldsPerHour = (Math.round(((2 * getTemplate('KS').fields.length * 3600) / 540) * 10) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
    const page = await signIn(t, 'sotuphap', PASSWORD);
    await page.goto(`${t.base}/#/plans`);
    const table = page.getByRole('table', { name: 'Năng suất nhập liệu theo đơn vị và người nhập' });
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Đơn vị / người nhập',
      'Bản ghi/ngày (7 ngày)',
      'Bản ghi/ngày (28 ngày)',
      'Đã nhập 28 ngày',
      'Trường/giờ (7 ngày)',
      'Trường/giờ (28 ngày)',
      'Độ chính xác (kiểm tra chất lượng)',
    ]);
    const cells = (name: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name }) })
        .locator('td')
        .allTextContents();
    expect(await cells('Phạm Thị Nhập')).toEqual(['0,29', '0,07', '2', fieldsPerHour, fieldsPerHour, 'chưa có kết quả kiểm tra']);
    expect(await cells(`${CONTRACTOR} (1 người)`)).toEqual(['0,29', '0,07', '2', fieldsPerHour, fieldsPerHour, '']);
    await page.screenshot({ path: screenshot('keyers.png'), fullPage: true });
    await page.context().close();
    const officer = await signIn(t, 'canbo.b', PASSWORD);
    await officer.goto(`${t.base}/#/plans`);
    await officer.getByRole('region', { name: 'Năng suất nhập liệu và độ chính xác' }).getByText('Chưa có bản đăng ký nào được nhập trong 28 ngày qua.').waitFor();
    await officer.context().close();
  }, 90_000);
});
