/**
 * markNearDuplicates and the dhash distance it relies on. Measured on
 * generated A4 text pages (distance to the original, of 64 bits): JPEG q50
 * re-encode 2, 80 % rescale 1, 10 px shift 2, 1° rotation 5, 15 % darker 6;
 * another page of the same layout 4–9. So ≤ 3 catches re-scans of the same
 * sheet (not rotated or darkened ones) without flagging the other pages of a
 * ruled book; a flag is a hint for a person, never a reason to drop a page.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PageFlag } from './ingest.types.js';
import { hammingDistance, markNearDuplicates } from './near-duplicates.js';
import { analyzePage } from './page-quality.js';
import { A4_150, textPageSvg } from '../../test/support/scans.js';

const page = (dhash: string, flags: PageFlag[] = []) => ({ dhash, flags });

describe('hammingDistance', () => {
  it('counts differing bits of two 64-bit hex hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000ff', '000000000000000f')).toBe(4);
  });

  it('refuses anything but 16 hex digits', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow();
  });
});

describe('markNearDuplicates', () => {
  it('flags a later page close to an earlier one in the same file, not the first', () => {
    const pages = [page('00000000000000ff'), page('ffff000000000000'), page('000000000000007f')];
    expect(markNearDuplicates(pages)).toEqual([2]);
    expect(pages.map((p) => p.flags)).toEqual([[], [], ['quality.near_duplicate']]);
  });

  it('flags pages close to existing pages of the book, within maxDistance', () => {
    const pages = [page('00000000000000ff'), page('0f0f0f0f0f0f0f0f')];
    expect(markNearDuplicates(pages, [{ dhash: '000000000000003f' }])).toEqual([0]);
    expect(markNearDuplicates([page('00000000000000ff')], [{ dhash: '000000000000003f' }], 1)).toEqual([]);
  });

  it('leaves blank pages out on both sides, and works on bare hashes', () => {
    const blanks = [page('0000000000000000', ['quality.blank']), page('0000000000000000', ['quality.blank'])];
    expect(markNearDuplicates(blanks)).toEqual([]);
    expect(markNearDuplicates([page('0000000000000000')], [{ dhash: '0000000000000000', flags: ['quality.blank'] }])).toEqual([]);
    expect(markNearDuplicates([{ dhash: '0000000000000001' }], [{ dhash: '0000000000000000' }])).toEqual([0]);
  });

  it('does not add the flag twice', () => {
    const again = page('0000000000000001', ['quality.near_duplicate']);
    markNearDuplicates([again], [{ dhash: '0000000000000000' }]);
    expect(again.flags).toEqual(['quality.near_duplicate']);
  });
});

describe('dhash on re-scans of one sheet', () => {
  const hashOf = async (image: Buffer) => {
    const { width = 0, height = 0 } = await sharp(image).metadata();
    return (await analyzePage(image, width, height)).dhash;
  };

  it('keeps a re-encoded or rescaled copy within the default distance', async () => {
    const original = await sharp(textPageSvg({ ...A4_150, lines: 25, seed: 1 }))
      .jpeg({ quality: 90 })
      .toBuffer();
    const base = await hashOf(original);
    const reencoded = await hashOf(await sharp(original).jpeg({ quality: 50 }).toBuffer());
    const rescaled = await hashOf(await sharp(original).resize(992).jpeg().toBuffer());
    expect(hammingDistance(base, reencoded)).toBeLessThanOrEqual(3);
    expect(hammingDistance(base, rescaled)).toBeLessThanOrEqual(3);
  });
});
