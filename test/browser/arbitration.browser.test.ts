/**
 * Arbitration in a real browser (Debian's Chromium via playwright-core): two
 * keyers key the same demo registration independently (services), with two
 * differences; a reviewer opens the arbitration queue and decides both with
 * the KEYBOARD ONLY — 1/2 picks a value, 3 + typing enters a third one,
 * Enter confirms — seeing the page region image, and the registration ends
 * completed with the decided values. Screenshot in test-results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { as, createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../src/archive/index.js';
import { runDemo } from '../../src/demo/index.js';
import { getRecordView, saveRecord, type RecordView } from '../../src/entry/index.js';
import { claimPass, completePass, createRecordInBook, setQcMode } from '../../src/qc/index.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'mat-khau-thu-nghiem';

describe('arbitration in the browser', () => {
  const DEMO_BOOK = 'ks-2008-phu-xuyen';
  let t: BrowserApp;
  let bookId = '';
  let registrationId = '';
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      const [a, b] = await Promise.all([
        createTestUser(ctx, { login: 'nhaplieu-a', role: 'keyer', password: PASSWORD }),
        createTestUser(ctx, { login: 'nhaplieu-b', role: 'keyer', password: PASSWORD }),
        createTestUser(ctx, { login: 'trongtai', displayName: 'Lê Văn Trọng', role: 'reviewer', password: PASSWORD }),
      ]);
      bookId = (await runDemo(ctx, { only: [DEMO_BOOK], keyRecord: async () => undefined })).books[0]!.id;
      await setQcMode(ctx, { bookId, mode: 'double_blind' });
      const pageId = (await listPages(ctx, bookId))[0]!.id;
      const regions = [{ pageId, x: 0, y: 0.1, w: 1, h: 0.3 }];
      const passA = await createRecordInBook(await as(ctx, a.id), { bookId, pageIds: [pageId], regions, clientTxId: 'browser-arb-a' });
      registrationId = passA.keyingOf!;
      const passB = await claimPass(await as(ctx, b.id), { registrationId, clientTxId: 'browser-arb-b' });
      const key = async (pass: RecordView, values: Record<string, string>, actorId: string, tag: string) => {
        const saved = await saveRecord(await as(ctx, actorId), { recordId: pass.id, clientTxId: `browser-arb-save-${tag}`, expectedVersion: pass.version, values });
        await completePass(await as(ctx, actorId), { recordId: pass.id, clientTxId: `browser-arb-done-${tag}`, expectedVersion: saved.version });
      };
      await key(passA, { ...CLEAN_KS_RECORD }, a.id, 'a');
      await key(passB, { ...CLEAN_KS_RECORD, so: '16', meHoTen: 'Nguyen Thi Lan' }, b.id, 'b');
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('decides two disagreements with the keyboard', async () => {
    const page = await signIn(t, 'trongtai', PASSWORD, { viewport: { width: 1366, height: 900 } });
    const region = page.waitForResponse((r) => /\/iiif\/3\/[^/]+\/pct:0,10,100,30\/!1400,900\/0\/default\.jpg$/.test(r.url()) && r.status() === 200);
    await page.goto(`${t.base}/#/qc/arbitration/${bookId}`);

    // First: số, "15" against "16" in an order that does not tell which pass is which; the region image loads.
    await page.getByTestId('arbitration').waitFor();
    await region;
    await expect.poll(() => page.getByTestId('arbitration').locator('h2').textContent()).toContain('Số');
    const first = (await page.getByTestId('value-1').locator('.value').textContent()) ?? '';
    expect(['15', '16']).toContain(first);
    await page.keyboard.press(first === '15' ? '1' : '2');
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'arbitration.png') });
    await page.keyboard.press('Enter');

    // Second: the mother's name; the arbitrator reads the image and types a third value.
    await expect.poll(() => page.getByTestId('arbitration').locator('h2').textContent()).toContain('Họ, chữ đệm, tên');
    await page.keyboard.press('3');
    await page.keyboard.type('Nguyễn Thị Lành');
    await page.keyboard.press('Enter');
    await page.getByTestId('arbitration-empty').waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Việc đăng ký đã hoàn thành');

    const reg = await getRecordView(t.ctx, registrationId);
    expect(reg).toMatchObject({ status: 'completed', values: { so: '15', meHoTen: 'Nguyễn Thị Lành', nksHoTen: CLEAN_KS_RECORD.nksHoTen } });
    await page.close();
  });
});
