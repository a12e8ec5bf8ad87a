/**
 * The scripted keyer of bench:keying: types a registration's ground truth
 * into the REAL keying screen (Chromium via playwright-core), and every key
 * it sends goes through `Keys`, which counts it at the page API: one per
 * keyboard.press (a chord such as Alt+N is one), one per character of
 * keyboard.type, one per click.
 *
 * How it keys a record, like a keyer who reads the screen:
 * - it follows the focus order (Tab), field by field; a field the truth
 *   leaves empty gets Tab;
 * - when the aids offer the true value (or the true next word of a name) it
 *   takes it with Enter (↓ first when it is not the first offer) if that
 *   costs fewer keys than typing the rest; otherwise it types the next
 *   character and looks again; a whole value typed ends with Tab;
 * - dates are typed as digits (06062008); code lists by their code;
 * - a field the focus order skipped but the truth fills is reached with
 *   Ctrl+J and its MoJ key.
 * - a field the machine pre-filled (src/ocr, bench:ocr): the same rule meets
 *   it: a right value is confirmed with Tab (1 key); a wrong one is cleared
 *   (Ctrl+A, Backspace) and keyed as above; a wrong value in a field Tab
 *   passes over is reached with Ctrl+J and cleared the same way.
 * The aids never fill anything unasked (the machine's pre-fill is put in when
 * the record opens, before the keyer starts: keyBook waits for it), so what
 * is saved is what it typed, accepted or confirmed; the benches check the
 * saved records against the truth (readBack).
 * keyBook adds the registrations of a book on their pages as a keyer does
 * (the button for the first, Alt+PgDn and Alt+N after) and keys each one.
 */
import type { FastifyInstance } from 'fastify';
import type { Page, Response } from 'playwright-core';

export type Values = Record<string, string>;

export class Keys {
  count = 0;
  /** Keys spent per field (summed over records), for KEYING_TRACE. */
  readonly perField = new Map<string, number>();
  constructor(readonly page: Page) {}
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.count++;
      await this.page.keyboard.press(key);
    }
  }
  async type(text: string): Promise<void> {
    this.count += [...text].length;
    await this.page.keyboard.type(text);
  }
  async click(locator: { click(): Promise<void> }): Promise<void> {
    this.count++;
    await locator.click();
  }
}

interface FieldState {
  value: string;
  select: boolean;
  date: boolean;
  offers: { value: string; word: boolean }[];
}

/** The focused field of the record form (empty outside it). */
export const activeField = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.closest('form.record-form') ? el.name : '';
  });

const fieldState = (page: Page, key: string) =>
  page.evaluate((key): FieldState => {
    const el = document.querySelector<HTMLInputElement>(`#f-${key}`)!;
    const row = document.querySelector(`[data-field="${key}"]`)!;
    const offers = Array.from(row.querySelectorAll<HTMLElement>('[data-testid="suggestions"] [role="option"]')).map((li) => ({ value: li.dataset.value ?? '', word: li.dataset.word === '1' }));
    return { value: el.value, select: el.tagName === 'SELECT', date: el.classList.contains('w-date'), offers };
  }, key);

/** What the keyer types for a value: a full date as its digits, anything else as written. */
const typedForm = (value: string, date: boolean) => (date && /^\d{2}\.\d{2}\.\d{4}$/.test(value) ? value.replace(/\./g, '') : value);

/** The best offer to take, if taking it is cheaper than typing on: its index and whether it completes the field. */
function bestOffer(s: FieldState, truth: string, target: string): { index: number; done: boolean } | undefined {
  let best: { index: number; done: boolean; gain: number } | undefined;
  const left = target.length - s.value.length;
  s.offers.forEach((o, index) => {
    const done = o.value === truth || (o.word && o.value.trimEnd() === truth);
    const partial = o.word && !done && truth.startsWith(o.value);
    if (!done && !partial) return;
    // Taking: ↓ × index, Enter (a completed name's last word still needs Tab). Typing instead: the rest (and Tab when it completes).
    const cost = index + 1 + (done && o.word ? 1 : 0);
    const saved = done ? left + 1 : o.value.length - s.value.length;
    if (cost < saved && (!best || saved - cost > best.gain)) best = { index, done, gain: saved - cost };
  });
  return best;
}

/** Keys one field whose focus the keyer has; leaves focus on the next field of the order. */
export async function keyField(keys: Keys, key: string, truth: string): Promise<void> {
  const before = keys.count;
  await keyFieldSteps(keys, key, truth);
  keys.perField.set(key, (keys.perField.get(key) ?? 0) + keys.count - before);
}

async function keyFieldSteps(keys: Keys, key: string, truth: string): Promise<void> {
  const page = keys.page;
  for (;;) {
    const s = await fieldState(page, key);
    if (s.value === truth || (truth === '' && s.value === '')) return keys.press('Tab');
    const target = typedForm(truth, s.date);
    if (s.select) {
      if (s.offers[0]?.value === truth) return keys.press('Enter');
      await keys.type(truth);
      return keys.press('Tab');
    }
    const take = bestOffer(s, truth, target);
    if (take) {
      await keys.press('ArrowDown', take.index);
      await keys.press('Enter');
      if (take.done && s.offers[take.index]!.word) return keys.press('Tab');
      if (take.done) return;
      continue;
    }
    if (s.value === target) return keys.press('Tab');
    if (!target.startsWith(s.value)) {
      // Something else is in the field (should not happen: nothing is filled unasked): clear it and type the value.
      await keys.press('Control+KeyA');
      await keys.press('Backspace');
      continue;
    }
    await keys.type(target[s.value.length]!);
  }
}

/** Ctrl+J, the field's MoJ key, ↓ to it if needed, Enter: the cursor is in a field Tab would skip. */
export async function jumpTo(keys: Keys, key: string): Promise<void> {
  await keys.press('Control+KeyJ');
  await keys.type(key);
  const hits = await keys.page.locator('.quick-pick [role="option"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key ?? ''));
  const at = hits.indexOf(key);
  if (at < 0) throw new Error(`Ctrl+J không tìm thấy trường ${key}`);
  await keys.press('ArrowDown', at);
  await keys.press('Enter');
}

/** Keys a whole record from the first field: the focus order, then the fields it skipped that the truth fills. */
export async function keyRecord(keys: Keys, truth: Values, fieldKeys: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  for (let key = await activeField(keys.page); key && !seen.has(key); key = await activeField(keys.page)) {
    seen.add(key);
    await keyField(keys, key, truth[key] ?? '');
  }
  for (const key of fieldKeys) {
    const want = truth[key] ?? '';
    const input = keys.page.locator(`#f-${key}`);
    // A field Tab passed over is empty unless the machine pre-filled it (a wrong value there is cleared too).
    if (want === '' && (seen.has(key) || (await input.count()) === 0)) continue;
    if ((await input.inputValue()) === want) continue;
    await jumpTo(keys, key);
    await keyField(keys, key, want);
  }
}

export interface Registration {
  /** The page's number in the app's book (1-based, as the screen shows it). */
  page: number;
  values: Values;
}

async function waitForNewRecord(page: Page, previousHash: string): Promise<void> {
  await page.waitForFunction((prev) => location.hash !== prev && location.hash.startsWith('#/records/') && (document.activeElement as HTMLInputElement | null)?.name === 'so', previousHash, {
    timeout: 20_000,
  });
  await page.getByTestId('record-status').filter({ hasText: 'Đang nhập' }).waitFor();
}

interface Reading {
  fields: Record<string, { value: string; prefill: boolean }>;
}

/** Waits until the machine's reading of the open record (GET /api/records/:id/ocr) is in the form: the keyer starts on what the screen shows. */
async function waitForMachineRead(page: Page, readings: Map<string, Promise<Reading>>): Promise<Record<string, string>> {
  const id = /^#\/records\/([^/?]+)/.exec(await page.evaluate(() => location.hash))?.[1] ?? '';
  const deadline = Date.now() + 20_000;
  while (!readings.has(id)) {
    if (Date.now() > deadline) throw new Error(`Không thấy kết quả máy đọc của bản ghi ${id}.`);
    await page.waitForTimeout(50);
  }
  const chosen = Object.fromEntries(Object.entries((await readings.get(id)!).fields).flatMap(([k, f]) => (f.prefill ? [[k, f.value]] : [])));
  await page.waitForFunction(
    (want) =>
      Object.entries(want).every(([k, v]) => {
        const el = document.querySelector<HTMLInputElement>(`#f-${k}`);
        return !el || el.value === v;
      }),
    chosen,
    { timeout: 20_000 },
  );
  return chosen;
}

export interface KeyBookOptions {
  /** The records open with the machine's pre-fill: wait for it before keying each one. */
  machineRead?: boolean;
  /** Prints the keys per record and per field. */
  trace?: boolean;
}

/** Opens the book, adds each registration on its page and keys it; saves. Returns the keys sent, the fields the machine pre-filled and how many of those were wrong. */
export async function keyBook(
  page: Page,
  base: string,
  bookId: string,
  truth: readonly Registration[],
  fieldKeys: readonly string[],
  opts: KeyBookOptions = {},
): Promise<{ keys: number; prefilled: number; prefilledWrong: number }> {
  const keys = new Keys(page);
  const readings = new Map<string, Promise<Reading>>();
  const listen = (r: Response) => {
    const m = /^\/api\/records\/([^/]+)\/ocr$/.exec(new URL(r.url()).pathname);
    if (m && r.request().method() === 'GET') readings.set(m[1]!, r.json() as Promise<Reading>);
  };
  if (opts.machineRead) page.on('response', listen);
  let [prefilled, prefilledWrong] = [0, 0];
  try {
    await page.goto(`${base}/#/books/${bookId}`);
    let hash = await page.evaluate(() => location.hash);
    await keys.click(page.getByRole('button', { name: `Thêm bản ghi cho trang ${truth[0]!.page}` }));
    let shown = truth[0]!.page;
    for (const [i, record] of truth.entries()) {
      if (i > 0) {
        if (record.page > shown) await keys.press('Alt+PageDown', record.page - shown);
        shown = record.page;
        await keys.press('Alt+KeyN');
      }
      await waitForNewRecord(page, hash);
      hash = await page.evaluate(() => location.hash);
      if (opts.machineRead) {
        const chosen = Object.entries(await waitForMachineRead(page, readings));
        prefilled += chosen.length;
        prefilledWrong += chosen.filter(([k, v]) => v !== (record.values[k] ?? '')).length;
      }
      if ((await activeField(page)) !== 'so') throw new Error('Con trỏ không ở trường đầu tiên.');
      const before = keys.count;
      await keyRecord(keys, record.values, fieldKeys);
      if (opts.trace) console.error(`  bản ghi ${i + 1}: ${keys.count - before} phím`);
    }
    if (opts.trace)
      console.error(
        '  ' +
          [...keys.perField.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `${k} ${n}`)
            .join(', '),
      );
    await keys.press('Control+KeyS');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor({ timeout: 20_000 });
  } finally {
    page.off('response', listen);
  }
  return { keys: keys.count, prefilled, prefilledWrong };
}

/** Reads the book's saved records back (as the keyer) and counts the fields that differ from the truth; a missing or extra record counts all its fields. */
export async function readBack(app: FastifyInstance, auth: Record<string, string>, bookId: string, truth: readonly Registration[], fieldCount: number): Promise<number> {
  const list = (await app.inject({ method: 'GET', url: `/api/books/${bookId}/records?offset=0&limit=200`, headers: auth })).json<{ items: { id: string }[] }>();
  const saved = await Promise.all(list.items.map(async (r) => (await app.inject({ method: 'GET', url: `/api/records/${r.id}`, headers: auth })).json<{ values: Values }>().values));
  const bySo = new Map(saved.map((v) => [v.so ?? '', v]));
  let fieldErrors = 0;
  for (const { values } of truth) {
    const got = bySo.get(values.so ?? '') ?? {};
    for (const key of new Set([...Object.keys(values), ...Object.keys(got)])) if ((values[key] ?? '') !== (got[key] ?? '')) fieldErrors++;
  }
  if (saved.length !== truth.length) fieldErrors += Math.abs(saved.length - truth.length) * fieldCount;
  return fieldErrors;
}
