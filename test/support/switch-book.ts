/**
 * The 1.000-registration book of the record-switch browser test and of
 * `npm run bench:switch`: one keyer, a scanned book of birth registrations
 * numbered 1…RECORDS with distinct names (imported, so none is a draft of
 * the keyer), and `books` more books so the books screen pages. Also the
 * in-page timing of a switch: from the keydown (or the navigation) to the
 * frame in which the record's number is in the form and the top bar shows
 * its position.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ActorContext } from '../../src/auth/index.js';
import { createBook } from '../../src/archive/index.js';
import { importRecord } from '../../src/entry/index.js';
import { transact } from '../../src/store/index.js';
import { scannedBook } from './export-book.js';
import { CLEAN_KS_RECORD, patchValues } from './records.js';
import { createTestUser } from './users.js';

export const SWITCH_PASSWORD = 'mat-khau-thu-nghiem';
export const SWITCH_KEYER = 'nhaplieu';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hữu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Vinh'];
/** A distinct full name for each of 1.000 registrations. */
export const nameOf = (i: number) => `${SURNAMES[i % 10]} ${MIDDLE[Math.floor(i / 10) % 5]} ${GIVEN[Math.floor(i / 50) % 20]}`;

export interface SwitchBook {
  bookId: string;
  /** Record ids by registration number: ids[0] is number 1. */
  ids: string[];
}

/** Seeds the keyer, the book of `records` registrations and `books` other books. */
export async function seedSwitchBook(ctx: ActorContext, opts: { records: number; books: number }): Promise<SwitchBook> {
  await createTestUser(ctx, { login: SWITCH_KEYER, displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: SWITCH_PASSWORD });
  const { bookId } = await scannedBook(ctx, { pages: 2 });
  const ids: string[] = [];
  const importId = randomUUID();
  await transact(ctx.store.db, async (tx) => {
    for (let i = opts.records; i >= 1; i--) {
      const values = patchValues(CLEAN_KS_RECORD, { so: String(i), nksHoTen: nameOf(i - 1) });
      const { recordId } = await importRecord(tx, {
        bookId,
        registerType: 'KS',
        templateId: 'KS-70',
        values,
        acknowledge: [],
        clientTxId: `switch-test-${i}`,
        actor: ctx.actor,
        today: new Date(),
        source: { kind: 'import', importId, file: 'so.xlsx', sheet: 'KS', row: i + 1, sha256: 'a'.repeat(64) },
      });
      ids[i - 1] = recordId;
    }
  });
  for (let i = 0; i < opts.books; i++) await createBook(ctx, { registerType: 'KT', authority: `UBND xã Thử ${i}`, yearFrom: 1990 + (i % 30), volumeNo: `T-${i}` });
  return { bookId, ids };
}

/**
 * Resolves, in the page, with the epoch milliseconds of the first frame in
 * which registration `n` is in the form and the top bar reads "Bản ghi n/total".
 */
export async function shownAt(page: Page, n: number, total: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ n, total }) => {
      const so = document.querySelector<HTMLInputElement>('#f-so')?.value;
      const bar = document.querySelector('.keying-top')?.textContent ?? '';
      return so === String(n) && bar.includes(`Bản ghi ${n}/${total}`) ? performance.timeOrigin + performance.now() : false;
    },
    { n, total },
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Marks, in the page, the epoch milliseconds of each Alt+→ keydown (read back by `lastSwitchStart`). */
export async function watchSwitchKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { switchStart: number };
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.altKey && e.key === 'ArrowRight') w.switchStart = performance.timeOrigin + performance.now();
      },
      { capture: true },
    );
  });
}

export const lastSwitchStart = (page: Page) => page.evaluate(() => (window as unknown as { switchStart: number }).switchStart);

/** The value at quantile q of sorted figures (nearest rank). */
export const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
