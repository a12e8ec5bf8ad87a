/**
 * The exchange screens in a real browser (Debian's Chromium via
 * playwright-core), against the built app on the embedded database:
 * - the book page's export panel: an officer exports a book whose
 *   registrations are all completed, sees the files, downloads the MoJ xlsx
 *   (a real xlsx whose "DL Import" row 1 is the catalog header), and a
 *   reviewer signs the warnings report off; a book with a draft registration
 *   is refused with the Vietnamese list of what to fix;
 * - the import screen (#/imports): a file with an ERROR row is refused as a
 *   whole with the Vietnamese summary and a downloadable error report; the
 *   xlsx exported above goes in, with a link to the book it created.
 * Screenshots (export-panel.png, import-screen.png) are kept in test-results/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, saveRecord } from '../../src/entry/index.js';
import { getTemplate, headerText } from '../../src/registers/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { exportReadyBook, keyCompleted, scannedBook } from '../support/export-book.js';
import { mojWorkbook } from '../support/import-files.js';
import { CLEAN_KS_RECORD, patchValues } from '../support/records.js';
import { readXlsx } from '../support/xlsx-raw.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const TALL = { width: 1366, height: 900 };
const RESULTS = path.join(ROOT, 'test-results');

/** Clicks a link and gives back the downloaded file's name and bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('export and import in the browser', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-exchange-'));
  let t: BrowserApp;
  let readyBook = '';
  let draftBook = '';
  let draftRecord = '';
  let exported: { name: string; bytes: Buffer } | undefined;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'canbo', displayName: 'Nguyễn Thị Lan', role: 'officer', password: PASSWORD });
      await createTestUser(ctx, { login: 'kiemtra', displayName: 'Trần Văn Kiểm', role: 'reviewer', password: PASSWORD });
      // Three completed registrations (one with an acknowledged warning), through the real services.
      readyBook = (await exportReadyBook(ctx)).bookId;
      // Another book: one completed registration and one still being keyed, with an impossible birth date.
      const other = await scannedBook(ctx, { volume: '03/2008', pages: 2 });
      draftBook = other.bookId;
      await keyCompleted(ctx, draftBook, [other.pageIds[0]!], patchValues(CLEAN_KS_RECORD, { so: '4', quyenSo: '03/2008' }));
      const draft = await createRecord(ctx, { bookId: draftBook, pageIds: [other.pageIds[1]!], clientTxId: 'exchange-browser-draft-1' });
      draftRecord = draft.id;
      await saveRecord(ctx, {
        recordId: draft.id,
        clientTxId: 'exchange-browser-draft-2',
        expectedVersion: draft.version,
        values: patchValues(CLEAN_KS_RECORD, { so: '5', quyenSo: '03/2008', nksNgaySinh: '31.02.2008' }),
      });
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports a completed book, downloads the MoJ xlsx, and a reviewer signs the report off', async () => {
    const page = await signIn(t, 'canbo', PASSWORD, { viewport: TALL, acceptDownloads: true });
    await page.goto(`${t.base}/#/books/${readyBook}`);
    const panel = page.getByRole('region', { name: 'Xuất dữ liệu Bộ Tư pháp' });
    await panel.getByText('Quyển sổ này chưa được xuất lần nào.').waitFor();
    await panel.getByRole('button', { name: 'Xuất dữ liệu Bộ Tư pháp' }).click();
    const entry = panel.getByTestId('export');
    await entry.waitFor({ timeout: 60_000 });
    expect(await panel.getByText('Quyển sổ này chưa được xuất lần nào.').count()).toBe(0);
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toMatch(/3 bản ghi, 1 cảnh báo/);
    const links = entry.getByRole('link');
    const labels = await links.allTextContents();
    expect(labels.some((l) => l.startsWith('Tệp Excel (DL Import): ') && l.endsWith('.xlsx'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Tệp nén PDF: ') && l.endsWith('.zip'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Báo cáo cảnh báo: '))).toBe(true);
    expect(labels.some((l) => l.startsWith('Bản kê (manifest): '))).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);

    exported = await download(page, () => links.filter({ hasText: 'Tệp Excel (DL Import)' }).click());
    expect(exported.name).toMatch(/\.xlsx$/);
    expect(exported.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = readXlsx(exported.bytes);
    expect(wb.sheetNames).toContain('DL Import');
    const rows = wb.rows('DL Import').map((r) => r.map((c) => c.text));
    expect(rows[0]).toEqual(getTemplate('KS-70').fields.map(headerText));
    expect(rows.slice(1).map((r) => r[getTemplate('KS-70').fields.findIndex((f) => f.key === 'so')])).toEqual(['1', '2', '10']);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'export-panel.png'), fullPage: true });
    await page.context().close();

    // A reviewer (no export right) opens the same book and signs the warnings report off with a note.
    const reviewer = await signIn(t, 'kiemtra', PASSWORD, { viewport: TALL, acceptDownloads: true });
    await reviewer.goto(`${t.base}/#/books/${readyBook}`);
    const theirs = reviewer.getByRole('region', { name: 'Xuất dữ liệu Bộ Tư pháp' }).getByTestId('export');
    await theirs.waitFor();
    await theirs.getByLabel('Ý kiến người kiểm tra').fill('Đã đối chiếu cảnh báo với sổ gốc');
    await theirs.getByRole('button', { name: 'Ký duyệt báo cáo' }).click();
    const signed = theirs.locator('.signed-off');
    await signed.waitFor();
    expect(await signed.textContent()).toMatch(/^Đã ký duyệt: Trần Văn Kiểm lúc .+ — “Đã đối chiếu cảnh báo với sổ gốc”$/);
    expect(await theirs.getByRole('button', { name: 'Ký duyệt báo cáo' }).count()).toBe(0);
    const report = await download(reviewer, () => theirs.getByRole('link', { name: /Báo cáo cảnh báo/ }).click());
    expect(readXlsx(report.bytes).sheetNames.length).toBeGreaterThan(0);
    await reviewer.screenshot({ path: path.join(RESULTS, 'export-signed-off.png'), fullPage: true });
    await reviewer.context().close();
  }, 120_000);

  it('refuses to export a book with a registration still being keyed, listing it in Vietnamese', async () => {
    const page = await signIn(t, 'canbo', PASSWORD, { viewport: TALL, acceptDownloads: true });
    await page.goto(`${t.base}/#/books/${draftBook}`);
    const panel = page.getByRole('region', { name: 'Xuất dữ liệu Bộ Tư pháp' });
    await panel.getByRole('button', { name: 'Xuất dữ liệu Bộ Tư pháp' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/^Chưa xuất được .*1 bản ghi có lỗi hoặc chưa hoàn thành, cần sửa trước khi xuất:/);
    expect(text).toContain('Số 5 (dòng 2): Bản ghi chưa hoàn thành (còn đang nhập liệu và còn 1 lỗi).');
    expect(text).not.toContain('Số 4');
    expect(await panel.getByTestId('export').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS, 'export-blocked.png'), fullPage: true });
    // The listed registration links to its keying screen, to be finished there.
    await alert.getByRole('link', { name: 'Mở bản ghi để sửa' }).click();
    await page.getByTestId('record-status').filter({ hasText: 'Đang nhập' }).waitFor();
    expect(page.url()).toContain(`#/records/${draftRecord}`);
    await page.context().close();
  }, 60_000);

  it('imports: a file with an error row is refused with its error report, the exported file goes in', async () => {
    expect(exported, 'the export test must have run first').toBeDefined();
    const bad = path.join(dir, 'so-khai-sinh-loi.xlsx');
    writeFileSync(
      bad,
      await mojWorkbook([patchValues(CLEAN_KS_RECORD, { so: '30', quyenSo: '07/2009' }), patchValues(CLEAN_KS_RECORD, { so: '31', quyenSo: '07/2009', nksGioiTinh: '9', nksNgaySinh: '31.02.2008' })]),
    );
    const good = path.join(dir, exported!.name);
    writeFileSync(good, exported!.bytes);

    const page = await signIn(t, 'canbo', PASSWORD, { viewport: TALL, acceptDownloads: true });
    await page.getByRole('link', { name: 'Nhập dữ liệu từ tệp Excel/CSV' }).click();
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ tệp Excel/CSV' }).waitFor();
    const form = page.getByRole('form', { name: 'Nhập dữ liệu từ tệp' });
    await form.getByRole('button', { name: 'Nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hãy chọn tệp Excel (.xlsx) hoặc CSV.' }).waitFor();
    await form.getByLabel('Tệp (.xlsx, .csv)').setInputFiles(bad);
    await form.getByRole('button', { name: 'Nhập' }).click();
    const result = page.getByTestId('import-result');
    await result.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await result.getByRole('alert').textContent()).toBe(
      'Chưa nhập tệp "so-khai-sinh-loi.xlsx": 1/2 dòng có lỗi. Không có bản ghi nào được nhập (tất cả hoặc không gì cả). Hãy tải báo cáo lỗi (cột "Lỗi"), sửa rồi nhập lại.',
    );
    const errorRows = result.getByRole('table', { name: 'Các dòng có lỗi' });
    expect(await errorRows.locator('tbody tr').count()).toBe(1);
    expect(await errorRows.locator('tbody tr td').first().textContent()).toBe('3');
    expect(await errorRows.textContent()).toContain('nksGioiTinh');
    const report = await download(page, () => result.getByRole('link', { name: 'Tải báo cáo lỗi (.xlsx)' }).click());
    expect(report.name).toMatch(/\.xlsx$/);
    const reportBook = readXlsx(report.bytes);
    const cells = reportBook.sheetNames.flatMap((s) =>
      reportBook
        .rows(s)
        .flat()
        .map((c) => c.text),
    );
    expect(cells).toContain('Lỗi');
    await page.screenshot({ path: path.join(RESULTS, 'import-errors.png'), fullPage: true });
    const before = await t.ctx.store.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();

    // The good file: the xlsx exported from the ready book goes in as a new book.
    await form.getByLabel('Tệp (.xlsx, .csv)').setInputFiles(good);
    await form.getByRole('button', { name: 'Nhập' }).click();
    await result.getByRole('status').waitFor({ timeout: 30_000 });
    expect(await result.getByRole('status').textContent()).toMatch(new RegExp(`^Đã nhập 3 bản ghi từ tệp "${exported!.name.replace(/[.()]/g, '\\$&')}" \\(mẫu KS-70\\) vào 1 quyển sổ`));
    expect(await result.getByRole('link', { name: 'Tải báo cáo lỗi (.xlsx)' }).count()).toBe(0);
    const bookLink = result.getByRole('link', { name: /02\/2018/ });
    expect(await bookLink.count()).toBe(1);
    const after = await t.ctx.store.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(3);
    // The form is ready for the next file, and the new book can be chosen as a target.
    expect(await form.getByLabel('Tệp (.xlsx, .csv)').inputValue()).toBe('');
    await expect.poll(() => form.getByLabel('Quyển sổ nhận dữ liệu').locator('option').allTextContents()).toContainEqual(expect.stringMatching(/^Sổ đăng ký khai sinh 02\/2018/));
    await page.screenshot({ path: path.join(RESULTS, 'import-screen.png'), fullPage: true });

    await bookLink.click();
    await page.getByRole('heading', { name: /02\/2018/ }).waitFor();
    await page.getByRole('heading', { name: 'Các bản ghi (3)' }).waitFor();
    await page.context().close();
  }, 120_000);
});
