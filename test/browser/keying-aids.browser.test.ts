/**
 * The keying aids in a real browser (Debian's Chromium via playwright-core)
 * on a demo book with nothing keyed: a keyer keys a first registration, then
 * a second one where the screen OFFERS the next số, the previous record's
 * quyển, the book's authority, the page viewed, a date from its shorthand,
 * an ethnicity from the catalog and a family name; the keyer takes some with
 * Enter (↓/↑ choose), undoes one with Ctrl+Z, and passes others with Tab.
 * What is saved is exactly what was typed or taken: an offer passed with
 * Tab is shown (placeholder and list) but never saved. Fields the book does
 * not use are out of the Tab order and reachable with Ctrl+J.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/index.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { createTestUser } from '../support/users.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const DEMO_BOOK = 'ks-1985-la-bang';

const activeField = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
const valueOf = (page: Page, key: string) => page.locator(`#f-${key}`).inputValue();
/** The offers listed under a field, and which one Enter takes. */
const offers = (page: Page, key: string) =>
  page
    .locator(`[data-field="${key}"] [data-testid="suggestions"] [role="option"]`)
    .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLElement).dataset.value ?? '', chosen: e.getAttribute('aria-selected') === 'true' })));
const chosenOffer = async (page: Page, key: string) => (await offers(page, key)).find((o) => o.chosen)?.value;

async function jumpTo(page: Page, words: string, key: string): Promise<void> {
  await page.keyboard.press('Control+KeyJ');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await expect.poll(() => activeField(page)).toBe(key);
}

describe('keying aids in the browser', () => {
  let t: BrowserApp;
  let bookId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
      bookId = (await runDemo(ctx, { only: [DEMO_BOOK], keyRecord: async () => undefined })).books[0]!.id;
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it('offers values, takes only what the keyer accepts with a key, and saves nothing else', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    await page.goto(`${t.base}/#/books/${bookId}`);
    await page.getByRole('button', { name: 'Thêm bản ghi cho trang 1' }).click();
    await expect.poll(() => activeField(page)).toBe('so');

    // First registration: typed, except the authority, which the book offers before it has records.
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('01/1985');
    await page.keyboard.press('Tab');
    await expect.poll(() => activeField(page)).toBe('trangSo');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('02031985');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // loaiDangKy left empty
    await expect.poll(() => activeField(page)).toBe('noiDangKy');
    expect(await chosenOffer(page, 'noiDangKy')).toBe('UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái');
    await page.keyboard.press('Enter');
    expect(await valueOf(page, 'noiDangKy')).toBe('UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái');
    expect(await activeField(page)).toBe('nguoiKy'); // an accepted value moves on, like Tab
    const first = page.url();

    // Second registration (Alt+N saves the first): the next số and the previous quyển are offered; Enter takes each and moves on.
    await page.keyboard.press('Alt+KeyN');
    await page.waitForFunction((prev) => location.href !== prev && (document.activeElement as HTMLInputElement | null)?.name === 'so', first);
    expect(await chosenOffer(page, 'so')).toBe('2');
    expect(await page.locator('#f-so').getAttribute('placeholder')).toBe('2');
    expect(await valueOf(page, 'so')).toBe(''); // shown, not filled
    await page.keyboard.press('Enter');
    expect(await valueOf(page, 'so')).toBe('2');
    expect(await activeField(page)).toBe('quyenSo');
    expect(await chosenOffer(page, 'quyenSo')).toBe('01/1985');
    await page.keyboard.press('Enter');
    // The page viewed is offered for trang số; Tab passes it by: the field stays empty.
    expect(await activeField(page)).toBe('trangSo');
    expect(await chosenOffer(page, 'trangSo')).toBe('1');
    await page.keyboard.press('Tab');
    expect(await valueOf(page, 'trangSo')).toBe('');

    // The date: the previous record's is offered; "1503" offers 15.03.1985 (the book's year); Enter takes it, Ctrl+Z gives "1503" back.
    expect(await chosenOffer(page, 'ngayDangKy')).toBe('02.03.1985');
    await page.keyboard.type('1503');
    expect(await chosenOffer(page, 'ngayDangKy')).toBe('15.03.1985');
    await page.keyboard.press('Enter');
    expect(await valueOf(page, 'ngayDangKy')).toBe('15.03.1985');
    await page.keyboard.press('Control+KeyZ');
    await expect.poll(() => valueOf(page, 'ngayDangKy')).toBe('1503');
    expect(await activeField(page)).toBe('ngayDangKy');
    await page.keyboard.press('Enter');
    expect(await valueOf(page, 'ngayDangKy')).toBe('15.03.1985');

    // The authority is offered again (previous record) but passed with Tab: never saved.
    await jumpTo(page, 'noi dang ky', 'noiDangKy');
    expect(await chosenOffer(page, 'noiDangKy')).toBe('UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái');
    await page.keyboard.press('Tab');
    expect(await valueOf(page, 'noiDangKy')).toBe('');

    // Ethnicity from the catalog, narrowed by what is typed; ↓/↑ move the choice, Enter takes it.
    await jumpTo(page, 'dan toc khai sinh', 'nksDanToc');
    await page.keyboard.type('ta');
    expect((await offers(page, 'nksDanToc')).map((o) => o.value)).toEqual(['Tày', 'Tà-ôi']);
    await page.keyboard.press('ArrowDown');
    expect(await chosenOffer(page, 'nksDanToc')).toBe('Tà-ôi');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    expect(await valueOf(page, 'nksDanToc')).toBe('Tày');

    // A name completes word by word: "L" offers "Lê "; Enter takes the word and the cursor stays.
    await jumpTo(page, 'ho ten me', 'meHoTen');
    await page.keyboard.type('L');
    expect(await chosenOffer(page, 'meHoTen')).toBe('Lê ');
    await page.keyboard.press('Enter');
    expect(await activeField(page)).toBe('meHoTen');
    await page.keyboard.type('Thị Hoa');
    await page.keyboard.press('Tab');
    expect(await valueOf(page, 'meHoTen')).toBe('Lê Thị Hoa');

    // A field the book does not use is out of the Tab order, reachable with Ctrl+J.
    expect(await page.locator('#f-soDangKyNuocNgoai').getAttribute('tabindex')).toBe('-1');
    await jumpTo(page, 'so dang ky o nuoc ngoai', 'soDangKyNuocNgoai');

    await page.keyboard.press('Control+KeyS');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 15_000 });
    const recordId = /#\/records\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nhaplieu', password: PASSWORD } })).json<{ token: string }>().token;
    const stored = (await t.app.inject({ method: 'GET', url: `/api/records/${recordId}`, headers: { authorization: `Bearer ${token}` } })).json<{ values: Record<string, string> }>();
    // Exactly what was typed or taken: nothing offered-and-passed, no default filled in.
    expect(stored.values).toEqual({ so: '2', quyenSo: '01/1985', ngayDangKy: '15.03.1985', nksDanToc: 'Tày', meHoTen: 'Lê Thị Hoa' });
  }, 180_000);
});
