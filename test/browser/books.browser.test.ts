/**
 * In a real browser (Debian's Chromium via playwright-core), against the
 * built app on the embedded database: sign in (a wrong password first), inventory a book, upload two scans
 * (one bad) with the progress bars, see the page appear with its thumbnail
 * and the bad file refused in Vietnamese. A screenshot is kept in
 * test-results/ as an artifact.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { textJpeg } from '../support/scans.js';

describe('books in the browser', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-scans-'));
  let t: BrowserApp;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'canbo', displayName: 'Nguyễn Thị Lan', role: 'officer', password: 'mat-khau-thu-nghiem' });
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inventories a book and uploads scans with progress', async () => {
    const scans = path.join(dir, 'scans');
    mkdirSync(scans);
    writeFileSync(path.join(scans, 'trang-001.jpg'), await textJpeg(1240, 1754, 20, 2));
    writeFileSync(path.join(scans, 'hỏng.jpg'), Buffer.from('không phải ảnh'));
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(t.base);
    await page.getByLabel('Tên đăng nhập').fill('canbo');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
    await page.getByLabel('Mật khẩu').fill('mat-khau-thu-nghiem');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Quyển sổ' }).click();
    const addForm = page.getByRole('form', { name: 'Thêm quyển sổ' });
    await addForm.getByLabel('Cơ quan đăng ký (như trong sổ)').fill('UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng');
    await addForm.getByLabel('Năm').fill('2008');
    await addForm.getByLabel('Quyển số').fill('02/2008');
    await page.getByRole('button', { name: 'Thêm quyển sổ' }).click();
    await page.getByRole('heading', { name: /Sổ đăng ký khai sinh 02\/2008/ }).waitFor();
    await page.locator('input[type=file]').setInputFiles([path.join(scans, 'trang-001.jpg'), path.join(scans, 'hỏng.jpg')]);
    await page.getByText('Đã thêm 1 trang.').waitFor({ timeout: 30_000 });
    await page
      .getByText(/hỏng\.jpg/)
      .last()
      .waitFor();
    await expect.poll(() => page.locator('.upload li.failed .result').textContent(), { timeout: 30_000 }).toMatch(/hỏng\.jpg/);
    await page.getByTestId('page').first().waitFor();
    expect(await page.getByTestId('page').count()).toBe(1);
    const progress = await page.locator('progress').first().getAttribute('value');
    expect(progress).toBe('100');
    const thumb = page.getByRole('img', { name: 'Trang 1' });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'book-upload.png'), fullPage: true });
  }, 120_000);
});
