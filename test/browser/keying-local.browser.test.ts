/**
 * What the keying screen does in the browser itself.
 * Rules: the keying form runs the catalog's own rules (registers/,
 * bundled): choosing "Chưa xác định được mẹ" for the kind of birth
 * registration (KS-70) turns the mother's name from required (*) to "(để
 * trống)", and a name typed there meets the validator's own ERROR at once —
 * without a single request to the server while typing (no /validate, no
 * /form). Saving stores the record; the server's findings on the saved
 * version (the authority) agree with what the form showed.
 * Drafts: a keyer types while the server cannot be reached and closes the
 * tab; reopening the record offers the draft back ("Khôi phục bản nháp chưa
 * lưu?") — to her, not to another keyer on the same browser — and restoring
 * and saving it stores it on the server and forgets the local copy.
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

/** Signs in through the form on a page of an existing browser context (whose storage the test is about). */
async function signInHere(page: Page, base: string, login: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
}

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hotich.draft.')));

describe("the keying screen in the browser: the catalog's rules and local drafts", () => {
  let t: BrowserApp;
  let recordId = '';
  let draftRecordId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
      await createTestUser(ctx, { login: 'nhaplieu2', displayName: 'Trần Thị Hai', role: 'keyer', password: PASSWORD });
      const { bookId, pageIds } = await scannedBook(ctx, { pages: 1 });
      recordId = (await createRecord(ctx, { bookId, pageIds, clientTxId: 'tx-rules-1' })).id;
      draftRecordId = (await createRecord(ctx, { bookId, pageIds, clientTxId: 'tx-drafts-1' })).id;
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
    // Autosave may have stored the record meanwhile (PUT), and the page viewer may still be fetching tiles of
    // the image (/iiif/); no other request went to the server, none of them to /api/ but the save.
    expect(requests.filter((r) => !r.startsWith('GET /assets/') && !r.startsWith('GET /iiif/3/') && r !== `PUT /api/records/${recordId}`)).toEqual([]);

    // Saved: the server (the authority) finds the same ERRORs on the stored version.
    page.off('request', watch);
    await page.keyboard.press('Control+KeyS');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
    const view = (await (await page.request.get(`${t.base}/api/records/${recordId}`)).json()) as { findings: { path: string; code: string }[] };
    expect(view.findings).toContainEqual(expect.objectContaining({ path: 'meHoTen', code: 'field.must_be_empty' }));
    expect(view.findings.some((f) => f.path === 'nksNgaySinh')).toBe(true);
    await page.context().close();
  }, 120_000);

  it('keeps unsaved edits in the browser when the tab closes, offers them back to the same keyer only, and restores them', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInHere(page, t.base, 'nhaplieu');
    // The server cannot be reached for saves (the line dropped): nothing typed now reaches it.
    await context.route(`**/api/records/${draftRecordId}`, (route) => (route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.continue()));
    await page.goto(`${t.base}/#/records/${draftRecordId}`);
    await page.getByTestId('record-status').waitFor();
    await page.locator('[name="nksHoTen"]').focus();
    await page.keyboard.type('Trần Văn Bình');
    await page.keyboard.press('Tab');
    await page.locator('[name="nksNoiSinh"]').focus();
    await page.keyboard.type('Trạm y tế xã An Nhơn');
    await expect.poll(() => draftKeys(page)).toHaveLength(1);
    // Closed without saving (no beforeunload, no goodbye save).
    await page.close({ runBeforeUnload: false });
    await context.unrouteAll();
    const onServer = async () => ((await (await context.request.get(`${t.base}/api/records/${draftRecordId}`)).json()) as { values: Record<string, string> }).values;
    expect((await onServer()).nksHoTen).toBeUndefined();

    // Another keyer on the same browser is not offered her draft.
    const other = await context.newPage();
    await other.goto(t.base);
    await other.getByRole('button', { name: 'Đăng xuất' }).click();
    await signInHere(other, t.base, 'nhaplieu2');
    await other.goto(`${t.base}/#/records/${draftRecordId}`);
    await other.getByTestId('record-status').waitFor();
    await other.locator('[name="nksHoTen"]').waitFor();
    expect(await other.getByTestId('draft-offer').count()).toBe(0);
    await other.goto(t.base);
    await other.getByRole('button', { name: 'Đăng xuất' }).click();
    await other.close();

    // She reopens the record: the draft is offered, restored, saved; the local copy is gone.
    const again = await context.newPage();
    await signInHere(again, t.base, 'nhaplieu');
    await again.goto(`${t.base}/#/records/${draftRecordId}`);
    const offer = again.getByTestId('draft-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('Khôi phục bản nháp chưa lưu?');
    expect(await offer.textContent()).toContain('2 trường');
    expect(await again.locator('[name="nksHoTen"]').inputValue()).toBe('');
    await offer.getByRole('button', { name: 'Khôi phục' }).click();
    expect(await again.locator('[name="nksHoTen"]').inputValue()).toBe('Trần Văn Bình');
    expect(await again.locator('[name="nksNoiSinh"]').inputValue()).toBe('Trạm y tế xã An Nhơn');
    await again.keyboard.press('Control+KeyS');
    await again.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
    expect(await onServer()).toMatchObject({ nksHoTen: 'Trần Văn Bình', nksNoiSinh: 'Trạm y tế xã An Nhơn' });
    await expect.poll(() => draftKeys(again)).toEqual([]);

    // Nothing left to offer.
    await again.goto(t.base);
    await again.goto(`${t.base}/#/records/${draftRecordId}`);
    await again.getByTestId('record-status').waitFor();
    await again.locator('[name="nksHoTen"]').waitFor();
    expect(await again.getByTestId('draft-offer').count()).toBe(0);
    await context.close();
  }, 120_000);
  it('drops the page viewer at sign-out: the next user on the same tab loads the page image afresh', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    const infoRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/iiif\/3\/[^/]+\/info\.json$/.test(new URL(r.url()).pathname)) infoRequests.push(r.url());
    });
    await page.goto(`${t.base}/#/records/${recordId}`);
    await page.getByTestId('record-status').waitFor();
    await expect.poll(() => infoRequests.length).toBe(1);
    await page.goto(`${t.base}/#/`);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').fill('nhaplieu');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
    await page.goto(`${t.base}/#/records/${recordId}`);
    await page.getByTestId('record-status').waitFor();
    // Still the same document (no reload): a kept viewer would show the page without asking again.
    await expect.poll(() => infoRequests.length).toBe(2);
    await page.close();
  });
});
