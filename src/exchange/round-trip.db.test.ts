/**
 * The exchange round trip, on both backends: registrations keyed on scanned
 * pages and completed → exported to the MoJ xlsx (createExport) → imported
 * into an EMPTY database (importFile, no book chosen) → the same
 * registrations, value for value, leading zeros of identity numbers kept;
 * and the imported book (rows without page images) exports again to the same
 * "DL Import" rows, with no PDF for them and each one listed in the report.
 */
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends, openTestStore } from '../../test/support/backends.js';
import { readXlsx } from '../../test/support/xlsx-raw.js';
import { testContext } from '../../test/support/context.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { createBook, storeIngestedFile } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { completeRecord, createRecord, listRecordsOfBook, saveRecord } from '../entry/index.js';
import { createExport, openExportFile, importFile } from './index.js';

const KEYED: Record<string, string>[] = [
  { ...CLEAN_KS_RECORD, so: '15', nksSoDinhDanh: '001208012345', meSoDinhDanhCaNhan: '001181012345' },
  { ...CLEAN_KS_RECORD, so: '16', nksHoTen: 'Lê Thị Hoa', nksGioiTinh: '2', nksNgaySinh: '02.10.2008', meLoaiGiayToTuyThan: '1', meSoGiayToTuyThan: '012345678' },
  { ...CLEAN_KS_RECORD, so: '17', nksHoTen: 'Đỗ Minh Khôi', nksLoaiKhaiSinh: '3', chaHoTen: '', chaNgaySinh: '', chaDanToc: '', chaQuocTich: '', ghiChu: 'Ghi chú bên lề: cải chính ngày 12.3.2010' },
].map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));

async function page(i: number) {
  const image = await sharp({ create: { width: 620, height: 877, channels: 3, background: { r: 250, g: 250, b: 245 } } })
    .jpeg()
    .toBuffer();
  return { index: i, image, mime: 'image/jpeg', width: 620, height: 877, thumbnail: image, dhash: i.toString(16).padStart(16, '0'), dpiAtA4: 75, flags: [] as string[] };
}

async function keyBook(ctx: ActorContext): Promise<string> {
  const book = await createBook(ctx, { registerType: 'KS', authority: CLEAN_KS_RECORD.noiDangKy!, yearFrom: 2008, volumeNo: '02/2018' });
  const pages = await Promise.all(KEYED.map((_, i) => page(i + 1)));
  const stored = await storeIngestedFile(ctx, book.id, { name: 'quyen.pdf', sha256: 'f'.repeat(64), kind: 'pdf', original: Buffer.from('q'), pages });
  for (const [i, values] of KEYED.entries()) {
    const rec = await createRecord(ctx, { bookId: book.id, pageIds: [stored.pages[i]!.id], clientTxId: `rt-create-${i}` });
    const saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: `rt-save-${i}`, expectedVersion: rec.version, values });
    await completeRecord(ctx, { recordId: rec.id, clientTxId: `rt-done-${i}`, expectedVersion: saved.version });
  }
  return book.id;
}

/** Exports a book once; `read(kind)` gives the bytes of one of its files. */
async function exportBook(ctx: ActorContext, bookId: string) {
  const view = await createExport(ctx, bookId, { nameCase: 'keep' });
  async function read(kind: 'xlsx' | 'report' | 'manifest'): Promise<{ name: string; bytes: Buffer }> {
    const file = view.files.find((f) => f.kind === kind)!;
    const chunks: Buffer[] = [];
    for await (const c of Readable.from((await openExportFile(ctx, view.id, file.name)).open())) chunks.push(c as Buffer);
    return { name: file.name, bytes: Buffer.concat(chunks) };
  }
  return { view, read };
}

const texts = (xlsx: Buffer, sheet: string) =>
  readXlsx(xlsx)
    .rows(sheet)
    .map((row) => row.map((c) => c.text));

describeBackends('exchange round trip', (store) => {
  let source: ActorContext;
  let disposeSource: () => void;
  let target: Awaited<ReturnType<typeof openTestStore>>;
  let ctx: ActorContext;
  let disposeTarget: () => void;
  beforeAll(async () => {
    ({ ctx: source, dispose: disposeSource } = testContext(store()));
    target = await openTestStore(store().backend);
    ({ ctx, dispose: disposeTarget } = testContext(target.store));
  });
  afterAll(async () => {
    disposeSource();
    disposeTarget();
    await target.dispose();
  });

  it('keyed → exported → imported into an empty database gives the same registrations, field by field', async () => {
    const bookId = await keyBook(source);
    const file = await (await exportBook(source, bookId)).read('xlsx');
    const { view } = await importFile(ctx, { fileName: file.name, bytes: file.bytes });
    expect(view).toMatchObject({ status: 'imported', templateId: 'KS-70', rowsTotal: 3, rowsImported: 3, warnings: 0 });
    const [imported] = view.report.books;
    const bySo = (rows: { values: Record<string, string> }[]) => Object.fromEntries(rows.map((r) => [r.values.so, r.values]));
    const before = bySo(await listRecordsOfBook(source.store.db, source.actor, bookId));
    const after = bySo(await listRecordsOfBook(ctx.store.db, ctx.actor, imported!.id));
    expect(after).toEqual(before);
    expect(after['15']!.nksSoDinhDanh).toBe('001208012345');
    expect(after['16']!.meSoGiayToTuyThan).toBe('012345678');
    const book = await ctx.store.db.selectFrom('books').selectAll().where('id', '=', imported!.id).executeTakeFirstOrThrow();
    expect([book.register_type, book.template_version, book.volume_no, book.year_from, book.authority_text]).toEqual(['KS', 'KS-70', '02/2018', 2008, CLEAN_KS_RECORD.noiDangKy]);
  });

  it('an imported book (no page images) exports again: the same rows, no PDF, each registration listed in the report', async () => {
    const sourceBook = await source.store.db.selectFrom('books').select('id').executeTakeFirstOrThrow();
    const importedBook = await ctx.store.db.selectFrom('books').select('id').executeTakeFirstOrThrow();
    const first = await (await exportBook(source, sourceBook.id)).read('xlsx');
    const again = await exportBook(ctx, importedBook.id);
    expect(texts((await again.read('xlsx')).bytes, 'DL Import')).toEqual(texts(first.bytes, 'DL Import'));
    const manifest = JSON.parse((await again.read('manifest')).bytes.toString('utf8')) as { counts: Record<string, number> };
    expect(manifest.counts).toMatchObject({ registrations: 3, pdfs: 0, withoutPages: 3 });
    const report = (await again.read('report')).bytes;
    const lines = texts(report, readXlsx(report).sheetNames[0]!).flat();
    expect(lines.filter((t) => t === 'export.no_pages')).toHaveLength(3);
  });
});
