/**
 * Ingest into a book on both backends, with real generated scans: JPEG, PNG,
 * a 3-page TIFF, a 3-page PDF and a sideways phone photo become pages in
 * order, with blobs and thumbnails stored; the same file twice gives one set
 * of pages and a message; bad files are reported by name while the rest of
 * the batch goes on, and leave nothing behind. Four 10 900 × 10 900 1-bit
 * pages (14,5 KB each, 119 Mpx decoded) ingested at once all complete while
 * the app's pixel budget, observed as it runs, never holds more than its capacity.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { createBook, listPages } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { ingestFiles, pixelBudgetOf, type IngestProgress } from './index.js';
import { bilevelPng, encryptedPdf, pdfWithoutPages, sidewaysPhoto, textJpeg, textPdf, textPng, threePageTiff } from '../../test/support/scans.js';

describeBackends('ingest', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(() => {
    ({ ctx, dispose } = testContext(store()));
  });
  afterAll(() => dispose());

  it('ingests every kind of scan, in order, with blobs, thumbnails and flags', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
    const progress: IngestProgress[] = [];
    const files = [
      { name: '001.jpg', bytes: await textJpeg(1240, 1754, 20, 1) },
      { name: '002.png', bytes: await textPng(1240, 1754, 22) },
      { name: '003.tif', bytes: await threePageTiff() },
      { name: '004.pdf', bytes: await textPdf(['Trang 1', 'Trang 2', 'Trang 3']) },
      { name: 'IMG_2041.JPG', bytes: await sidewaysPhoto() },
      { name: 'thấp.jpg', bytes: await textJpeg(600, 850, 10, 3) },
    ];
    const summary = await ingestFiles(ctx, book.id, files, (p) => progress.push(p));
    expect(summary.rejected).toEqual([]);
    expect(summary.files.map((f) => f.pages.length)).toEqual([1, 1, 3, 3, 1, 1]);
    const pages = await listPages(ctx, book.id);
    expect(pages.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const p of pages) {
      const image = await ctx.blobs.get(p.sha256!);
      const meta = await sharp(image).metadata();
      expect([meta.width, meta.height]).toEqual([p.width, p.height]);
      expect((await sharp(await ctx.blobs.get(p.thumbnailSha256!)).metadata()).format).toBe('webp');
    }
    const photo = pages[8]!;
    expect(photo.height!).toBeGreaterThan(photo.width!); // upright after EXIF orientation
    expect(pages[9]!.flags).toContain('quality.low_resolution');
    expect(progress.filter((p) => p.code === 'ingest.file_done')).toHaveLength(6);
  }, 120_000);

  it('gives the same file twice one set of pages and a message', async () => {
    const book = await createBook(ctx, { registerType: 'KT', authority: 'UBND xã An Nhơn', yearFrom: 1999 });
    const bytes = await textJpeg(1240, 1754, 20, 9);
    const first = await ingestFiles(ctx, book.id, [{ name: 'a.jpg', bytes }]);
    const again = await ingestFiles(ctx, book.id, [{ name: 'b.jpg', bytes }]);
    expect(first.files).toHaveLength(1);
    expect(again.files).toEqual([]);
    expect(again.duplicates[0]).toMatchObject({ name: 'b.jpg', code: 'ingest.duplicate', pages: [1] });
    expect(again.duplicates[0]!.message).toContain('trùng nội dung với tệp "a.jpg"');
    expect(await listPages(ctx, book.id)).toHaveLength(1);
  });

  it('finds the same file twice within one batch while the next file is decoded during the store', async () => {
    const book = await createBook(ctx, { registerType: 'KT', authority: 'UBND xã An Nhơn', yearFrom: 1998 });
    const a = await textJpeg(1240, 1754, 20, 11);
    const c = await textJpeg(1240, 1754, 25, 12);
    const summary = await ingestFiles(ctx, book.id, [
      { name: 'a.jpg', bytes: a },
      { name: 'b.jpg', bytes: a },
      { name: 'c.jpg', bytes: c },
    ]);
    expect(summary.files.map((f) => [f.name, f.pages.map((p) => p.seq)])).toEqual([
      ['a.jpg', [1]],
      ['c.jpg', [2]],
    ]);
    expect(summary.duplicates).toMatchObject([{ name: 'b.jpg', code: 'ingest.duplicate', pages: [1] }]);
    expect(summary.rejected).toEqual([]);
  });

  it('reports bad files by name, keeps going, and leaves nothing half-stored', async () => {
    const book = await createBook(ctx, { registerType: 'KH', authority: 'UBND xã An Nhơn', yearFrom: 2001 });
    const good = await textJpeg(1240, 1754, 20, 5);
    const summary = await ingestFiles(ctx, book.id, [
      { name: 'rỗng.jpg', bytes: Buffer.alloc(0) },
      { name: 'cắt.jpg', bytes: good.subarray(0, Math.floor(good.length / 2)) },
      { name: 'không-trang.pdf', bytes: pdfWithoutPages() },
      { name: 'khóa.pdf', bytes: encryptedPdf() },
      { name: '../../etc/passwd\u0007.jpg', bytes: Buffer.from('root:x:0:0') },
      { name: 'tốt.jpg', bytes: good },
    ]);
    expect(summary.rejected.map((r) => r.code)).toEqual(['ingest.empty', 'ingest.image_corrupt', 'ingest.pdf_no_pages', 'ingest.pdf_encrypted', 'ingest.unsupported_type']);
    expect(summary.rejected[4]!.message).toContain('passwd.jpg');
    expect(summary.rejected[4]!.message).not.toContain('../');
    summary.rejected.forEach((r, i) => expect(r.message).toContain(i === 4 ? 'passwd.jpg' : r.name));
    expect(summary.files.map((f) => f.name)).toEqual(['tốt.jpg']);
    expect(await listPages(ctx, book.id)).toHaveLength(1);
  });

  it('ingests four 119-megapixel bilevel pages at once within the pixel budget', async () => {
    const budget = pixelBudgetOf(ctx.config);
    const capacity = ctx.config.ingest.megapixelsInFlight * 1e6;
    expect(budget.stats().capacity).toBe(capacity);
    const before = budget.stats();
    const page = bilevelPng(10_900, 10_900);
    expect(page.length).toBeLessThan(16_000);
    const books = await Promise.all([1, 2, 3, 4].map((n) => createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 1960 + n })));
    const seen = { inFlight: 0, pages: 0 };
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const watch = setInterval(() => {
      const s = budget.stats();
      seen.inFlight = Math.max(seen.inFlight, s.inFlight);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 5);
    const started = Date.now();
    try {
      const summaries = await Promise.all(books.map((book, i) => ingestFiles(ctx, book.id, [{ name: `to-${i + 1}.png`, bytes: page }])));
      for (const s of summaries) {
        expect(s.rejected).toEqual([]);
        expect(s.files[0]!.pages).toHaveLength(1);
      }
    } finally {
      clearInterval(watch);
    }
    const after = budget.stats();
    console.log(`4 × 10900² bilevel at once: ${Date.now() - started} ms, budget peak ${(after.peak / 1e6).toFixed(1)} of ${capacity / 1e6} Mpx, RSS +${Math.round((peakRss - baseRss) / 1e6)} MB`);
    expect(peakRss - baseRss).toBeLessThan(1e9); // was 2,98 GB for four such pages before the budget
    expect(after.admitted - before.admitted).toBe(4);
    expect(after.inFlight).toBe(0);
    expect(seen.inFlight).toBeGreaterThan(0);
    expect(seen.inFlight).toBeLessThanOrEqual(capacity);
    expect(after.peak).toBeLessThanOrEqual(capacity);
    // 119 Mpx each against the default 150 Mpx: one page at a time, so three of the four waited.
    expect(after.peakPages).toBe(1);
    expect(after.waited - before.waited).toBeGreaterThanOrEqual(3);
    const stored = await listPages(ctx, books[3]!.id);
    expect(stored[0]).toMatchObject({ width: 10_900, height: 10_900 });
  }, 240_000);
});
