/**
 * Sampling review in a real browser (Debian's Chromium via playwright-core):
 * a demo book keyed and completed, an ISO 2859-1 lot drawn from a recorded
 * seed; a reviewer opens the sampling review and checks the sample with the
 * KEYBOARD ONLY — ↓ to a field, x marks it wrong, the correct value typed,
 * Enter keeps it, Enter saves and opens the next sampled registration — then
 * the lot screen shows the progress and the error. Screenshot in test-results/.
 * A planner then samples a lot of every book of the demo commune over a
 * range of years from the lots screen.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/index.js';
import { runDemo } from '../../src/demo/index.js';
import { completeRecord, createRecord, saveRecord } from '../../src/entry/index.js';
import { createLot, getLot, listLotViews, listSample } from '../../src/qc/index.js';
import { ensureBuiltinUnits } from '../../src/units/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const cursorField = (page: Page) => page.evaluate(() => document.querySelector('tr.qc-cursor')?.getAttribute('data-field') ?? '');

describe('sampling review in the browser', () => {
  let t: BrowserApp;
  let lotId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'kiemtra', displayName: 'Lê Thị Kiểm', role: 'reviewer', password: PASSWORD });
      await createTestUser(ctx, { login: 'kehoach', displayName: 'Đỗ Văn Kế', role: 'planner', password: PASSWORD });
      await ensureBuiltinUnits(ctx);
      const demo = await runDemo(ctx, {
        only: ['ks-1985-la-bang'],
        keyRecord: async (c, input) => {
          const r = await createRecord(c, { bookId: input.bookId, pageIds: [...input.pageIds], clientTxId: `${input.clientTxId}-create` });
          const s = await saveRecord(c, { recordId: r.id, clientTxId: `${input.clientTxId}-key`, expectedVersion: r.version, values: { ...input.values } });
          // Demo registrations with an ERROR or an unacknowledged WARNING stay drafts (outside the lot); any other failure fails the set-up.
          await completeRecord(c, { recordId: r.id, clientTxId: `${input.clientTxId}-done`, expectedVersion: s.version }).catch((e: unknown) => {
            if (!(e instanceof AppError) || !['record.has_errors', 'record.unacknowledged_warnings'].includes(e.code)) throw e;
          });
        },
      });
      const lot = await createLot(ctx, { scope: { kind: 'books', bookIds: [demo.books[0]!.id] }, plan: { kind: 'iso2859', aql: 0.65 }, seed: '577215664901532860606512' });
      lotId = lot.id;
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it('checks a sampled registration from the keyboard and moves to the next', async () => {
    const sample = await listSample(t.ctx, lotId);
    expect(sample.length).toBeGreaterThan(1);
    const page = await signIn(t, 'kiemtra', PASSWORD);
    await page.goto(`${t.base}/#/qc/lots/${lotId}/review`);
    await page.getByRole('heading', { name: `Bản ghi mẫu 1/${sample.length}` }).waitFor();
    await page.getByTestId('review-fields').focus();
    for (let i = 0; i < 60 && (await cursorField(page)) !== 'nksHoTen'; i++) await page.keyboard.press('ArrowDown');
    expect(await cursorField(page)).toBe('nksHoTen');
    await page.keyboard.press('x');
    const input = page.getByLabel(/Giá trị đúng của/);
    await input.waitFor();
    await input.fill('');
    await page.keyboard.type('Nguyễn Thị Đúng');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('mark-nksHoTen').textContent()).toBe('Sai → Nguyễn Thị Đúng');
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'sampling-review.png') });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Bản ghi mẫu 2/${sample.length}` }).waitFor();
    const lot = await getLot(t.ctx, lotId);
    expect(lot.progress.checked).toBe(1);
    expect(lot.findings.errors).toEqual([expect.objectContaining({ fieldKey: 'nksHoTen', correctValue: 'Nguyễn Thị Đúng', critical: true })]);
    await page.goto(`${t.base}/#/qc/lots/${lotId}`);
    await expect.poll(() => page.getByTestId('progress').textContent()).toBe(`1/${sample.length} bản ghi đã kiểm tra`);
    await page.close();
  });

  it('a planner samples every book of a commune over a range of years from the lots screen', async () => {
    const page = await signIn(t, 'kehoach', PASSWORD);
    await page.goto(`${t.base}/#/qc/lots`);
    const form = page.getByRole('form', { name: 'Lấy mẫu lô mới' });
    await form.getByLabel('Phạm vi').selectOption('unit');
    await form.getByRole('button', { name: 'Lấy mẫu' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hãy chọn đơn vị đăng ký.' }).waitFor();
    const unit = form.getByLabel('Đơn vị đăng ký');
    await expect.poll(() => unit.locator('option').count()).toBeGreaterThan(1);
    await unit.selectOption({ index: 1 });
    await form.getByLabel('Từ năm').fill('1980');
    await form.getByLabel('Đến năm').fill('1990');
    await form.getByLabel('Phương án').selectOption('confidence');
    await form.getByRole('button', { name: 'Lấy mẫu' }).click();
    await page.waitForURL(/#\/qc\/lots\/[0-9a-f-]{36}$/);
    const lots = await listLotViews(t.ctx);
    const made = lots.find((l) => (l.scope as { kind?: string }).kind === 'unit');
    expect(made).toMatchObject({ status: 'sampling', planKind: 'confidence' });
    expect(made!.lotSize).toBeGreaterThan(0);
    await page.close();
  });
});
