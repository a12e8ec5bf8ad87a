/**
 * The duplicate queue in a real browser against the demo as `npm start`
 * makes it (every book at its stage, two registrations keyed twice, the
 * linkage run at the end of staging). The reviewer opens the queue from the
 * navigation, opens a pair, sees both page images (IIIF) loaded and the
 * explanation per field, and — keyboard only — keeps record A (key 1),
 * types a reason and records the decision (Ctrl+Enter). The pair leaves the
 * queue; the API shows the decision stored. Screenshot in test-results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateView } from '../../src/linkage/index.js';
import { DEMO_PASSWORD, runStagedDemo } from '../../src/demo/index.js';
import { ensureBuiltinUnits } from '../../src/units/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const api = <T>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

describe('the duplicate queue in the browser', () => {
  let t: BrowserApp;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      await ensureBuiltinUnits(ctx);
      await runStagedDemo(ctx);
    });
  }, 600_000);
  afterAll(async () => t?.close());

  it('a reviewer compares two records with their images and marks one duplicate', async () => {
    const page = await signIn(t, 'kiemtra', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Bản ghi trùng' }).click();
    const queue = page.getByTestId('linkage-queue');
    await queue.waitFor();
    const before = await api<CandidateView[]>(page, '/api/linkage/candidates?status=open');
    expect(before.filter((c) => c.kind === 'duplicate').length).toBe(2);
    await expect.poll(() => queue.locator('tbody tr').count()).toBe(before.length);
    expect(await queue.locator('tbody tr').first().textContent()).toContain('Trùng đăng ký');

    const first = queue.locator('tbody tr').first();
    const id = (await first.getAttribute('data-candidate'))!;
    const pair = before.find((c) => c.id === id)!;
    await first.getByRole('link', { name: 'So sánh' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('linkage-explanation').waitFor();

    // Both page images, through the IIIF image service, loaded and decoded.
    const images = page.locator('img.linkage-page');
    await expect.poll(() => images.count()).toBe(2);
    for (const img of await images.all()) {
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      expect(await img.getAttribute('src')).toMatch(/^\/iiif\/3\/[0-9a-f-]{36}\/full\//);
    }
    // The explanation: every compared field with its Vietnamese status and weight; the keyed values side by side.
    const explained = page.getByTestId('linkage-explanation').locator('tbody tr');
    expect(await explained.count()).toBe(pair.explanation.fields.length);
    const explanation = await page.getByTestId('linkage-explanation').textContent();
    expect(explanation).toContain('khớp');
    expect(explanation).toContain('Quy tắc khớp: Cùng số, quyển, nơi đăng ký');
    expect(await page.getByTestId('linkage-values').locator('tbody tr').count()).toBeGreaterThan(3);

    await page.keyboard.press('1');
    expect(await page.getByRole('radio', { name: /giữ bản ghi A/ }).isChecked()).toBe(true);
    await page.getByLabel('Lý do').fill('Cùng một lần đăng ký, nhập hai lần (đối chiếu ảnh trang).');
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'linkage-compare.png'), fullPage: true });
    await page.keyboard.press('Control+Enter');

    // Back in the queue: the pair is gone, the other one stays.
    await page.waitForURL(/#\/linkage$/);
    await queue.waitFor();
    await expect.poll(() => queue.locator(`tr[data-candidate="${id}"]`).count()).toBe(0);
    expect(await queue.locator('tbody tr').count()).toBe(before.length - 1);

    const stored = await api<CandidateView>(page, `/api/linkage/candidates/${id}`);
    expect(stored.status).toBe('decided');
    expect(stored.decision).toMatchObject({ decision: 'duplicate_of', keepId: pair.recordA, reason: 'Cùng một lần đăng ký, nhập hai lần (đối chiếu ảnh trang).' });
    const open = await api<CandidateView[]>(page, '/api/linkage/candidates?status=open');
    expect(open.map((c) => c.id)).not.toContain(id);
  }, 120_000);
});
