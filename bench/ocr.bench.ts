/**
 * npm run bench:ocr — the machine reads N synthetic printed register pages
 * (default 200; OCR_BENCH_PAGES=20 for a quick run): the demo's printed
 * variant (computer font or typewriter-like, turned up to ±1.5°, noise, JPEG
 * 55–85) of KS, KT and KH books, with ground truth. Measured in one run:
 * - CER over every field printed whole (edit distance / truth characters);
 * - field accuracy per field kind (normalized machine value = truth value);
 * - pages per minute of the OCR stage, two pages at a time (2 cores);
 * - keystrokes to finish the records, MEASURED ON THE REAL SCREEN for a
 *   sample: thresholds are calibrated (thresholds.ts) on the first quarter of
 *   the pages (the "QC measured accuracy"); of the remaining pages
 *   OCR_BENCH_SCREEN_PAGES (default 12) are taken, shared over the KS, KT and
 *   KH books and spread over each, and bench/support/screen-sample.ts runs
 *   them through the app as the browser tests and bench:keying do (a
 *   production web build, embedded PGlite, Chromium): the calibrated
 *   thresholds stored as the app's, the pages ingested into books and read by
 *   the ocr.book stage, then the scripted keyer of bench:keying
 *   (screen-keyer.ts) adds each registration on its page and finishes it as
 *   it opens with the machine's pre-fill (right: Tab confirms it; wrong:
 *   cleared and keyed; absent: keyed with the screen's aids), every key sent
 *   counted; the saved records are read back against the truth (`fieldErrors`,
 *   must be 0; the bench exits 1 otherwise). Baseline: the same registrations
 *   typed into the MoJ Excel template by bench:keying's optimal spreadsheet
 *   keyer with Excel's own aids (AutoComplete, pick list, Fill Down, Fill
 *   Series: bench/support/spreadsheet-keyer.ts), book by book.
 *   keystrokeRatio (= ratio) = real-screen keys ÷ spreadsheet keys on the sample.
 * - beside it, `keystrokeRatioModel`: the cost model over ALL the remaining
 *   pages, per field of the template: pre-filled and right = 1 key (Tab to
 *   confirm); pre-filled and wrong = 2 (clear) + keying it; not pre-filled
 *   (or not on the page) = keying it on hotich's keying screen, the cost
 *   model of bench:keying (Ctrl+D copies the fields that repeat the previous
 *   entry, dates as digits, codes as their digit, ethnicity and nationality
 *   by a unique prefix), or fewer when the screen's own aids offer the whole
 *   value on the empty field (↓ to it, Enter), and nothing for an empty field
 *   the screen's Tab order passes over (a value in one costs Ctrl+J, its key
 *   and Enter first): bench/support/screen-offers.ts; its baseline is the same
 *   spreadsheet keyer on those pages (`modelBaseline`); the unaided count
 *   (value + Tab each) is `unaidedTemplateKeys`.
 * Places are resolved through units/ as the job resolves them: the official
 * unit lists of ../shared/data/admin-units go through the product's importer
 * into an in-memory PGlite and the job's unit index is read back from it
 * (bench/support/official-units.ts; about a minute, before the timed part).
 * OCR_BENCH_WHY=1 prints where the keys go: per field the keys spent on it
 * when not pre-filled, by reason (not read, uncertain and why, below the
 * threshold), and how right the values held back only for a diacritics doubt
 * were. OCR_BENCH_TRACE=1 prints the real-screen keys per registration and
 * per field.
 */
import { cpus } from 'node:os';
import { DEMO_BOOKS, demoBook, renderPrintedPage, type DemoBook } from '../src/demo/index.js';
import { calibrate, cer, kindOfType, normalizeRow, readPage, tesseractEngine, unitPlaceCheck, FIELD_KINDS, type FieldKind, type OcrValue, type Sample } from '../src/ocr/index.js';
import { getTemplate, type FieldDef } from '../src/registers/index.js';
import { ETHNIC_GROUPS, listNationalities, searchKey } from '../src/vn/index.js';
import { officialUnitIndex } from './support/official-units.js';
import { recordScreen, type BookScreen } from './support/screen-offers.js';
import { keyOnScreen, type SamplePage } from './support/screen-sample.js';
import { spreadsheetKeys } from './support/spreadsheet-keyer.js';

const N = Math.max(4, Number(process.env.OCR_BENCH_PAGES ?? 200));
const SEED = 4242;
const engine = tesseractEngine();

function books(): DemoBook[] {
  const share = { KS: 0.4, KT: 0.3, KH: 0.3 } as const;
  const specs = [DEMO_BOOKS.find((b) => b.key === 'ks-1998-hoang-nong')!, DEMO_BOOKS.find((b) => b.key === 'kt-2003-cu-van')!, DEMO_BOOKS.find((b) => b.key === 'kh-1995-la-bang')!];
  let left = N;
  return specs.map((s, i) => {
    const pages = i === specs.length - 1 ? left : Math.round(N * share[s.registerType]);
    left -= pages;
    return demoBook(SEED, { ...s, key: `${s.key}-bench`, pages, hand: 'typewriter' });
  });
}

interface PageResult {
  book: DemoBook;
  seq: number;
  truth: { no: number; values: Record<string, string> }[];
  records: Record<string, string>[];
  jpeg: Buffer;
  read: OcrValue[][];
  raw: Record<string, string>[];
}

async function main(): Promise<void> {
  if (!(await engine.available()).ok) throw new Error('Tesseract với mô hình tiếng Việt chưa được cài (tesseract-ocr, tesseract-ocr-vie).');
  const jobs = books().flatMap((book) => book.pageList.map((page) => ({ book, page })));
  console.error(`OCR ${jobs.length} trang in tổng hợp, 2 trang một lúc (${cpus().length} lõi)…`);
  const units = officialUnitIndex();
  const rendered = await Promise.all(jobs.map(async (j) => ({ ...j, printed: await renderPrintedPage(SEED, j.book, j.page) })));
  const index = await units;
  const places = new Map(jobs.map((j) => [j.book.year, unitPlaceCheck(index, j.book.year)]));
  const results: PageResult[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < rendered.length) {
      const j = rendered[next++]!;
      const r = await readPage(engine, j.book.registerType, j.printed.jpeg);
      const rows = r.status === 'read' ? r.rows : [];
      results.push({
        book: j.book,
        seq: j.page.seq,
        truth: j.printed.truth,
        records: j.page.records.map((x) => x.values),
        jpeg: j.printed.jpeg,
        read: j.printed.truth.map((_, i) => {
          const row = rows.find((x) => x.row === i);
          return row ? normalizeRow(j.book.registerType, row.fields, places.get(j.book.year)) : [];
        }),
        raw: j.printed.truth.map((_, i) => Object.fromEntries(Object.entries(rows.find((x) => x.row === i)?.fields ?? {}).map(([k, f]) => [k, f.text]))),
      });
      if (results.length % 20 === 0) console.error(`  ${results.length}/${rendered.length}`);
    }
  };
  await Promise.all([worker(), worker()]);
  const minutes = (performance.now() - started) / 60000;
  results.sort((a, b) => a.book.key.localeCompare(b.book.key) || a.seq - b.seq);

  // CER over fields printed whole (code fields are printed as labels: compared by value below).
  const pairs = results.flatMap((p) =>
    p.truth.flatMap((slot, i) =>
      Object.entries(slot.values)
        .filter(([k]) => !k.endsWith('GioiTinh'))
        .map(([k, truth]) => ({ truth, read: p.raw[i]![k] ?? '' })),
    ),
  );
  // Field accuracy per kind and the samples QC would measure.
  const samplesOf = (ps: readonly PageResult[]): Sample[] =>
    ps.flatMap((p) =>
      p.truth.flatMap((slot, i) =>
        Object.entries(slot.values).map(([k, truth]) => {
          const v = p.read[i]!.find((x) => x.field === k);
          const kind = v?.kind ?? kindOf(p.book.registerType, k);
          return { kind, confidence: v && v.uncertain.length === 0 ? v.confidence : 0, correct: v?.value === truth };
        }),
      ),
    );
  const all = samplesOf(results);
  const fieldAccuracy = Object.fromEntries(
    FIELD_KINDS.map((k) => {
      const s = all.filter((x) => x.kind === k);
      return [k, s.length === 0 ? null : round(s.filter((x) => x.correct).length / s.length)];
    }),
  );
  const cut = Math.max(1, Math.floor(results.length / 4));
  const calibrated = calibrate(samplesOf(results.slice(0, cut)));
  const thresholds = Object.fromEntries(calibrated.map((t) => [t.kind, t.threshold])) as Record<FieldKind, number>;
  let [withPrefill, template, prefilled, fields, rowNo] = [0, 0, 0, 0, 0];
  let previous: { book: string; values: Record<string, string> } | undefined;
  /** Keys spent on fields not pre-filled, by field and reason (OCR_BENCH_WHY=1 prints them). */
  const spent = new Map<string, number>();
  const diacriticsOnly = { right: 0, wrong: 0 };
  const typedBooks = new Map<string, { registerType: string; rows: Record<string, string>[] }>();
  const screens = new Map<string, BookScreen>();
  for (const p of results.slice(cut)) {
    const defs = getTemplate(p.book.registerType).fields;
    const book = typedBooks.get(p.book.key) ?? { registerType: p.book.registerType, rows: [] };
    typedBooks.set(p.book.key, book);
    const screen = screens.get(p.book.key) ?? { template: getTemplate(p.book.registerType), authority: p.book.authority, memory: [] };
    screens.set(p.book.key, screen);
    p.records.forEach((values, i) => {
      book.rows.push(values);
      const on = recordScreen(screen, p.seq, values);
      /**
       * Keys for a field left to the keyer: the cost model below, or the screen's offer when it is cheaper;
       * an empty field Tab passes over costs nothing, a value in one costs the jump to it first.
       */
      const keyerKeys = (def: FieldDef, previousValue: string | undefined) => {
        const value = values[def.key] ?? '';
        const skipped = def.type !== 'rowNo' && on.skipped(def.key);
        if (value === '' && skipped) return 0;
        const jump = skipped ? def.key.length + 2 : 0; // Ctrl+J, the key, Enter
        return jump + Math.min(workbenchKeys(def, value, previousValue), on.offer(def.key) ?? Infinity);
      };
      const prev = previous?.book === p.book.key ? previous.values : undefined;
      if (defs.some((f) => f.copyForward && values[f.key] && values[f.key] === prev?.[f.key])) withPrefill += 2; // Ctrl+D
      for (const def of defs) {
        const truth = values[def.key] ?? '';
        template += def.type === 'rowNo' ? String(++rowNo).length + 1 : [...truth].length + 1;
        if (truth !== '') fields++;
        const v = p.read[i]?.find((x) => x.field === def.key);
        const pre = v && v.uncertain.length === 0 && v.confidence >= thresholds[v.kind];
        if (!pre) {
          const k = keyerKeys(def, prev?.[def.key]);
          withPrefill += k;
          const why = !v ? 'not_read' : v.uncertain.length > 0 ? `uncertain:${v.uncertain.join('+')}` : 'below_threshold';
          spent.set(`${def.key}|${why}`, (spent.get(`${def.key}|${why}`) ?? 0) + k);
          // How right the values held back only for a diacritics doubt were (is that doubt worth its keys?).
          if (v && v.uncertain.join() === 'diacritics') diacriticsOnly[v.value === truth ? 'right' : 'wrong']++;
        } else {
          prefilled++;
          withPrefill += v.value === truth ? 1 : 2 + keyerKeys(def, undefined);
        }
      }
      previous = { book: p.book.key, values };
      screen.memory.unshift(values);
    });
  }
  if (process.env.OCR_BENCH_WHY)
    console.error(
      [...spent.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([k, n]) => `  ${k}: ${n}`)
        .join('\n'),
    );
  if (process.env.OCR_BENCH_WHY) console.error(`  chỉ nghi dấu: ${diacriticsOnly.right} đúng, ${diacriticsOnly.wrong} sai`);
  const excel = [...typedBooks.values()].reduce((sum, b) => sum + spreadsheetKeys(getTemplate(b.registerType), b.rows).keys, 0);
  const keystrokeRatioModel = round(withPrefill / excel);
  const pagesPerMinute = round(results.length / minutes);
  const c = round(cer(pairs));
  console.error(`CER ${c}; độ chính xác theo loại trường ${JSON.stringify(fieldAccuracy)}; ngưỡng ${JSON.stringify(thresholds)}`);
  console.error(`${pagesPerMinute} trang/phút; mô hình: điền sẵn ${prefilled}/${fields} trường; phím: ${withPrefill} có điền sẵn, ${excel} nhập Excel có trợ giúp (${template} gõ thẳng mẫu)`);

  // The keystrokes measured on the real screen, on a sample of the pages the thresholds were not calibrated on.
  const sample = screenSample(results.slice(cut));
  console.error(`Nhập trên màn hình thật ${sample.length} trang (${[...new Set(sample.map((p) => p.book.key))].join(', ')})…`);
  const screen = await keyOnScreen(sample, calibrated);
  const keystrokeRatio = round(screen.screenKeys / screen.spreadsheetKeys);
  console.error(
    `Màn hình thật: ${screen.registrations} việc trên ${screen.pages} trang, ${screen.screenKeys} phím (điền sẵn ${screen.prefilled} trường, ${screen.prefilledWrong} sai), Excel ${screen.spreadsheetKeys} phím, sai ${screen.fieldErrors} trường`,
  );
  console.log(
    JSON.stringify({
      bench: 'ocr',
      metric: 'keystrokes',
      value: screen.screenKeys,
      baseline: screen.spreadsheetKeys,
      ratio: keystrokeRatio,
      keystrokeRatio,
      screenPages: screen.pages,
      screenRegistrations: screen.registrations,
      screenPrefilled: screen.prefilled,
      screenPrefilledWrong: screen.prefilledWrong,
      fieldErrors: screen.fieldErrors,
      screenBooks: screen.books,
      keystrokeRatioModel,
      modelKeys: withPrefill,
      modelBaseline: excel,
      unaidedTemplateKeys: template,
      cer: c,
      fieldAccuracy,
      pagesPerMinute,
      pages: results.length,
      thresholds,
    }),
  );
  if (screen.fieldErrors > 0) process.exitCode = 1;
}

/** OCR_BENCH_SCREEN_PAGES pages (default 12), shared out evenly over the books (a book short of pages leaves its share to the others), spread evenly over each book's pages. */
function screenSample(pages: readonly PageResult[]): SamplePage[] {
  let left = Math.max(1, Number(process.env.OCR_BENCH_SCREEN_PAGES ?? 12));
  const byBook = [...new Set(pages.map((p) => p.book.key))].map((k) => pages.filter((p) => p.book.key === k));
  const share = new Map<PageResult[], number>();
  [...byBook]
    .sort((a, b) => a.length - b.length)
    .forEach((list, i, all) => {
      const n = Math.min(list.length, Math.ceil(left / (all.length - i)));
      share.set(list, n);
      left -= n;
    });
  return byBook.flatMap((list) => {
    const n = share.get(list)!;
    return Array.from({ length: n }, (_, j) => list[Math.floor(((j + 0.5) * list.length) / n)]!).map((p) => ({ book: p.book, seq: p.seq, jpeg: p.jpeg, records: p.records }));
  });
}

const ethnicNames = ETHNIC_GROUPS.map((g) => g.name);
const nationNames = listNationalities().map((n) => n.name);

/** Shortest prefix of a name's search key that no other name shares (the autocomplete's pick). */
function uniquePrefix(value: string, names: readonly string[]): number {
  const key = searchKey(value);
  const others = names.map(searchKey).filter((k) => k !== key);
  for (let n = 1; n <= key.length; n++) if (!others.some((o) => o.startsWith(key.slice(0, n)))) return n;
  return key.length;
}

/** Keys in hotich's keying screen for a field the machine did not pre-fill (the cost model of bench:keying). */
function workbenchKeys(f: FieldDef, value: string, previous: string | undefined): number {
  if (f.type === 'rowNo') return 0;
  if (f.copyForward && value && value === previous) return 1;
  if (f.defaultValue !== undefined && value === f.defaultValue) return 1;
  if (!value) return 1;
  if (f.type === 'date') return value.replace(/\D/g, '').length + 1;
  if (f.type === 'ethnicity') return uniquePrefix(value, ethnicNames) + 2;
  if (f.type === 'nationality') return uniquePrefix(value, nationNames) + 2;
  return [...value].length + 1;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
function kindOf(registerType: string, key: string): FieldKind {
  const def = getTemplate(registerType).fields.find((f) => f.key === key);
  return def ? kindOfType(def.type) : 'text';
}

await main();
