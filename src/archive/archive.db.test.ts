/**
 * The inventory on both backends: creating books (register type from the
 * catalog, authority resolved when the units know it, Vietnamese errors),
 * listing, changing, and the page operations (reorder, missing, blank).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import type { ActorContext } from '../auth/index.js';
import { importBatches, historicBatch } from '../units/index.js';
import { createBook, describeBook, getBook, insertMissingPage, listBooks, listPages, reorderPages, setPageStatus, updateBook, storeIngestedFile } from './index.js';
import { provinceOfBook } from '../store/index.js';

const page = (i: number) => fakeIncomingPage(i);

describeBackends('archive', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await importBatches(
      store().db,
      [
        {
          format: 'test',
          source: 'test',
          warnings: [],
          successors: [],
          aliases: [],
          units: [
            { scheme: 'legacy', level: 'province', code: '68', name: 'Tỉnh Lâm Đồng', kind: 'tinh' },
            { scheme: 'legacy', level: 'district', code: '682', name: 'Huyện Đạ Tẻh', kind: 'huyen', parentCode: '68' },
            { scheme: 'legacy', level: 'commune', code: '25000', name: 'Xã An Nhơn', kind: 'xa', parentCode: '682' },
          ],
        },
      ],
      'test',
    );
    expect(historicBatch().units.length).toBeGreaterThan(0);
  });
  afterAll(() => dispose());

  it('creates a book, keeping the authority as written and resolving its unit', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', yearFrom: 2008, volumeNo: '02/2008' });
    expect(book).toMatchObject({ registerType: 'KS', templateId: 'KS-70', authority: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', yearFrom: 2008 });
    expect(book.authorityUnit).toMatchObject({ id: 'legacy:commune:25000', path: 'Xã An Nhơn, Huyện Đạ Tẻh, Tỉnh Lâm Đồng' });
    const described = await describeBook(ctx, await getBook(ctx, book.id));
    expect(described.authorityUnit?.chain?.map((u) => [u.name, u.level])).toEqual([
      ['Tỉnh Lâm Đồng', 'province'],
      ['Huyện Đạ Tẻh', 'district'],
      ['Xã An Nhơn', 'commune'],
    ]);
    expect(described.authorityUnit?.chain?.at(-1)?.id).toBe('legacy:commune:25000');
    const unknown = await createBook(ctx, { registerType: 'kt', authority: 'Ban Tư pháp xã Nowhere', yearFrom: 1985 });
    expect(unknown.authorityUnit).toBeNull();
    expect(unknown.templateId).toBe('KT-48');
  });

  it('refuses bad input with Vietnamese messages', async () => {
    await expect(createBook(ctx, { registerType: 'XX', authority: 'UBND xã A', yearFrom: 2000 })).rejects.toThrow(/Loại sổ "XX"/);
    await expect(createBook(ctx, { registerType: 'KS', authority: 'UBND xã A', yearFrom: 1200 })).rejects.toThrow(/1850/);
    await expect(createBook(ctx, { registerType: 'KS', authority: 'UBND xã A', yearFrom: 2000, yearTo: 1999 })).rejects.toThrow(/Năm kết thúc/);
    await expect(getBook(ctx, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/Không tìm thấy quyển sổ/);
  });

  it('lists and changes books', async () => {
    const book = await createBook(ctx, { registerType: 'KH', authority: 'UBND xã An Nhơn', yearFrom: 1999, pageCount: 100 });
    const changed = await updateBook(ctx, book.id, { condition: 'damaged', custody: 'Tủ 3, UBND xã', declaredEventCount: 87 });
    expect(changed).toMatchObject({ condition: 'damaged', custody: 'Tủ 3, UBND xã', declaredEventCount: 87, pageCount: 100 });
    expect((await listBooks(ctx)).items.map((b) => b.id)).toContain(book.id);
  });

  it('appends pages, reorders them, inserts a missing page and marks a blank one', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2010 });
    await storeIngestedFile(ctx, book.id, { name: 'a.pdf', sha256: 'a'.repeat(64), kind: 'pdf', original: Buffer.from('a'), pages: [page(1), page(2), page(3)] });
    const pages = await listPages(ctx, book.id);
    expect(pages.map((p) => p.seq)).toEqual([1, 2, 3]);
    const [p1, p2, p3] = pages;
    const reordered = await reorderPages(ctx, book.id, { pageIds: [p3!.id, p1!.id, p2!.id] });
    expect(reordered.map((p) => p.id)).toEqual([p3!.id, p1!.id, p2!.id]);
    expect(reordered.map((p) => p.seq)).toEqual([1, 2, 3]);
    await expect(reorderPages(ctx, book.id, { pageIds: [p1!.id, p2!.id] })).rejects.toThrow(/đúng 3 trang/);
    const withGap = await insertMissingPage(ctx, book.id, { afterSeq: 1, note: 'Trang bị xé' });
    expect(withGap.map((p) => p.status)).toEqual(['present', 'missing', 'present', 'present']);
    expect(withGap[1]).toMatchObject({ seq: 2, note: 'Trang bị xé', sha256: null });
    const blank = await setPageStatus(ctx, book.id, p2!.id, { status: 'blank' });
    expect(blank.status).toBe('blank');
    await expect(setPageStatus(ctx, book.id, withGap[1]!.id, { status: 'present' })).rejects.toThrow(/chưa có ảnh/);
  });

  it('refuses the same file twice in one book', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2011 });
    const file = { name: 'b.jpg', sha256: 'b'.repeat(64), kind: 'jpeg', original: Buffer.from('b'), pages: [page(7)] };
    await storeIngestedFile(ctx, book.id, file);
    await expect(storeIngestedFile(ctx, book.id, file)).rejects.toThrow(/đã được nhập/);
    expect(await listPages(ctx, book.id)).toHaveLength(1);
  });

  it('keeps concurrent appends to one book in one sequence', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2012 });
    await Promise.all(
      [1, 2, 3, 4].map((n) => storeIngestedFile(ctx, book.id, { name: `${n}.jpg`, sha256: String(n).repeat(64), kind: 'jpeg', original: Buffer.from([n]), pages: [page(n), page(n + 10)] })),
    );
    expect((await listPages(ctx, book.id)).map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lists each book with its progress: pages scanned, registrations keyed and completed', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2013 });
    await storeIngestedFile(ctx, book.id, { name: 'p.jpg', sha256: 'c'.repeat(64), kind: 'jpeg', original: Buffer.from('c'), pages: [page(21), page(22)] });
    const rows = ['draft', 'completed', 'completed'].map((status) => ({
      book_id: book.id,
      province_code: provinceOfBook(book.id),
      register_type: 'KS',
      template_version: 'KS-70',
      status,
      values: {},
      page_ids: '[]',
    }));
    await store().db.insertInto('records').values(rows).execute();
    const listed = (await listBooks(ctx)).items.find((b) => b.id === book.id);
    expect(listed?.progress).toEqual({ pagesScanned: 2, recordsKeyed: 3, recordsCompleted: 2 });
  });
});
