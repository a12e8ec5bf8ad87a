/**
 * npm run bench:switch — the time a keyer waits between two records, on a
 * book of 1.000 registrations, in Debian's Chromium on a production build.
 *
 * Ours: Alt+→ on the keying screen (the next record from the local window of
 * the list, prefetched while the keyer reads the current one). The keyer
 * pauses PAUSE_MS (600) between switches, as a keyer reads each record for
 * seconds. Timed in the page from the keydown to the frame in which the next
 * record's number is in the form and the top bar shows its position.
 * Baseline: what the keyer has without it — opening the next record by its
 * address (from the book's list, a link or a bookmark): a fresh load of the
 * keying screen, timed from the navigation to the same frame.
 * value = p95 of the switches (goal < 150 ms); ratio = baseline p95 ÷ ours.
 * SWITCHES (default 50) switches and as many fresh loads, on different records.
 */
import os from 'node:os';
import { signIn, startBrowserApp } from '../test/support/browser.js';
import { lastSwitchStart, quantile, seedSwitchBook, shownAt, SWITCH_KEYER, SWITCH_PASSWORD, watchSwitchKeys } from '../test/support/switch-book.js';

const RECORDS = 1000;
const SWITCHES = Number(process.env.SWITCHES ?? 50);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 600);

const summary = (times: readonly number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1]! };
};

async function main() {
  let ids: string[] = [];
  const t = await startBrowserApp(async (ctx) => {
    ids = (await seedSwitchBook(ctx, { records: RECORDS, books: 0 })).ids;
  });
  try {
    const page = await signIn(t, SWITCH_KEYER, SWITCH_PASSWORD);
    await page.goto(`${t.base}/#/records/${ids[0]}`);
    await page.getByText(`Bản ghi 1/${RECORDS}`).waitFor();
    await watchSwitchKeys(page);
    const switches: number[] = [];
    for (let n = 2; n <= SWITCHES + 1; n++) {
      await page.waitForTimeout(PAUSE_MS);
      await page.keyboard.press('Alt+ArrowRight');
      const shown = await shownAt(page, n, RECORDS);
      switches.push(shown - (await lastSwitchStart(page)));
    }
    const loads: number[] = [];
    for (let n = SWITCHES + 2; n <= 2 * SWITCHES + 1; n++) {
      await page.waitForTimeout(PAUSE_MS);
      const start = Date.now();
      await page.goto(`${t.base}/?n=${n}#/records/${ids[n - 1]}`);
      loads.push((await shownAt(page, n, RECORDS)) - start);
    }
    const ours = summary(switches);
    const base = summary(loads);
    const load = os.loadavg()[0]!;
    console.log(`Chuyển bản ghi (Alt+→) trên quyển ${RECORDS} bản ghi, ${SWITCHES} lần: trung vị ${ours.median.toFixed(0)} ms, p95 ${ours.p95.toFixed(0)} ms (mục tiêu < 150 ms).`);
    console.log(`Mở bản ghi kế tiếp theo địa chỉ (tải lại màn hình), ${SWITCHES} lần: trung vị ${base.median.toFixed(0)} ms, p95 ${base.p95.toFixed(0)} ms. Tải máy: ${load.toFixed(1)}.`);
    console.log(
      JSON.stringify({
        bench: 'switch',
        metric: 'p95Ms',
        value: ours.p95,
        baseline: base.p95,
        ratio: base.p95 / ours.p95,
        medianMs: ours.median,
        maxMs: ours.max,
        baselineMedianMs: base.median,
        goalMs: 150,
        records: RECORDS,
        switches: SWITCHES,
        pauseMs: PAUSE_MS,
        loadAverage: load,
      }),
    );
  } finally {
    await t.close();
  }
}

await main();
