/**
 * processFile on PDFs: page-by-page rasterization at the set dpi, and the
 * PDF failures (no pages, password, truncated, oversized page), each a
 * StopIngest naming the file.
 */
import { describe, expect, it } from 'vitest';
import { processFile, StopIngest, type ProcessProgress } from './index.js';
import { encryptedPdf, pdfWithoutPages, textPdf } from '../../test/support/scans.js';
import { hammingDistance } from './near-duplicates.js';

async function stopOf(promise: Promise<unknown>): Promise<StopIngest> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StopIngest);
  return error as StopIngest;
}

describe('processFile: PDF', () => {
  it('rasterizes a 3-page A4 PDF at 150 dpi into 3 distinct pages', async () => {
    const events: ProcessProgress[] = [];
    const started = performance.now();
    const file = await processFile({ name: 'so-khai-sinh.pdf', bytes: await textPdf(['Trang 1', 'Trang 22', 'Trang 333']) }, { onProgress: (e) => events.push(e) });
    console.log(`3-page vector PDF at 150 dpi: ${((performance.now() - started) / 3).toFixed(0)} ms/page`);
    expect(file.kind).toBe('pdf');
    expect(file.pages).toHaveLength(3);
    for (const page of file.pages) {
      expect(page.width).toBeGreaterThanOrEqual(1238);
      expect(page.width).toBeLessThanOrEqual(1242);
      expect(page.height).toBeGreaterThanOrEqual(1752);
      expect(page.height).toBeLessThanOrEqual(1756);
      expect(page.flags).toEqual([]);
    }
    const [a, b, c] = file.pages.map((p) => p.dhash) as [string, string, string];
    expect(Math.min(hammingDistance(a, b), hammingDistance(b, c), hammingDistance(a, c))).toBeGreaterThan(6);
    const decoded = events.filter((e) => e.code === 'ingest.page_decoded').map((e) => `${e.page}/${e.pages}`);
    expect(decoded).toEqual(['1/3', '2/3', '3/3']);
  });

  it('follows the pdfDpi option', async () => {
    const file = await processFile({ name: 'a.pdf', bytes: await textPdf(['Trang 1']) }, { pdfDpi: 300 });
    expect(file.pages[0]).toMatchObject({ width: 2480, height: 3508 });
  });

  it('flags the second of two identical pages as a near-duplicate', async () => {
    const file = await processFile({ name: 'twice.pdf', bytes: await textPdf(['Trang 5', 'Trang 5', 'Trang 66']) });
    expect(file.pages.map((p) => p.flags)).toEqual([[], ['quality.near_duplicate'], []]);
  });

  it('accepts leading junk before %PDF-', async () => {
    const bytes = Buffer.concat([Buffer.alloc(1000, 0x20), await textPdf(['Trang 1'])]);
    expect((await processFile({ name: 'junk.pdf', bytes })).pages).toHaveLength(1);
  });

  it('refuses a PDF whose page tree is empty', async () => {
    const stop = await stopOf(processFile({ name: 'rỗng.pdf', bytes: pdfWithoutPages() }));
    expect(stop.code).toBe('ingest.pdf_no_pages');
    expect(stop.message).toContain('“rỗng.pdf”');
  });

  it('refuses a password-protected PDF', async () => {
    const stop = await stopOf(processFile({ name: 'mật khẩu.pdf', bytes: encryptedPdf() }));
    expect(stop.code).toBe('ingest.pdf_encrypted');
    expect(stop.message).toMatch(/“mật khẩu\.pdf”.*mật khẩu/);
  });

  it('refuses a truncated PDF', async () => {
    const whole = await textPdf(['Trang 1', 'Trang 2', 'Trang 3']);
    for (const cut of [whole.subarray(0, whole.length >> 1), whole.subarray(0, whole.length - 40)]) {
      const stop = await stopOf(processFile({ name: 'cut.pdf', bytes: cut }));
      expect(stop.code).toBe('ingest.pdf_corrupt');
      expect(stop.message).toContain('“cut.pdf”');
    }
  });

  it('refuses a page whose raster would exceed maxPixels, before rendering it', async () => {
    const bytes = await textPdf(['Ban do'], [14_400, 14_400]);
    const stop = await stopOf(processFile({ name: 'ban-do.pdf', bytes }));
    expect(stop.code).toBe('ingest.image_too_large');
    expect(stop.params).toMatchObject({ page: 1, width: 30_000, height: 30_000 });
    expect(stop.message).toContain('“ban-do.pdf” (trang 1)');
  });
});
