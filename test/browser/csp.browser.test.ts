/**
 * The Content Security Policy and the CSRF guard against the real web app,
 * in Debian's Chromium: sign in through the form, open a book (thumbnails),
 * add a record and key into it on the keying screen, whose OpenSeadragon
 * viewer draws IIIF tiles (a blob: worker decodes them), save (cookie-
 * authenticated writes, so the browser's Origin must pass the guard), visit
 * the other screens, sign out. Every `securitypolicyviolation` event and every console message about
 * the policy is collected: there must be none. The collector itself is
 * checked at the end with one deliberate violation (an inline script).
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/index.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

/** Whether the viewer's canvas has anything drawn (not all transparent). */
const canvasDrawn = (page: Page) =>
  page
    .getByTestId('page-viewer')
    .locator('canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0) return false;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4 * 97) if (data[i] !== 0) return true;
      return false;
    });

describe('content security policy in the browser', () => {
  const DEMO_BOOK = 'ks-2008-phu-xuyen';
  let t: BrowserApp;
  let bookId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'quantri', displayName: 'Lê Văn Quản', role: 'admin', password: PASSWORD });
      const demo = await runDemo(ctx, { only: [DEMO_BOOK], keyRecord: async () => undefined });
      bookId = demo.books[0]!.id;
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('signs in, opens a book and the keying screen with its image viewer, saves and signs out without a single violation', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
    });
    const consoleProblems: string[] = [];
    const watch = (m: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleProblems.push(m.text());
    };
    const page = await context.newPage();
    page.on('console', watch);
    page.on('worker', (w) => w.on('console', watch));
    page.on('pageerror', (e) => consoleProblems.push(`page error: ${e.message}`));

    const shell = await page.goto(t.base);
    expect(shell?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();

    // The book: its page strip with thumbnails.
    await page.goto(`${t.base}/#/books/${bookId}`);
    const thumb = page.getByRole('img', { name: 'Trang 1' });
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // The keying screen: a new record (a cookie-authenticated POST), the viewer's tiles, a keyed and saved field.
    const tile = page.waitForResponse((r) => /\/iiif\/3\/[^/]+\/[^/]+\/[^/]+\/0\/default\.jpg$/.test(r.url()) && r.status() === 200);
    await page.getByRole('button', { name: 'Thêm bản ghi cho trang 1' }).click();
    await page.getByTestId('record-status').filter({ hasText: 'Đang nhập' }).waitFor();
    await tile;
    await expect.poll(() => canvasDrawn(page), { timeout: 15_000 }).toBe(true);
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 10_000 });

    expect(await violations(page)).toEqual([]);

    // The other screens (lazily loaded chunks and their styles included).
    const screens = [
      ['#/imports', 'Nhập dữ liệu từ tệp Excel/CSV'],
      ['#/qc/lots', 'Nghiệm thu theo mẫu'],
      ['#/qc/keyers', 'Độ chính xác người nhập liệu'],
      [`#/qc/checks/${bookId}`, 'Kiểm tra toàn quyển sổ'],
      ['#/qc/arbitration', 'Trọng tài hai lần nhập'],
      ['#/admin/users', 'Người dùng'],
      ['#/admin/assign', 'Giao sổ'],
      ['#/books', 'Quyển sổ'],
    ] as const;
    for (const [hash, heading] of screens) {
      await page.goto(`${t.base}/${hash}`);
      await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
    }

    // Sign out (another cookie-authenticated POST) from the book list: back to the form, and the session is gone.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect((await page.request.get(`${t.base}/api/auth/me`)).status()).toBe(401);

    expect(await violations(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);

    // The collector works: an inline script is refused and reported.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
    });
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await context.close();
  }, 120_000);
});
