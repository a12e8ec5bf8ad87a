/**
 * The keying form runs the catalog's own rules in the browser (registers/,
 * bundled): choosing "Chưa xác định được mẹ" for the kind of birth
 * registration (KS-70) turns the mother's name from required (*) to "(để
 * trống)", and a name typed there meets the validator's own ERROR at once —
 * without a single request to the server while typing (no /validate, no
 * /form). Saving stores the record; the server's findings on the saved
 * version (the authority) agree with what the form showed.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../src/entry/index.js';
import { scannedBook } from '../support/export-book.js';
import { createTestUser } from '../support/users.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';

const label = (page: Page, key: string) => page.locator(`[data-field="${key}"] label`);
const findingsOf = (page: Page, key: string) => page.locator(`[data-field="${key}"] .findings`);

describe('the keying form runs the catalog\'s rules in the browser', () => {
  let t: BrowserApp;
  let recordId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
      const { bookId, pageIds } = await scannedBook(ctx, { pages: 1 });
      recordId = (await createRecord(ctx, { bookId, pageIds, clientTxId: 'tx-rules-1' })).id;
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows required and must-be-empty from the kind of registration, and the must-be-empty ERROR while typing, with no request', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    await page.goto(`${t.base}/#/records/${recordId}`);
    await page.getByTestId('record-status').waitFor();
    const requests: string[] = [];
    const watch = (r: Request) => void requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    page.on('request', watch);

    // Known births: the mother's name is required.
    await page.locator('select[name="nksLoaiKhaiSinh"]').selectOption('1');
    await expect.poll(() => label(page, 'meHoTen').textContent()).toMatch(/\*$/);
    // "Chưa xác định được mẹ": it must stay empty, and is no longer required.
    await page.locator('select[name="nksLoaiKhaiSinh"]').selectOption('2');
    await expect.poll(() => label(page, 'meHoTen').textContent()).toMatch(/\(để trống\)$/);
    expect(await label(page, 'meHoTen').textContent()).not.toContain('*');
    await page.locator('[name="meHoTen"]').focus();
    await page.keyboard.type('Nguyễn Thị Lan');
    await expect.poll(() => findingsOf(page, 'meHoTen').textContent()).toContain('phải để trống');
    // Other ERRORs as the catalog names them: a date that cannot be.
    await page.locator('[name="nksNgaySinh"]').focus();
    await page.keyboard.type('31021985');
    await expect.poll(() => findingsOf(page, 'nksNgaySinh').count()).toBe(1);
    expect(requests.filter((r) => r.includes('/api/registers/'))).toEqual([]);
    // Autosave may have stored the record meanwhile (PUT); nothing else went to the server.
    expect(requests.filter((r) => !r.startsWith('GET /assets/') && r !== `PUT /api/records/${recordId}`)).toEqual([]);

    // Saved: the server (the authority) finds the same ERRORs on the stored version.
    page.off('request', watch);
    await page.keyboard.press('Control+KeyS');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
    const view = await (await page.request.get(`${t.base}/api/records/${recordId}`)).json() as { findings: { path: string; code: string }[] };
    expect(view.findings).toContainEqual(expect.objectContaining({ path: 'meHoTen', code: 'field.must_be_empty' }));
    expect(view.findings.some((f) => f.path === 'nksNgaySinh')).toBe(true);
    await page.context().close();
  }, 120_000);
});
