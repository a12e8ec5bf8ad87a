/**
 * Every file input of the web app speaks Vietnamese, whatever the
 * browser's language: on the imports page (and the book page's scan upload)
 * the browser's own "Choose File" control is not visible; a "Chọn tệp…"
 * button is, the chosen file's name shows next to it (before: "Chưa chọn
 * tệp"), the input is still reached from the keyboard, and a screenshot is
 * kept in test-results/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook } from '../../src/archive/index.js';
import { createTestUser } from '../support/users.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const RESULTS = path.join(ROOT, 'test-results');

/** Every file input of the page with whether it can be seen (a box bigger than a pixel, not transparent). */
const fileInputs = (page: Page) =>
  page.locator('input[type=file]').evaluateAll((inputs) =>
    inputs.map((i) => {
      const box = i.getBoundingClientRect();
      return { visible: box.width > 1 && box.height > 1 && getComputedStyle(i).opacity !== '0', label: i.getAttribute('aria-label') ?? i.closest('label')?.textContent?.trim() ?? '' };
    }),
  );

describe('file pickers in Vietnamese', () => {
  let t: BrowserApp;
  let bookId = '';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-picker-'));
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'quantri', displayName: 'Lê Văn Quản', role: 'admin', password: PASSWORD });
      bookId = (await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '01/2008' })).id;
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides the browser\'s own file control and shows "Chọn tệp…" with the chosen name, on the imports page and the book page', async () => {
    const page = await signIn(t, 'quantri', PASSWORD);
    await page.goto(`${t.base}/#/imports`);
    const form = page.getByRole('form', { name: 'Nhập dữ liệu từ tệp' });
    await form.waitFor();
    expect(await fileInputs(page)).toEqual([{ visible: false, label: 'Tệp (.xlsx, .csv)' }]);
    expect(await form.getByText('Chọn tệp…').isVisible()).toBe(true);
    expect(await form.getByTestId('file-picker-names').textContent()).toBe('Chưa chọn tệp');

    // The (hidden) input still takes the keyboard focus (Tab reaches it; Space or Enter opens the dialog), outlined on the button.
    await page.getByLabel('Tệp (.xlsx, .csv)').focus();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('file');

    const file = path.join(dir, 'sổ khai sinh 2008.csv');
    writeFileSync(file, 'so;hoTen\n1;Nguyễn Văn A\n');
    await page.getByLabel('Tệp (.xlsx, .csv)').setInputFiles(file);
    expect(await form.getByTestId('file-picker-names').textContent()).toBe('sổ khai sinh 2008.csv');
    mkdirSync(RESULTS, { recursive: true });
    await form.screenshot({ path: path.join(RESULTS, 'imports-file-picker.png') });

    // The book page's scan upload: its control is hidden behind a Vietnamese button too.
    await page.goto(`${t.base}/#/books/${bookId}`);
    await page.getByText('Chọn ảnh quét để tải lên…').waitFor();
    const inputs = await fileInputs(page);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((i) => !i.visible)).toBe(true);
    await page.context().close();
  }, 120_000);
});
