/**
 * The population-DB comparison in a real browser: an officer uploads the
 * file the population side returned (the match-key xlsx, filled in), sees
 * the import's counts and the queue, opens the difference beside the page
 * image, compares the keyed and the population values and keeps the book's
 * value; the record is unchanged, the decision is stored with her as its
 * author, and the queue no longer lists it. The campaign dashboard then shows
 * her commune's comparison: sent, returned, each class, decided and open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPackage, createCampaign } from '../../src/plans/index.js';
import { exportMatchKeys } from '../../src/popdb/index.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { buildPopdbWorld, fillResult, ID_OF_R5, type PopdbWorld } from '../support/popdb-world.js';

const LOGIN = 'canbo.doichieu';
const PASSWORD = 'mật khẩu đối chiếu 1';

describe('population-DB comparison in the browser', () => {
  let t: BrowserApp;
  let w: PopdbWorld;
  let result: Buffer;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      w = await buildPopdbWorld(ctx, LOGIN);
      const { files } = await exportMatchKeys(w.officerCtx, w.unitA);
      const found = { dcTrangThai: 'Tìm thấy', dcGioiTinh: 'Nam', dcNgaySinh: '01.09.2008', dcMeHoTen: 'Nguyễn Thị Lan', dcChaHoTen: 'Phạm Văn Tú' };
      result = await fillResult(files.find((f) => f.name.endsWith('.xlsx'))!.bytes, {
        [w.rec.same]: { ...found, dcHoTen: 'Phạm Anh Đài' },
        [w.rec.differs]: { ...found, dcHoTen: 'Nguyễn Văn Bình', dcMeHoTen: 'Trần Thị Hoà' },
        [w.rec.notFound]: { dcTrangThai: 'Không tìm thấy' },
        [w.rec.conflict]: { ...found, dcHoTen: 'Đỗ Văn Nam' },
        [w.rec.holder]: { ...found, dcHoTen: 'Hoàng Văn Tâm', dcSoDinhDanh: ID_OF_R5 },
      });
      const campaign = await createCampaign(ctx, { name: 'Kế hoạch số hóa huyện Đối Chiếu', unitId: 'legacy:district:931' });
      await addPackage(ctx, campaign.id, { unitId: w.unitA, registerTypes: ['KS'], yearFrom: 2000, yearTo: 2010 });
    });
  }, 240_000);
  afterAll(async () => t?.close());

  it('an officer resolves a difference in favour of the book beside the page image', async () => {
    const page = await signIn(t, LOGIN, PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Đối chiếu CSDL dân cư' }).click();
    const form = page.getByRole('form', { name: 'Nhập tệp kết quả đối chiếu' });
    await form.getByLabel('Tệp kết quả (.xlsx, .csv)').setInputFiles({ name: 'ket-qua-dan-cu.xlsx', mimeType: 'application/octet-stream', buffer: result });
    await form.getByRole('button', { name: 'Nhập' }).click();
    const status = page.getByTestId('popdb-result').getByRole('status');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('khác nhau 1');
    const row = page.getByTestId('popdb-conflict').filter({ hasText: 'Nguyễn Văn Bính' });
    await row.getByRole('link', { name: 'Xem và quyết định' }).click();

    const image = page.getByRole('img', { name: 'Trang sổ 1 của việc đăng ký' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const name = page.getByTestId('popdb-field-hoTen');
    expect(await name.locator('td').allTextContents()).toEqual([expect.stringMatching(/Họ, chữ đệm, tên/), 'Nguyễn Văn Bính', 'Nguyễn Văn Bình']);
    await page.getByLabel('Ghi chú').first().fill('Ảnh trang sổ ghi Bính.');
    await page.getByRole('button', { name: 'Giữ giá trị theo sổ' }).click();
    await page.getByTestId('popdb-decision').waitFor();
    expect(await page.getByTestId('popdb-decision').textContent()).toContain('Giữ giá trị theo sổ — Ảnh trang sổ ghi Bính.');

    const rec = await t.ctx.store.db.selectFrom('records').select('values').where('id', '=', w.rec.differs).executeTakeFirstOrThrow();
    expect(rec.values.nksHoTen).toBe('Nguyễn Văn Bính');
    const decision = await t.ctx.store.db.selectFrom('popdb_decisions').selectAll().executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ decision: 'book_confirmed', decided_by: w.officer.id });

    await page.getByRole('link', { name: '← Đối chiếu CSDL dân cư' }).click();
    await page.getByRole('table', { name: 'Các lần nhập kết quả đối chiếu' }).waitFor();
    expect(await page.getByTestId('popdb-conflict').filter({ hasText: 'Nguyễn Văn Bính' }).count()).toBe(0);

    // The campaign dashboard: the district and her commune, from the comparison's tables.
    await page.goto(`${t.base}/#/plans`);
    const table = page.getByRole('table', { name: 'Tiến độ đối chiếu theo đơn vị' });
    await table.waitFor({ timeout: 30_000 });
    const header = await table.locator('thead th').allTextContents();
    expect(header).toEqual(['Đơn vị', 'Đã gửi', 'Đã có kết quả', 'Trùng khớp', 'Khác nhau', 'Không có trong CSDL', 'Xung đột số định danh', 'Đã quyết định', 'Chờ quyết định']);
    const commune = table.locator(`tr[data-unit="${w.unitA}"]`);
    expect(await commune.locator('th').textContent()).toContain('Xã Đối Chiếu A');
    // 5 sent and returned: 3 the same, 1 differs (the one she decided), 1 not found, no ID conflict; nothing waiting.
    expect(await commune.locator('td').allTextContents()).toEqual(['5', '5', '3', '1', '1', '0', '1', '0']);
    expect(await table.locator('tr[data-unit="legacy:district:931"] td').allTextContents()).toEqual(['5', '5', '3', '1', '1', '0', '1', '0']);
    // Commune B is outside her scope: not listed.
    expect(await table.locator(`tr[data-unit="${w.unitB}"]`).count()).toBe(0);
  });
});
