/**
 * Pre-fill on both backends, from one printed page ingested through the real
 * pipeline and read by the ocr.book stage: a keyer's registration on that
 * page gets the machine's values; a field below its kind's threshold is not
 * pre-filled; saving a pre-filled value keeps its provenance (machine or
 * person) in the action log. One page of OCR per backend.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { demoProvince, renderPrintedPage } from '../../src/demo/index.js';
import { createRecord, listActions, saveRecord } from '../../src/entry/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { NEVER, ocrBook, prefillFor } from '../../src/ocr/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';

describeBackends('ocr pre-fill', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let pageId = '';
  let truth: Record<string, string> = {};
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const province = demoProvince(11);
    const demo = province.books.find((b) => b.key === 'ks-2012-cu-van')!;
    const printed = await renderPrintedPage(province.seed, demo, demo.pageList[0]!, { font: 'computer' });
    truth = printed.truth[0]!.values;
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Cù Vân', yearFrom: 2012, volumeNo: '01/2012' });
    bookId = book.id;
    const summary = await ingestFiles(ctx, bookId, [{ name: 'trang-1.jpg', bytes: printed.jpeg }]);
    pageId = summary.files[0]!.pages[0]!.id;
    const result = await ocrBook(ctx, { bookId });
    expect(result).toMatchObject({ pages: 1, read: 1, skipped: [] });
  }, 120_000);
  afterAll(() => dispose());

  let tx = 0;
  const txId = () => `tx-ocr-${String(++tx).padStart(5, '0')}`;

  let first = { id: '', version: 0 };
  it('pre-fills the registration of the first slot with confident machine values, boxes on its page', async () => {
    const rec = await createRecord(ctx, { bookId, pageIds: [pageId], clientTxId: txId() });
    first = { id: rec.id, version: rec.version };
    const pre = await prefillFor(ctx, rec.id);
    expect(pre.row).toBe(0);
    expect(pre.fields.so).toMatchObject({ value: truth.so, prefill: true });
    expect(pre.fields.nksHoTen!.value).toBe(truth.nksHoTen);
    expect(pre.fields.nksHoTen!.box.pageId).toBe(pageId);
    const prefilled = Object.values(pre.fields).filter((f) => f.prefill);
    expect(prefilled.length).toBeGreaterThan(10);
    for (const f of prefilled) expect(f.uncertain).toEqual([]);
  });

  it('does not pre-fill a field below its kind threshold', async () => {
    await ctx.store.db.insertInto('ocr_thresholds').values({ kind: 'name', threshold: NEVER, samples: 40, accuracy: 0.5 }).execute();
    const rec = first;
    const pre = await prefillFor(ctx, rec.id);
    expect(pre.fields.nksHoTen).toMatchObject({ prefill: false, threshold: NEVER });
    expect(pre.fields.so!.prefill).toBe(true);
    await ctx.store.db.deleteFrom('ocr_thresholds').execute();
  });

  it('keeps the provenance of a confirmed machine value and of a corrected one in the action log', async () => {
    const rec = first;
    const pre = await prefillFor(ctx, rec.id);
    await saveRecord(ctx, {
      recordId: rec.id,
      clientTxId: txId(),
      expectedVersion: rec.version,
      values: { so: pre.fields.so!.value, nksHoTen: 'Tên Người Sửa' },
      provenance: { so: 'machine', nksHoTen: 'person' },
    });
    const keyed = (await listActions(ctx.store.db, rec.id)).find((a) => a.kind === 'keyed')!;
    expect(keyed.payload).toMatchObject({ values: { so: pre.fields.so!.value, nksHoTen: 'Tên Người Sửa' }, provenance: { so: 'machine', nksHoTen: 'person' } });
  });
});
