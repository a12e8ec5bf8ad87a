/**
 * runDemo on both backends, with one or two books to keep it quick: on an
 * empty database it inventories the books, ingests their rendered pages and
 * keys the chosen registrations (record row + one 'imported' action, values
 * = ground truth, page_ids = the page the entry is on); a second run is
 * refused with a Vietnamese message (runDemoIfEmpty does nothing); with force and units loaded, the
 * authority resolves and a custom keyRecord receives every keyed entry.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { listPages } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { isAppError } from '../core/index.js';
import { listActions, listRecordsOfBook } from '../entry/index.js';
import { ensureBuiltinUnits } from '../units/index.js';
import { demoProvince, runDemo, runDemoIfEmpty, type DemoKeyInput } from './index.js';

const SEED = 31;
const truth = demoProvince(SEED);
const bookOf = (key: string) => truth.books.find((b) => b.key === key)!;

describeBackends('demo', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(() => {
    ({ ctx, dispose } = testContext(store()));
  });
  afterAll(() => dispose());

  it('fills an empty database: books, pages, keyed records with their truth', async () => {
    const summary = await runDemo(ctx, { seed: SEED, only: ['kh-1995-la-bang'] });
    const book = bookOf('kh-1995-la-bang');
    const keyed = book.pageList.flatMap((p) => p.records).filter((r) => r.keyed);
    expect(summary).toMatchObject({ seed: SEED, pages: book.pages, records: book.pageList.flatMap((p) => p.records).length, keyed: keyed.length });
    const [made] = summary.books;
    expect(made).toMatchObject({ title: 'Sổ đăng ký kết hôn 01/1995', authority: 'UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái', authorityUnit: null });
    const pages = await listPages(ctx, made!.id);
    expect(pages.map((p) => [p.seq, p.width, p.height])).toEqual(book.pageList.map((p) => [p.seq, 2339, 1654]));
    const records = await listRecordsOfBook(ctx.store.db, ctx.actor, made!.id);
    expect(records.map((r) => r.values)).toEqual(keyed.map((r) => r.values));
    for (const r of records) {
      expect(r.page_ids).toEqual([pages.find((p) => String(p.seq) === r.values.trangSo)!.id]);
      expect(r).toMatchObject({ register_type: 'KH', template_version: 'KH-44', status: 'draft', version: 2 });
      const base = `demo-${made!.id}-${r.values.so}`;
      expect((await listActions(ctx.store.db, r.id)).map((a) => [a.kind, a.client_tx_id])).toEqual([
        ['created', `${base}-create`],
        ['keyed', `${base}-key`],
      ]);
    }
  }, 120_000);

  it('refuses a database that already has books', async () => {
    const err = await runDemo(ctx, { seed: SEED }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('demo.not_empty');
    expect((err as Error).message).toMatch(/đã có 1 quyển sổ/);
    expect(await runDemoIfEmpty(ctx, { seed: SEED })).toBeUndefined();
  });

  it('with force: resolves the authority when units are loaded, and keys through the given callback', async () => {
    await ensureBuiltinUnits(ctx);
    const keyedInputs: DemoKeyInput[] = [];
    const summary = await runDemo(ctx, { seed: SEED, force: true, only: ['ks-1985-la-bang'], keyRecord: async (_ctx, input) => keyedInputs.push(input) });
    const book = bookOf('ks-1985-la-bang');
    expect(summary.books[0]).toMatchObject({ authority: 'UBND xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái', authorityUnit: { id: 'legacy:commune:05815' } });
    expect(keyedInputs.map((k) => k.values)).toEqual(
      book.pageList
        .flatMap((p) => p.records)
        .filter((r) => r.keyed)
        .map((r) => r.values),
    );
    expect(keyedInputs[0]).toMatchObject({ registerType: 'KS', templateId: 'KS-70', seed: SEED, clientTxId: `demo-${summary.books[0]!.id}-1` });
    expect(await listRecordsOfBook(ctx.store.db, ctx.actor, summary.books[0]!.id)).toEqual([]);
  }, 120_000);
});
