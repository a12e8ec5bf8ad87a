/**
 * Corrections after export in a real browser (Chromium via playwright-core):
 * a book is exported and its report signed off (through the services); a
 * reviewer opens a registration's history page (#/history/records/:id),
 * sees its stage, is refused a correction without a reason, corrects the
 * name with a reason and a decision; the book page then shows the export as
 * stale with the change, and the book's history panel shows who changed
 * what and why. Screenshot: test-results/lifecycle-stale.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor, userActor } from '../../src/auth/index.js';
import { createExport, signOffExport } from '../../src/exchange/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { exportReadyBook } from '../support/export-book.js';
import { createTestUser } from '../support/users.js';

const PASSWORD = 'mat-khau-thu-nghiem';

describe('a correction after export in the browser', () => {
  let t: BrowserApp;
  let bookId = '';
  let recordId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      const reviewer = await createTestUser(ctx, { login: 'kiemtra', displayName: 'Trần Văn Kiểm', role: 'reviewer', password: PASSWORD });
      const book = await exportReadyBook(ctx);
      bookId = book.bookId;
      recordId = book.records['2']!;
      const exp = await createExport(ctx, bookId);
      await signOffExport(withActor(ctx, userActor({ id: reviewer.id, login: 'kiemtra', role: 'reviewer', organizationId: null })), exp.id, { note: 'Đạt' });
    });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a reviewer corrects an exported record with a reason; the book page shows the export stale and the history who changed what', async () => {
    const page = await signIn(t, 'kiemtra', PASSWORD, { viewport: { width: 1366, height: 900 } });
    await page.goto(`${t.base}/#/history/records/${recordId}`);
    await page.getByTestId('record-stage').getByText('Đã xuất và ký duyệt').waitFor();
    const form = page.getByRole('form', { name: 'Đính chính bản ghi' });
    await form.getByLabel('Trường').selectOption('nksHoTen');
    await form.getByLabel('Giá trị đúng').fill('Phạm Anh Đài');
    await form.getByLabel('Căn cứ (số, ngày quyết định — nếu có)').fill('QĐ 7/QĐ-UBND ngày 02.12.2026');
    // The browser's own check asks for a reason first; the server also refuses without one (lifecycle.db.test.ts).
    await form.getByRole('button', { name: 'Ghi đính chính' }).click();
    expect(await form.getByLabel('Lý do đính chính').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    await form.getByLabel('Lý do đính chính').fill('Sổ ghi “Đài” có dấu, nhập thiếu');
    await form.getByRole('button', { name: 'Ghi đính chính' }).click();
    const item = page.getByTestId('history-item').filter({ hasText: 'Đính chính bản ghi số 2' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Trần Văn Kiểm');

    await page.goto(`${t.base}/#/books/${bookId}`);
    const stale = page.getByTestId('export-stale');
    await stale.waitFor();
    expect(await stale.textContent()).toMatch(/Bản xuất này đã cũ:.*1 bản ghi/);
    expect(await stale.textContent()).toContain('Số 2: đính chính nksHoTen — Trần Văn Kiểm');
    expect(await page.getByTestId('book-status').textContent()).toBe('Đang kiểm tra');
    const panel = page.getByRole('region', { name: 'Lịch sử thay đổi của sổ' });
    await panel.getByText('Lịch sử thay đổi của sổ').click();
    const correction = panel.getByTestId('history-item').filter({ hasText: 'Đính chính bản ghi số 2' });
    await correction.waitFor();
    const text = await correction.textContent();
    expect(text).toContain('Trần Văn Kiểm');
    expect(text).toContain('Sổ ghi “Đài” có dấu, nhập thiếu');
    expect(text).toContain('QĐ 7/QĐ-UBND ngày 02.12.2026');
    await panel.getByTestId('history-item').filter({ hasText: 'Trạng thái sổ: Đã xuất dữ liệu → Đang kiểm tra' }).waitFor();
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'lifecycle-stale.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
