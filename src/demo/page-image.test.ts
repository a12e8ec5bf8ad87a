/**
 * Demo pages: the SVG carries the title, quyển and the entries' text in NFC
 * (escaped), the same seed draws the same page, and the JPEG decodes at the
 * demo page size.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { markNearDuplicates, processFile } from '../ingest/index.js';
import { demoProvince } from './demo-truth.js';
import { pageFileName, renderPageJpeg } from './page-image.js';
import { DEMO_PAGE, pageSvg, wrapText } from './page-svg.js';
import { createRng } from './prng.js';

const province = demoProvince(11);
const book = province.books.find((b) => b.registerType === 'KS' && b.year === 2008)!;
const page = book.pageList[0]!;

const SEED_FOR_FLAGS = 20261125;

describe('demo pages', () => {
  it('draw the heading and every registration of the page', () => {
    const svg = pageSvg(book, page, createRng(1));
    expect(svg).toContain('SỔ ĐĂNG KÝ KHAI SINH');
    expect(svg).toContain('Quyển số: 02/2008');
    for (const r of page.records) expect(svg).toContain(`>${r.values.nksNgaySinh!}<`);
    expect(svg).toBe(svg.normalize('NFC'));
    expect(svg).toBe(pageSvg(book, page, createRng(1)));
  });

  it('render as a JPEG of the page size that decodes', async () => {
    const jpeg = await renderPageJpeg(11, book, page);
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', DEMO_PAGE.width, DEMO_PAGE.height]);
    expect(pageFileName(book, page)).toBe('2008-KS-02-p001.jpg');
  });

  it('wrap words to the column width', () => {
    expect(wrapText('xã La Bằng, huyện Đại Từ, tỉnh Bắc Thái', 16)).toEqual(['xã La Bằng,', 'huyện Đại Từ,', 'tỉnh Bắc Thái']);
    expect(wrapText('', 10)).toEqual([]);
  });

  it('are not flagged as near-duplicates of each other, though they share one ruled layout', async () => {
    const book = demoProvince(SEED_FOR_FLAGS).books[0]!;
    const pages = [];
    for (const page of book.pageList) {
      const processed = await processFile({ name: pageFileName(book, page), bytes: await renderPageJpeg(SEED_FOR_FLAGS, book, page) });
      pages.push(...processed.pages);
    }
    expect(pages.length).toBe(book.pageList.length);
    expect(markNearDuplicates(pages)).toEqual([]);
  }, 60_000);
});
