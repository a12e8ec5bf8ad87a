/**
 * The keying screen in a real browser (Debian's Chromium via playwright-core),
 * against the built app on the embedded database: a keyer opens a demo book
 * (rendered register pages), adds a record for page 1 and keys a birth registration
 * with the KEYBOARD ONLY (type, Tab, shortcuts; no click inside the form),
 * meets a validation error inline, fixes it, acknowledges the warning and
 * completes with Ctrl+Enter; then a second keyer saves the same record and the
 * first keyer's next save shows the conflict banner instead of overwriting.
 * Screenshots of the keying screen are kept in test-results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';

const activeField = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

/** Tab forward (keyboard only) until the field `key` has focus, then type `text`. */
async function keyInto(page: Page, key: string, text: string): Promise<void> {
  for (let i = 0; i < 90 && (await activeField(page)) !== key; i++) await page.keyboard.press('Tab');
  expect(await activeField(page)).toBe(key);
  await page.keyboard.type(text);
}

/** keyInto for each field in turn, in the order given. */
async function keyAll(page: Page, values: Record<string, string>): Promise<void> {
  for (const [key, text] of Object.entries(values)) await keyInto(page, key, text);
}

/** Ctrl+J, a few words of the label, Enter: the quick-pick puts the cursor in that field. */
async function jumpTo(page: Page, words: string, key: string): Promise<void> {
  await page.keyboard.press('Control+KeyJ');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await expect.poll(() => activeField(page)).toBe(key);
}

describe('keying in the browser', () => {
  const DEMO_BOOK = 'ks-2008-phu-xuyen';
  let t: BrowserApp;
  let bookId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
      await createTestUser(ctx, { login: 'nhaplieu2', displayName: 'Trần Thị Hai', role: 'keyer', password: PASSWORD });
      // A demo book (rendered register pages through the real ingest), with none of its registrations keyed yet.
      const demo = await runDemo(ctx, { only: [DEMO_BOOK], keyRecord: async () => undefined });
      bookId = demo.books[0]!.id;
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('keys a birth registration from the keyboard, completes it, and meets a concurrent save', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    await page.goto(`${t.base}/#/books/${bookId}`);
    const tile = page.waitForResponse((r) => /\/iiif\/3\/[^/]+\/[^/]+\/[^/]+\/0\/default\.jpg$/.test(r.url()) && r.status() === 200);
    await page.getByRole('button', { name: 'Thêm bản ghi cho trang 1' }).click();

    // The keying screen opens on the new record with the cursor in the first field; the page image loads from IIIF tiles.
    await page.getByTestId('record-status').filter({ hasText: 'Đang nhập' }).waitFor();
    await expect.poll(() => activeField(page)).toBe('so');
    await tile;
    await page.keyboard.type('15');
    await keyAll(page, {
      quyenSo: '01/2008',
      trangSo: '1',
      ngayDangKy: '15122008',
      loaiDangKy: '1',
      noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
      nguoiKy: 'Trần Văn Bình',
      nksHoTen: 'Nguyễn Thị Mai',
      nksGioiTinh: '2',
      nksNgaySinh: '01012009',
    });
    const birthRow = page.locator('[data-field="nksNgaySinh"]');
    await expect.poll(() => birthRow.getByTestId('date-hint').textContent()).toBe('01.01.2009 · Ngày Một Tháng Một Năm Hai Nghìn Không Trăm Linh Chín');
    await keyInto(page, 'nksNoiSinh', 'Trạm y tế xã An Nhơn');
    // Left behind: the registration date reads back in the MoJ form, the select shows "code – label", the birth date is an error.
    expect(await page.locator('#f-ngayDangKy').inputValue()).toBe('15.12.2008');
    expect(await page.locator('#f-loaiDangKy').inputValue()).toBe('1');
    expect(await page.locator('#f-nksGioiTinh').inputValue()).toBe('2');
    await birthRow.locator('.findings .error').filter({ hasText: 'sau ngày đăng ký' }).waitFor();
    expect(await page.locator('#f-nksNgaySinh').getAttribute('aria-invalid')).toBe('true');
    // Ctrl+Enter now is refused: the cursor goes to the first field in error, and the missing required fields are shown.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => activeField(page)).toBe('nksNgaySinh');
    await page.locator('[data-field="nksDanToc"] .findings .error').filter({ hasText: 'bắt buộc' }).waitFor();
    expect(await page.getByTestId('record-status').textContent()).toBe('Đang nhập');
    await keyAll(page, { nksDanToc: 'Kinh', nksQuocTich: 'Việt Nam', nksLoaiKhaiSinh: '3', meHoTen: 'Lê Thị Hoa', meNgaySinh: '1985', meDanToc: 'Kinh', meQuocTich: 'Việt Nam' });
    await page.keyboard.press('Alt+KeyU');
    await expect.poll(() => page.locator('[data-field="meQuocTich"] .flag-toggle').textContent()).toBe('Chưa chắc');
    await page.keyboard.press('Alt+KeyU');
    await page.keyboard.press('Alt+KeyU');

    // Fix the birth date: jump there with Ctrl+J, retype; the error goes, the deadline warning stays on loaiDangKy.
    await jumpTo(page, 'ngay sinh duoc khai', 'nksNgaySinh');
    await page.keyboard.press('Control+KeyA');
    await page.keyboard.type('01092008');
    await page.keyboard.press('Tab');
    await expect.poll(() => birthRow.locator('.findings .error').count()).toBe(0);
    await page.locator('[data-field="loaiDangKy"] .findings .warning').filter({ hasText: 'đúng hạn' }).waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'keying-screen.png') });

    // Ctrl+Enter: the warning must be acknowledged first (Space ticks, Enter confirms), then the record completes.
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: 'Cảnh báo cần xác nhận' });
    await dialog.waitFor();
    const boxes = await dialog.getByRole('checkbox').count();
    expect(boxes).toBeGreaterThan(0);
    for (let i = 0; i < boxes; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('record-status').filter({ hasText: 'Đã hoàn thành' }).waitFor();
    const recordId = /#\/records\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nhaplieu2', password: PASSWORD } })).json<{ token: string }>().token;
    const auth = { authorization: `Bearer ${token}` };
    const stored = (await t.app.inject({ method: 'GET', url: `/api/records/${recordId}`, headers: auth })).json<{ version: number; values: Record<string, string>; flags: object }>();
    expect(stored.values).toMatchObject({ ngayDangKy: '15.12.2008', nksNgaySinh: '01.09.2008', loaiDangKy: '1', nksGioiTinh: '2', meNgaySinh: '1985' });
    expect(stored.flags).toEqual({});

    // A second keyer corrects the signer; the first keyer's next save is refused and explained, never written over.
    const theirs = await t.app.inject({
      method: 'PUT',
      url: `/api/records/${recordId}`,
      headers: auth,
      payload: { clientTxId: 'second-keyer-0001', expectedVersion: stored.version, values: { nguoiKy: 'Phạm Văn Cường' } },
    });
    expect(theirs.statusCode).toBe(200);
    await jumpTo(page, 'ghi chu', 'ghiChu');
    await page.keyboard.type('Đối chiếu lại với sổ gốc');
    await page.keyboard.press('Control+KeyS');
    const banner = page.locator('.conflict-banner');
    await banner.getByText('Bản ghi đã được sửa ở nơi khác').waitFor();
    expect(await banner.textContent()).toContain('“Phạm Văn Cường” do người khác lưu');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'keying-conflict.png') });

    // Alt+L loads the latest version: their signer, the keyer's note kept and saved on top.
    await page.keyboard.press('Alt+KeyL');
    await banner.waitFor({ state: 'detached' });
    expect(await page.locator('#f-nguoiKy').inputValue()).toBe('Phạm Văn Cường');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });
    const latest = (await t.app.inject({ method: 'GET', url: `/api/records/${recordId}`, headers: auth })).json<{ values: Record<string, string> }>();
    expect(latest.values).toMatchObject({ nguoiKy: 'Phạm Văn Cường', ghiChu: 'Đối chiếu lại với sổ gốc' });

    // Alt+N: the next record on the same page; Ctrl+D copies date, authority, signer and quyển from the record before.
    await page.keyboard.press('Alt+KeyN');
    await page.getByText('Bản ghi 2/2').waitFor();
    await expect.poll(() => activeField(page)).toBe('so');
    await page.keyboard.press('Control+KeyD');
    await expect.poll(() => page.locator('#f-ngayDangKy').inputValue()).toBe('15.12.2008');
    expect(await page.locator('#f-quyenSo').inputValue()).toBe('01/2008');
    expect(await page.locator('#f-noiDangKy').inputValue()).toBe('UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng');
    expect(await page.locator('#f-nguoiKy').inputValue()).toBe('Phạm Văn Cường');
    expect(await page.locator('#f-so').inputValue()).toBe('');
    const second = /#\/records\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByText('Bản ghi 1/2').waitFor();
    expect(page.url()).toContain(recordId);
    const copied = (await t.app.inject({ method: 'GET', url: `/api/records/${second}`, headers: auth })).json<{ values: Record<string, string> }>();
    expect(copied.values).toEqual({ quyenSo: '01/2008', ngayDangKy: '15.12.2008', noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', nguoiKy: 'Phạm Văn Cường' });
  }, 120_000);

  it('offers the Unicode form of a TCVN3 name and saves it on confirmation; a lunar date keeps its text and shows its solar day', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    await page.goto(`${t.base}/#/books/${bookId}`);
    await page.getByRole('button', { name: 'Thêm bản ghi cho trang 2' }).click();
    await page.getByTestId('record-status').filter({ hasText: 'Đang nhập' }).waitFor();
    await expect.poll(() => activeField(page)).toBe('so');
    await keyAll(page, { nksHoTen: 'NguyÔn ThÞ Mai', nksNgaySinh: 'mùng 5 tháng Giêng năm Ất Sửu 1985' });
    await page.keyboard.press('Tab');

    const birthRow = page.locator('[data-field="nksNgaySinh"]');
    await expect.poll(() => birthRow.getByTestId('date-hint').textContent()).toMatch(/^Dương lịch: 25\.01\.1985 · Ngày Hai Mươi Lăm Tháng Một/);
    expect(await page.locator('#f-nksNgaySinh').inputValue()).toBe('mùng 5 tháng Giêng năm Ất Sửu 1985');
    await birthRow.locator('.findings .info').filter({ hasText: '25.01.1985 dương lịch' }).waitFor();

    const fix = page.locator('[data-field="nksHoTen"]').getByTestId('finding-fix');
    await expect.poll(() => fix.textContent()).toBe('Chuyển sang Unicode: Nguyễn Thị Mai');
    await fix.click();
    expect(await page.locator('#f-nksHoTen').inputValue()).toBe('Nguyễn Thị Mai');
    await expect.poll(() => page.locator('[data-field="nksHoTen"] .findings .error').count()).toBe(0);
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });

    const recordId = /#\/records\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nhaplieu', password: PASSWORD } })).json<{ token: string }>().token;
    const history = (await t.app.inject({ method: 'GET', url: `/api/records/${recordId}/history`, headers: { authorization: `Bearer ${token}` } })).json<
      { kind: string; payload: { values?: Record<string, string> } }[]
    >();
    const names = history.filter((h) => h.kind === 'keyed' && h.payload.values?.nksHoTen).map((h) => h.payload.values!.nksHoTen);
    expect(names.at(-1)).toBe('Nguyễn Thị Mai');
    expect(
      history
        .filter((h) => h.kind === 'keyed')
        .map((h) => h.payload.values?.nksNgaySinh)
        .filter(Boolean),
    ).toEqual(['mùng 5 tháng Giêng năm Ất Sửu 1985']);
  }, 120_000);
});
