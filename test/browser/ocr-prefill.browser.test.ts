/**
 * A keyer opens the registration of a printed page the machine has read
 * (ingested through the real pipeline, read by the ocr.book stage with
 * Tesseract): the fields the machine is sure of are already filled and
 * marked "máy đọc"; standing in one outlines its box on the page image. She
 * corrects one (the mark goes), keys what the machine left empty, and
 * completes. The action log keeps each value's provenance: the confirmed
 * machine values as 'machine', her correction as 'person'. Then an officer
 * opens the QC screen of the machine (#/qc/machine): machine accuracy per
 * field kind, measured on that completed registration, next to the keyers';
 * she marks the page handwritten, and the machine's reading of it is gone
 * (a new registration on it gets no pre-fill: people key it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook } from '../../src/archive/index.js';
import { demoProvince, renderPrintedPage } from '../../src/demo/index.js';
import { createRecord, listActions, saveRecord } from '../../src/entry/index.js';
import { machineAccuracy } from '../../src/qc/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { ocrBook, prefillFor, SKIP_REASONS } from '../../src/ocr/index.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { createTestUser } from '../support/users.js';

const PASSWORD = 'mat-khau-thu-nghiem';

describe('pre-fill from the machine on the keying screen', () => {
  let t: BrowserApp;
  let recordId = '';
  let truth: Record<string, string> = {};
  let onPage: string[] = [];
  let bookId = '';
  let pageId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
      await createTestUser(ctx, { login: 'canbo', displayName: 'Lê Thị Cán Bộ', role: 'officer', password: PASSWORD });
      const province = demoProvince(11);
      const demo = province.books.find((b) => b.key === 'ks-2012-cu-van')!;
      const printed = await renderPrintedPage(province.seed, demo, demo.pageList[0]!, { font: 'computer' });
      truth = demo.pageList[0]!.records[0]!.values;
      onPage = Object.keys(printed.truth[0]!.values);
      const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Cù Vân', yearFrom: 2012, volumeNo: '01/2012' });
      bookId = book.id;
      pageId = (await ingestFiles(ctx, book.id, [{ name: 'trang-1.jpg', bytes: printed.jpeg }])).files[0]!.pages[0]!.id;
      expect((await ocrBook(ctx, { bookId: book.id })).read).toBe(1);
      const rec = await createRecord(ctx, { bookId: book.id, pageIds: [pageId], clientTxId: 'tx-ocr-browser-1' });
      // What is not on the page (the book's facts, kinds of papers) was keyed before; the page's fields are empty.
      const offPage = Object.fromEntries(Object.entries(truth).filter(([k]) => !onPage.includes(k)));
      await saveRecord(ctx, { recordId: rec.id, clientTxId: 'tx-ocr-browser-2', expectedVersion: rec.version, values: offPage });
      recordId = rec.id;
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it('shows machine-read fields marked and highlighted; the keyer corrects one and completes; provenance is kept', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    await page.goto(`${t.base}/#/records/${recordId}`);
    await page.getByTestId('record-status').waitFor();
    const name = page.locator('[data-field="nksHoTen"]');
    await name.getByTestId('machine-read').waitFor();
    expect(await page.locator('[name="nksHoTen"]').inputValue()).toBe(truth.nksHoTen);
    const marked = await page.locator('.field-row.machine-read').count();
    expect(marked).toBeGreaterThan(10);

    // Standing in a machine-read field outlines where it was read on the page.
    await page.locator('[name="nksHoTen"]').focus();
    await page.getByTestId('ocr-box').waitFor();

    // She corrects the name: the machine's mark goes.
    await page.keyboard.press('Control+KeyA');
    await page.keyboard.type('Trần Minh Phú');
    await page.keyboard.press('Tab');
    await expect.poll(() => name.getByTestId('machine-read').count()).toBe(0);

    // What the machine did not pre-fill she keys from the page.
    for (const key of onPage) {
      const input = page.locator(`input[name="${key}"], textarea[name="${key}"]`);
      if ((await input.count()) === 1 && (await input.inputValue()) === '') await input.fill(truth[key]!);
      const select = page.locator(`select[name="${key}"]`);
      if ((await select.count()) === 1 && (await select.inputValue()) === '') await select.selectOption(truth[key]!);
    }
    await page.locator('[name="so"]').focus();
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: 'Cảnh báo cần xác nhận' });
    const done = page.getByTestId('record-status').filter({ hasText: 'Đã hoàn thành' });
    await Promise.race([dialog.waitFor(), done.waitFor()]);
    if (await dialog.isVisible()) {
      const boxes = await dialog.getByRole('checkbox').count();
      for (let i = 0; i < boxes; i++) await dialog.getByRole('checkbox').nth(i).check();
      await page.keyboard.press('Enter');
    }
    await done.waitFor();

    const keyed = (await listActions(t.ctx.store.db, recordId)).filter((a) => a.kind === 'keyed' && 'provenance' in a.payload);
    const provenance = Object.assign({}, ...keyed.map((a) => (a.payload as { provenance: Record<string, string> }).provenance)) as Record<string, string>;
    expect(provenance.nksHoTen).toBe('person');
    expect(provenance.so).toBe('machine');
    expect(Object.values(provenance).filter((p) => p === 'machine').length).toBeGreaterThan(10);
  });

  it('shows machine accuracy next to the keyers, and an officer marks the page handwritten', async () => {
    const expected = await machineAccuracy(t.ctx);
    const names = expected.find((m) => m.kind === 'name')!;
    expect(names.errors.units).toBeGreaterThan(0);
    const page = await signIn(t, 'canbo', PASSWORD);
    await page.goto(`${t.base}/#/qc/machine/${bookId}`);
    const row = page.getByTestId('machine-accuracy').locator('tr[data-kind="name"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe(String(names.errors.units));
    expect(await row.locator('td').nth(2).textContent()).toContain(`${names.errors.errors}/${names.errors.units}`);
    await page.getByTestId('keyer-accuracy').waitFor();

    const pageRow = page.getByTestId('ocr-pages').locator('tr[data-page="1"]');
    await pageRow.getByRole('cell', { name: 'Đã đọc', exact: true }).waitFor();
    // A click, not check(): the box shows the server's mark, so it turns only once the PUT has answered.
    await page.getByRole('checkbox', { name: 'Trang 1 viết tay' }).click();
    await pageRow.getByRole('cell', { name: 'Bỏ qua', exact: true }).waitFor();
    await pageRow.getByRole('cell', { name: SKIP_REASONS.marked_handwritten }).waitFor();
    const mark = await t.ctx.store.db.selectFrom('ocr_pages').select('handwritten_mark').where('page_id', '=', pageId).executeTakeFirstOrThrow();
    expect(mark.handwritten_mark).toBe(true);
    const rec = await createRecord(t.ctx, { bookId, pageIds: [pageId], clientTxId: 'tx-ocr-browser-3' });
    expect((await prefillFor(t.ctx, rec.id)).fields).toEqual({});
  });
});
