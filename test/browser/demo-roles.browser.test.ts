/**
 * The demo as a visitor meets it, in a real browser against the built app:
 * the demo province made as `npm start` makes it (built-in units, the demo
 * users, every book at its stage). Each demo user signs in and visits every
 * screen of her navigation, every book she sees, the book's QC links and the
 * first record of each book (found in the books table, #/books; her home, #/,
 * is visited too); none of the page's own calls may answer 4xx or
 * 5xx (a screen must not ask for what the role may not have). The book header
 * shows the authority's unit path.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, runStagedDemo } from '../../src/demo/index.js';
import { ensureBuiltinUnits } from '../../src/units/index.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

/** Counts the page's requests in flight; `settled` waits until none has been for a moment. */
function trackRequests(page: Page, base: string) {
  let inFlight = 0;
  const failures: string[] = [];
  page.on('request', () => void inFlight++);
  page.on('requestfinished', () => void inFlight--);
  page.on('requestfailed', () => void inFlight--);
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.url().startsWith(base) && r.status() >= 400) failures.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search} (${page.url().replace(base, '')})`);
  });
  /** Until no request has been in flight for 600 ms (at most 4 s: a screen that polls still gets its calls checked). */
  const settled = async () => {
    for (let quiet = 0, waited = 0; quiet < 4 && waited < 4_000; waited += 150) {
      await page.waitForTimeout(150);
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  };
  return { failures, settled };
}

async function hrefs(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? '').filter((h) => h.startsWith('#/')));
}

describe('the demo, role by role', () => {
  let t: BrowserApp;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await ensureBuiltinUnits(ctx);
      await runStagedDemo(ctx);
    });
  }, 600_000);
  afterAll(async () => t?.close());

  it.each(DEMO_USERS.map((u) => [u.login, u.role] as const))(
    '%s (%s) visits every screen of her navigation without a refused call',
    async (login) => {
      const page = await signIn(t, login, DEMO_PASSWORD);
      const { failures, settled } = trackRequests(page, t.base);
      const visit = async (hash: string) => {
        await page.goto(`${t.base}/${hash}`);
        await settled();
      };
      const screens = await hrefs(page, 'nav[aria-label="Điều hướng"] a');
      for (const hash of screens) await visit(hash);
      await visit('#/');
      await visit('#/books');
      const books = await hrefs(page, 'table tbody a[href^="#/books/"]');
      expect(books.length, login).toBeGreaterThan(0);
      for (const book of books) {
        await visit(book);
        await page.getByTestId('page').first().waitFor();
        const within = [...new Set(await hrefs(page, 'main a[href^="#/qc/"], main a[href^="#/records/"]'))];
        const firstRecord = within.find((h) => h.startsWith('#/records/'));
        for (const hash of [...within.filter((h) => h.startsWith('#/qc/')), ...(firstRecord ? [firstRecord] : [])]) await visit(hash);
      }
      const lots = await (async () => (await visit('#/qc/lots'), hrefs(page, 'main a[href^="#/qc/lots/"]')))();
      for (const lot of lots.slice(0, 2)) await visit(lot);
      expect(failures, login).toEqual([]);
      await page.close();
    },
    600_000,
  );

  it('the book header shows the unit path of the authority', async () => {
    const page = await signIn(t, 'quantri', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Quyển sổ' }).click();
    await page.getByRole('table', { name: 'Quyển sổ', exact: true }).getByRole('link', { name: 'Sổ đăng ký khai sinh 01/1985' }).click();
    await page.getByTestId('page').first().waitFor();
    await expect.poll(() => page.getByTestId('book-authority').textContent()).toMatch(/tỉnh Bắc Thái — Xã La Bằng, Huyện Đại Từ, Tỉnh Thái Nguyên · năm 1985/);
    expect(DEMO_USERS.map((u) => u.role)).toEqual(expect.arrayContaining(['admin', 'planner', 'officer', 'keyer', 'reviewer']));
    await page.close();
  }, 60_000);
});
