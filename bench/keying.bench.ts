/**
 * npm run bench:keying — keys per registration on the REAL keying screen
 * against the same registrations typed into the MoJ template in Excel.
 *
 * Workbench: the app built and served as in the browser tests (a production
 * web build, embedded PGlite, Debian's Chromium driven by playwright-core),
 * the demo books ingested with none of their registrations keyed; a scripted
 * keyer (bench/support/screen-keyer.ts) opens each book, adds each
 * registration on its page (the button for the first, Alt+PgDn and Alt+N
 * after) and types the demo ground truth with the keying aids, every key
 * counted where it is sent. The saved records are then read back and
 * compared with the truth field by field (`fieldErrors`, must be 0).
 * Baseline: an optimal Excel keyer with AutoComplete, the pick list, Fill
 * Down, Fill Series and hidden unused columns (bench/support/spreadsheet-
 * keyer.ts, each behaviour documented there), on the same values.
 * ratio = workbench keys ÷ spreadsheet keys (goal ≤ 0.5).
 *
 * KEYING_RECORDS (default 60): registrations keyed, spread over the six demo
 * books (the first ones of each, in book order); KEYING_RECORDS=all keys
 * every registration of the demo (118).
 */
import { DEMO_BOOKS, demoProvince, runDemo, type DemoBook } from '../src/demo/index.js';
import { getTemplate } from '../src/registers/index.js';
import { signIn, startBrowserApp } from '../test/support/browser.js';
import { createTestUser } from '../test/support/users.js';
import { keyBook, readBack, type Values } from './support/screen-keyer.js';
import { spreadsheetKeys, type SpreadsheetCount } from './support/spreadsheet-keyer.js';

const PASSWORD = 'mat-khau-thu-nghiem';
const ALL = demoProvince().books.reduce((n, b) => n + b.pageList.reduce((m, p) => m + p.records.length, 0), 0);
const WANTED = process.env.KEYING_RECORDS === 'all' ? ALL : Number(process.env.KEYING_RECORDS ?? 60);

interface BookRun {
  key: string;
  records: number;
  workbench: number;
  spreadsheet: SpreadsheetCount;
  fieldErrors: number;
}

/** The first `n` registrations of a demo book, with their page. */
function truthOf(book: DemoBook, n: number): { page: number; values: Values }[] {
  return book.pageList.flatMap((p) => p.records.map((r) => ({ page: p.seq, values: r.values }))).slice(0, n);
}

async function main(): Promise<void> {
  const province = demoProvince();
  // "all": every registration of every book (an even split would cut the 21-registration book at 20).
  const perBook = process.env.KEYING_RECORDS === 'all' ? Infinity : Math.ceil(WANTED / DEMO_BOOKS.length);
  const bookIds = new Map<string, string>();
  const t = await startBrowserApp(async (ctx) => {
    await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Nguyễn Văn Nhập', role: 'keyer', password: PASSWORD });
    const demo = await runDemo(ctx, { keyRecord: async () => undefined });
    for (const b of demo.books) bookIds.set(b.key, b.id);
  });
  const runs: BookRun[] = [];
  try {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    page.setDefaultTimeout(20_000);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nhaplieu', password: PASSWORD } });
    const auth = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    let left = WANTED;
    for (const book of province.books) {
      const truth = truthOf(book, Math.min(perBook, left));
      if (truth.length === 0) break;
      left -= truth.length;
      const template = getTemplate(book.registerType);
      const fieldKeys = template.fields.filter((f) => f.type !== 'rowNo').map((f) => f.key);
      const bookId = bookIds.get(book.key)!;
      const { keys: workbench } = await keyBook(page, t.base, bookId, truth, fieldKeys, { trace: process.env.KEYING_TRACE === '1' });
      // Read back what was saved and compare with the truth, field by field.
      const fieldErrors = await readBack(t.app, auth, bookId, truth, fieldKeys.length);
      const spreadsheet = spreadsheetKeys(
        template,
        truth.map((r) => r.values),
      );
      runs.push({ key: book.key, records: truth.length, workbench, spreadsheet, fieldErrors });
      console.log(
        `${book.key}: ${truth.length} việc — màn hình nhập liệu ${workbench} phím (${(workbench / truth.length).toFixed(1)}/việc), Excel tối ưu ${spreadsheet.keys} phím (${(spreadsheet.keys / truth.length).toFixed(1)}/việc), sai ${fieldErrors} trường`,
      );
    }
  } finally {
    await t.close();
  }
  const records = runs.reduce((n, r) => n + r.records, 0);
  const workbench = runs.reduce((n, r) => n + r.workbench, 0);
  const spreadsheet = runs.reduce((n, r) => n + r.spreadsheet.keys, 0);
  const fieldErrors = runs.reduce((n, r) => n + r.fieldErrors, 0);
  const cells = runs.reduce<Record<string, number>>((acc, r) => {
    for (const [k, v] of Object.entries(r.spreadsheet.cells)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  console.log(
    `Tổng: ${records} việc đăng ký; màn hình nhập liệu ${(workbench / records).toFixed(1)} phím/việc, Excel tối ưu ${(spreadsheet / records).toFixed(1)} phím/việc; sai ${fieldErrors} trường.`,
  );
  console.log(
    JSON.stringify({
      bench: 'keying',
      metric: 'keysPerRecord',
      value: workbench / records,
      baseline: spreadsheet / records,
      ratio: workbench / spreadsheet,
      records,
      workbenchKeys: workbench,
      spreadsheetKeys: spreadsheet,
      fieldErrors,
      spreadsheetCells: cells,
      books: runs.map((r) => ({ key: r.key, records: r.records, perRecord: r.workbench / r.records, spreadsheetPerRecord: r.spreadsheet.keys / r.records })),
    }),
  );
}

await main();
