/**
 * The web app hides what the signed-in user's role may not do (the
 * permissions come with the user from /api/auth/login and /api/auth/me),
 * in a real browser against the built app on the embedded database:
 * - a reviewer on a book page sees the export panel without the export
 *   button and without the data files (xlsx, zip, manifest), but with the
 *   warnings report and the sign-off; no upload, no new record, no QC mode
 *   selector, no import link, no add-book form; a record opens read-only;
 * - a keyer sees no import link, is told "Bạn không có quyền …" on #/imports,
 *   and sees no export panel nor arbitration link, but keys and uploads;
 * - an admin still sees every action.
 */
import type { Page } from 'playwright-core';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExport } from '../../src/exchange/index.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { exportReadyBook } from '../support/export-book.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const TALL = { width: 1366, height: 900 };
const IMPORT_LINK = 'Nhập dữ liệu từ tệp Excel/CSV';

/** Opens the book page and waits until its pages, QC panel and (when shown) export list have loaded. */
async function openBook(t: BrowserApp, page: Page, bookId: string, withExports: boolean): Promise<void> {
  await page.goto(`${t.base}/#/books/${bookId}`);
  await page.getByTestId('page').first().waitFor();
  await page.getByRole('region', { name: 'Kiểm soát chất lượng' }).waitFor();
  if (withExports) await page.getByTestId('export').waitFor();
}

const exportPanel = (page: Page) => page.getByRole('region', { name: 'Xuất dữ liệu Bộ Tư pháp' });

describe('actions hidden by role in the browser', () => {
  let t: BrowserApp;
  let bookId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'kiemtra', displayName: 'Trần Văn Kiểm', role: 'reviewer', password: PASSWORD });
      await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
      await createTestUser(ctx, { login: 'quantri', displayName: 'Quản trị viên', role: 'admin', password: PASSWORD });
      bookId = (await exportReadyBook(ctx)).bookId;
      await createExport(ctx, bookId);
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('a reviewer: no export button nor data files, but the warnings report and its sign-off', async () => {
    const page = await signIn(t, 'kiemtra', PASSWORD, { viewport: TALL });
    expect(await page.getByRole('link', { name: IMPORT_LINK }).count()).toBe(0);
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('form', { name: 'Thêm quyển sổ' }).count()).toBe(0);

    await openBook(t, page, bookId, true);
    const panel = exportPanel(page);
    expect(await panel.getByRole('button', { name: 'Xuất dữ liệu Bộ Tư pháp' }).count()).toBe(0);
    const links = await panel.getByTestId('export').getByRole('link').allTextContents();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^Báo cáo cảnh báo: /);
    expect(await panel.getByRole('button', { name: 'Ký duyệt báo cáo' }).count()).toBe(1);
    expect(await page.getByText('Chọn ảnh quét để tải lên…').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Thêm bản ghi cho trang/ }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Chế độ kiểm soát chất lượng' }).count()).toBe(0);
    expect(await page.getByTestId('qc-mode').textContent()).toMatch(/^Chế độ kiểm soát chất lượng: /);
    expect(await page.getByRole('link', { name: 'Trọng tài hai lần nhập' }).count()).toBe(1);

    // A record opens read-only: every field disabled, the keying shortcuts refused.
    await page.getByRole('link', { name: 'Xem' }).first().click();
    await page.getByTestId('read-only').waitFor();
    await page.locator('.form-panel input').first().waitFor();
    expect(await page.locator('.form-panel input:enabled, .form-panel select:enabled, .form-panel textarea:enabled').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mở lại để sửa' }).count()).toBe(0);
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'Chế độ chỉ xem' }).waitFor();
    await page.close();
  }, 60_000);

  it('a keyer: no import link, no import screen, no export panel nor arbitration; keying and upload stay', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD, { viewport: TALL });
    const nav = page.getByRole('navigation', { name: 'Điều hướng' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Trang chủ', 'Quyển sổ', 'Nghiệm thu', 'Độ chính xác nhập liệu', 'Tìm kiếm']);
    await page.goto(`${t.base}/#/imports`);
    await page.getByRole('alert').filter({ hasText: 'Bạn không có quyền nhập dữ liệu từ tệp Excel/CSV.' }).waitFor();
    expect(await page.getByRole('form', { name: 'Nhập dữ liệu từ tệp' }).count()).toBe(0);

    await openBook(t, page, bookId, false);
    expect(await exportPanel(page).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Trọng tài hai lần nhập' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Thêm bản ghi cho trang/ }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Chọn ảnh quét để tải lên…').count()).toBe(1);
    await page.goto(`${t.base}/#/qc/arbitration/${bookId}`);
    await page.getByRole('alert').filter({ hasText: 'Bạn không có quyền trọng tài đối chiếu hai lần nhập.' }).waitFor();
    await page.close();
  }, 60_000);

  it('an admin still sees every action', async () => {
    const page = await signIn(t, 'quantri', PASSWORD, { viewport: TALL });
    expect(await page.getByRole('link', { name: IMPORT_LINK }).count()).toBe(1);
    await page.goto(`${t.base}/#/books`);
    await page.getByRole('form', { name: 'Thêm quyển sổ' }).waitFor();
    await openBook(t, page, bookId, true);
    const panel = exportPanel(page);
    expect(await panel.getByRole('button', { name: 'Xuất dữ liệu Bộ Tư pháp' }).count()).toBe(1);
    const links = await panel.getByTestId('export').getByRole('link').allTextContents();
    expect(links.map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['Tệp Excel (DL Import)', 'Tệp nén PDF', 'Báo cáo cảnh báo', 'Bản kê (manifest)']));
    expect(await panel.getByRole('button', { name: 'Ký duyệt báo cáo' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Chế độ kiểm soát chất lượng' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Thêm bản ghi cho trang/ }).count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});
