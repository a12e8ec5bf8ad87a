/**
 * Bytes on the wire, measured by the browser itself (Resource Timing:
 * transferSize = body as received + a flat 300 bytes for the headers, 0
 * when the cache answered; encodedBodySize = body as received;
 * decodedBodySize = body after decompression) in Debian's
 * Chromium against the built app:
 * - first load (the sign-in screen): every script, style and index.html
 *   arrives compressed (Content-Encoding br or gzip; scripts and styles at
 *   most 40 % of their size), and the whole load stays under a budget;
 * - the keying screen's chunk arrives compressed only when the screen is
 *   opened (it is not part of the first load);
 * - a later visit in the same browser fetches no asset at all (immutable:
 *   transferSize 0, from the cache, not even revalidated) and only
 *   revalidates index.html (no-cache).
 * Prints a table of what travelled. The HTTP side (negotiation, Vary, 404 of
 * an old chunk) is in test/http/web-delivery.test.ts.
 */
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../support/users.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The first load (index.html, the initial script and style, health and session calls), compressed, in bytes. Raw it is ~320 KB. */
const FIRST_LOAD_BUDGET = 130_000;

interface Transfer {
  path: string;
  type: string;
  transferSize: number;
  encodedBodySize: number;
  decodedBodySize: number;
  encoding?: string;
}

/** Every navigation and resource entry of the page so far, by the browser's own account. */
const transfers = (page: Page): Promise<Transfer[]> =>
  page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
      const r = e as PerformanceResourceTiming;
      return { path: new URL(r.name).pathname, type: r.initiatorType, transferSize: r.transferSize, encodedBodySize: r.encodedBodySize, decodedBodySize: r.decodedBodySize };
    }),
  );

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
function print(title: string, list: readonly Transfer[]): void {
  const rows = list.map(
    (t) => `  ${t.path.padEnd(40)} ${(t.encoding ?? '').padEnd(4)} wire ${kb(t.transferSize).padStart(9)}  body ${kb(t.encodedBodySize).padStart(9)}  decoded ${kb(t.decodedBodySize).padStart(9)}`,
  );
  const sum = (k: 'transferSize' | 'decodedBodySize') => list.reduce((s, t) => s + t[k], 0);
  console.log(`${title}: ${kb(sum('transferSize'))} on the wire for ${kb(sum('decodedBodySize'))} of content\n${rows.join('\n')}`);
}

/** Collects the responses of the app's own files (the shell and assets), by path. */
function watchResponses(page: Page): Map<string, Response> {
  const seen = new Map<string, Response>();
  page.on('response', (r) => {
    const p = new URL(r.url()).pathname;
    if (p === '/' || p.startsWith('/assets/') || p.startsWith('/api/')) seen.set(p, r);
  });
  return seen;
}

const isFile = (t: Transfer) => t.path === '/' || t.path.startsWith('/assets/');

describe('web delivery in the browser', () => {
  let t: BrowserApp;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await createTestUser(ctx, { login: 'quantri', displayName: 'Lê Văn Quản', role: 'admin', password: PASSWORD });
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('sends the first load and the keying chunk compressed, caches assets as immutable and revalidates only index.html', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const responses = watchResponses(page);
    await page.goto(t.base);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.waitForLoadState('networkidle');

    // First load: what travelled, and that every file of the app came compressed with the right caching.
    const first = await transfers(page);
    for (const f of first) f.encoding = (await responses.get(f.path)?.allHeaders())?.['content-encoding'];
    print('First load (sign-in screen)', first);
    const files = first.filter(isFile);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['/', expect.stringMatching(/^\/assets\/index-.*\.js$/), expect.stringMatching(/^\/assets\/index-.*\.css$/)]));
    expect(files.some((f) => /keying|screens|acceptance|admin|audit/.test(f.path))).toBe(false);
    for (const f of files) {
      const res = responses.get(f.path)!;
      const headers = await res.allHeaders();
      expect(headers['content-encoding'], f.path).toMatch(/^(br|gzip)$/);
      expect(headers['cache-control'], f.path).toBe(f.path === '/' ? 'no-cache' : IMMUTABLE);
      // Tiny files (index.html: ~400 bytes) shrink less; what matters is the scripts and styles.
      if (f.decodedBodySize > 4096) expect(f.encodedBodySize, f.path).toBeLessThan(f.decodedBodySize * 0.4);
    }
    const wire = first.reduce((s, f) => s + f.transferSize, 0);
    expect(wire).toBeGreaterThan(0);
    expect(wire).toBeLessThan(FIRST_LOAD_BUDGET);
    expect(first.reduce((s, f) => s + f.decodedBodySize, 0)).toBeGreaterThan(wire * 2.5);

    // The keying screen's chunk: fetched only now, compressed, immutable.
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
    const chunk = page.waitForResponse((r) => /\/assets\/keying-[^/]+\.js$/.test(r.url()));
    await page.goto(`${t.base}/#/records/00000000-0000-4000-8000-000000000000`);
    const keyingResponse = await chunk;
    expect((await keyingResponse.allHeaders())['content-encoding']).toMatch(/^(br|gzip)$/);
    expect((await keyingResponse.allHeaders())['cache-control']).toBe(IMMUTABLE);
    await page.waitForLoadState('networkidle');
    const keying = (await transfers(page)).filter((f) => /\/assets\/keying-.*\.js$/.test(f.path));
    print('Keying screen chunk', keying);
    expect(keying).toHaveLength(1);
    expect(keying[0]!.encodedBodySize).toBeLessThan(keying[0]!.decodedBodySize * 0.4);

    // A later visit in the same browser: no asset travels (the cache answers without asking); index.html is revalidated.
    const later = await context.newPage();
    await later.goto(t.base);
    await later.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
    await later.waitForLoadState('networkidle');
    const second = (await transfers(later)).filter(isFile);
    print('Later visit', second);
    const assets = second.filter((f) => f.path.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(1);
    // transferSize 0 with a body: the cache answered without asking the server.
    for (const a of assets) expect(a.transferSize, a.path).toBe(0);
    // index.html was asked again (transferSize > 0) but its body did not travel: a 304 (Chromium reports the cached 200 to the page).
    const shellFirst = first.find((f) => f.path === '/')!;
    const shellLater = second.find((f) => f.path === '/')!;
    expect(shellLater.transferSize).toBeGreaterThan(0);
    expect(shellLater.transferSize).toBeLessThanOrEqual(shellFirst.transferSize - shellFirst.encodedBodySize);
    await context.close();
  }, 120_000);
});
