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
 * The aids never fill anything unasked, so what is saved is what it typed or
 * accepted; the bench checks the saved record against the truth.
 */
import type { Page } from 'playwright-core';

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
    if (want === '' || (await keys.page.locator(`#f-${key}`).inputValue()) === want) continue;
    await jumpTo(keys, key);
    await keyField(keys, key, want);
  }
}
