/**
 * bench:ocr's keystrokes measured on the REAL keying screen, for a sample of
 * its printed pages: the app built and served as in the browser tests and
 * bench:keying (startBrowserApp: a production web build, embedded PGlite,
 * Chromium), the official unit lists imported into it (the job resolves
 * places from them), the thresholds the bench calibrated stored as the app's
 * (ocr_thresholds), one book per sampled demo book holding only the sampled
 * pages (ingested through the real pipeline), read by the ocr.book stage
 * (ocrBook, Tesseract). Then the scripted keyer of bench:keying
 * (screen-keyer.ts: keyBook) adds each registration on its page and finishes
 * it on the screen as it opens with the machine's pre-fill (right: Tab to
 * confirm; wrong: cleared and keyed; absent: keyed with the aids), every key
 * counted; the saved records are read back and compared with the truth
 * (fieldErrors, must be 0). The baseline is the same registrations typed by
 * bench:keying's spreadsheet keyer, book by book.
 */
import { createBook } from '../../src/archive/index.js';
import type { DemoBook } from '../../src/demo/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { ocrBook, type KindThreshold } from '../../src/ocr/index.js';
import { getTemplate } from '../../src/registers/index.js';
import { signIn, startBrowserApp } from '../../test/support/browser.js';
import { createTestUser } from '../../test/support/users.js';
import { importOfficialUnits } from './official-units.js';
import { keyBook, readBack, type Registration } from './screen-keyer.js';
import { spreadsheetKeys } from './spreadsheet-keyer.js';

const PASSWORD = 'mat-khau-thu-nghiem';

export interface SamplePage {
  book: DemoBook;
  seq: number;
  jpeg: Buffer;
  /** The page's registrations, in order (ground truth of every field). */
  records: Record<string, string>[];
}

export interface ScreenResult {
  pages: number;
  registrations: number;
  screenKeys: number;
  spreadsheetKeys: number;
  prefilled: number;
  /** Pre-filled fields whose value was wrong (the keyer cleared and keyed them). */
  prefilledWrong: number;
  fieldErrors: number;
  books: { key: string; pages: number; registrations: number; screenKeys: number; spreadsheetKeys: number; prefilled: number; prefilledWrong: number; fieldErrors: number }[];
}

/** Keys the sampled pages' registrations on the real screen after the app's OCR job has read them. */
export async function keyOnScreen(sample: readonly SamplePage[], thresholds: readonly KindThreshold[]): Promise<ScreenResult> {
  const byBook = new Map<string, SamplePage[]>();
  for (const p of sample) byBook.set(p.book.key, [...(byBook.get(p.book.key) ?? []), p]);
  const bookIds = new Map<string, string>();
  const t = await startBrowserApp(async (ctx) => {
    await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
    await importOfficialUnits(ctx.store);
    for (const th of thresholds)
      await ctx.store.db.insertInto('ocr_thresholds').values({ kind: th.kind, threshold: th.threshold, samples: th.samples, accuracy: th.accuracy, updated_at: ctx.clock() }).execute();
    for (const [key, pages] of byBook) {
      const b = pages[0]!.book;
      const view = await createBook(ctx, {
        registerType: b.registerType,
        authority: b.authority,
        yearFrom: b.year,
        volumeNo: b.quyenSo,
        openedOn: b.openedOn,
        closedOn: b.closedOn,
        pageCount: pages.length,
        declaredEventCount: pages.reduce((n, p) => n + p.records.length, 0),
      });
      const ingested = await ingestFiles(
        ctx,
        view.id,
        pages.map((p, i) => ({ name: `trang-${String(i + 1).padStart(3, '0')}.jpg`, bytes: p.jpeg })),
      );
      if (ingested.files.length !== pages.length) throw new Error(`${key}: nhập ${ingested.files.length}/${pages.length} trang.`);
      const read = await ocrBook(ctx, { bookId: view.id });
      console.error(`  ${key}: máy đọc ${read.read}/${read.pages} trang, ${read.fields} trường`);
      bookIds.set(key, view.id);
    }
  });
  const books: ScreenResult['books'] = [];
  try {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    page.setDefaultTimeout(20_000);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nhaplieu', password: PASSWORD } });
    const auth = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    for (const [key, pages] of byBook) {
      const template = getTemplate(pages[0]!.book.registerType);
      const fieldKeys = template.fields.filter((f) => f.type !== 'rowNo').map((f) => f.key);
      const truth: Registration[] = pages.flatMap((p, i) => p.records.map((values) => ({ page: i + 1, values })));
      const bookId = bookIds.get(key)!;
      const run = await keyBook(page, t.base, bookId, truth, fieldKeys, { machineRead: true, trace: process.env.OCR_BENCH_TRACE === '1' });
      const fieldErrors = await readBack(t.app, auth, bookId, truth, fieldKeys.length);
      const excel = spreadsheetKeys(
        template,
        truth.map((r) => r.values),
      ).keys;
      books.push({ key, pages: pages.length, registrations: truth.length, screenKeys: run.keys, spreadsheetKeys: excel, prefilled: run.prefilled, prefilledWrong: run.prefilledWrong, fieldErrors });
      console.error(
        `  ${key}: ${truth.length} việc trên ${pages.length} trang — màn hình ${run.keys} phím (điền sẵn ${run.prefilled} trường, ${run.prefilledWrong} sai), Excel ${excel} phím, sai ${fieldErrors} trường`,
      );
    }
  } finally {
    await t.close();
  }
  const sum = (f: (b: ScreenResult['books'][number]) => number) => books.reduce((n, b) => n + f(b), 0);
  return {
    pages: sum((b) => b.pages),
    registrations: sum((b) => b.registrations),
    screenKeys: sum((b) => b.screenKeys),
    spreadsheetKeys: sum((b) => b.spreadsheetKeys),
    prefilled: sum((b) => b.prefilled),
    prefilledWrong: sum((b) => b.prefilledWrong),
    fieldErrors: sum((b) => b.fieldErrors),
    books,
  };
}
