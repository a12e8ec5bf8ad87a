/**
 * Search in a real browser (issue 15): an officer opens the search page from
 * the keyboard shortcut, types a name without diacritics, sees the hit with
 * its page thumbnail and why it matched, and opens the record with its image.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { CLEAN_KS_RECORD, patchValues } from '../support/records.js';
import { bookOf, insertSearchUnits, keyed, UNITS } from '../support/search-world.js';
import { createTestUser } from '../support/users.js';
import { textJpeg } from '../support/scans.js';

const PASSWORD = 'mat-khau-tim-kiem';

describe('search in the browser', () => {
  let t: BrowserApp;
  let recordId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await insertSearchUnits(ctx);
      const book = await bookOf(ctx, UNITS.vuHoi, 'UBND xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình', 2018, '01/2018', {
        image: await textJpeg(620, 877, 12, 1),
        thumbnail: await textJpeg(100, 141, 4, 1),
      });
      const rec = await keyed(ctx, book, patchValues(CLEAN_KS_RECORD, { so: '7', nksHoTen: 'Nguyễn Thị Thuý Hoà', nksNgaySinh: '03.04.1990', ngayDangKy: '10.04.1990' }) as Record<string, string>);
      await keyed(ctx, book, patchValues(CLEAN_KS_RECORD, { so: '8', nksHoTen: 'Lê Văn Tám', nksNgaySinh: '1990', ngayDangKy: '1990' }) as Record<string, string>);
      recordId = rec.id;
      await createTestUser(ctx, { login: 'canbo', displayName: 'Cán bộ Hộ tịch', role: 'officer', password: PASSWORD }, [{ kind: 'unit', unitId: UNITS.district }]);
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it('finds a name typed without diacritics and opens the record with its page image', async () => {
    const page = await signIn(t, 'canbo', PASSWORD);
    await page.keyboard.press('/');
    const box = page.getByLabel('Họ tên');
    await box.waitFor();
    expect(page.url()).toMatch(/#\/search$/);
    await box.fill('nguyen thi thuy hoa');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(1);
    expect(await hit.textContent()).toMatch(/Trùng họ tên khi bỏ dấu/);
    expect(await hit.textContent()).toMatch(/số 7 · quyển 02\/2018/);
    const thumb = hit.locator('img.search-thumb');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await hit.getByRole('link', { name: 'Nguyễn Thị Thuý Hoà' }).click();
    await page.waitForURL(`**/#/records/${recordId}`);
    await page.locator('.form-panel input').first().waitFor();
    await page.getByTestId('page-viewer').waitFor();
    expect(await page.locator('.form-panel input[value="Nguyễn Thị Thuý Hoà"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+k');
    await page.getByLabel('Họ tên').waitFor();
    await page.context().close();
  }, 120_000);
});
