/**
 * processFile on image files: masters, thumbnails, orientation, formats and
 * flags, on inputs generated here (scans.fixture.ts).
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processFile, type ProcessProgress } from './index.js';
import { A4_150, grainyJpeg, sidewaysPhoto, textJpeg, textPageSvg, textPng, threePageTiff } from './scans.fixture.js';

const size = async (image: Buffer) => {
  const { width, height, format } = await sharp(image).metadata();
  return { width, height, format };
};

describe('processFile: images', () => {
  it('normalizes a JPEG scan into one page with master, thumbnail, hash and no flags', async () => {
    const bytes = await textJpeg(A4_150.width, A4_150.height);
    const events: ProcessProgress[] = [];
    const file = await processFile({ name: 'trang-001.jpg', bytes }, { onProgress: (e) => events.push(e) });
    expect(file).toMatchObject({ name: 'trang-001.jpg', kind: 'jpeg' });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [page] = file.pages;
    expect(page).toMatchObject({ index: 0, mime: 'image/jpeg', width: 1240, height: 1754, flags: [] });
    expect(page?.dhash).toMatch(/^[0-9a-f]{16}$/);
    expect(page?.dpiAtA4).toBeCloseTo(150, 0);
    expect(await size(page!.image)).toEqual({ width: 1240, height: 1754, format: 'jpeg' });
    expect(await size(page!.thumbnail)).toEqual({ width: 212, height: 300, format: 'webp' });
    expect(events.map((e) => e.code)).toEqual(['ingest.sniffed', 'ingest.expanded', 'ingest.page_decoded', 'ingest.page_analyzed', 'ingest.done']);
  });

  it('re-encodes a PNG scan as a JPEG master', async () => {
    const file = await processFile({ name: 'scan.png', bytes: await textPng(1654, 2339) });
    expect(file.kind).toBe('png');
    expect(file.pages[0]).toMatchObject({ mime: 'image/jpeg', width: 1654, height: 2339 });
  });

  it('keeps PNG for bilevel and palette inputs', async () => {
    const svg = textPageSvg({ ...A4_150, lines: 10 });
    const g4 = await sharp(svg).removeAlpha().toColourspace('b-w').tiff({ bitdepth: 1, compression: 'ccittfax4' }).toBuffer();
    const palette = await sharp(svg).png({ palette: true, colours: 16 }).toBuffer();
    for (const [name, bytes] of [['g4.tif', g4], ['palette.png', palette]] as const) {
      const [page] = (await processFile({ name, bytes })).pages;
      expect(page?.mime, name).toBe('image/png');
      expect((await sharp(page!.image).metadata()).isPalette, name).toBe(true);
    }
  });

  it('expands a 3-page TIFF into 3 distinct pages', async () => {
    const file = await processFile({ name: 'batch.tif', bytes: await threePageTiff() });
    expect(file.kind).toBe('tiff');
    expect(file.pages.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(new Set(file.pages.map((p) => p.dhash)).size).toBe(3);
    expect(file.pages.every((p) => p.width === 1240 && p.height === 1754 && p.flags.length === 0)).toBe(true);
  });

  it('turns a phone photo with EXIF orientation 6 upright and strips its metadata', async () => {
    const bytes = await sidewaysPhoto();
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 800, height: 600, orientation: 6 });
    const [page] = (await processFile({ name: 'IMG_0001.jpg', bytes })).pages;
    expect(page).toMatchObject({ width: 600, height: 800 });
    const meta = await sharp(page!.image).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    // The red band drawn at the top of the upright page is at the top, not at a side.
    const { data } = await sharp(page!.image).resize(6, 8, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const redAt = (x: number, y: number) => (data[(y * 6 + x) * 3] ?? 0) > 200 && (data[(y * 6 + x) * 3 + 1] ?? 255) < 80;
    expect(redAt(3, 0)).toBe(true);
    expect(redAt(0, 4) || redAt(5, 4) || redAt(3, 7)).toBe(false);
  });

  it('flags a blank page and a low-resolution page', async () => {
    const blank = await sharp({ create: { ...A4_150, channels: 3, background: '#fdfdfd' } }).jpeg().toBuffer();
    expect((await processFile({ name: 'blank.jpg', bytes: blank })).pages[0]?.flags).toEqual(['quality.blank']);
    const small = await processFile({ name: 'small.jpg', bytes: await textJpeg(600, 850) });
    expect(small.pages[0]?.flags).toEqual(['quality.low_resolution']);
    expect(small.pages[0]?.dpiAtA4).toBeCloseTo(72.7, 1);
  });

  it('accepts WebP and cleans a hostile name', async () => {
    const bytes = await sharp(textPageSvg({ ...A4_150, lines: 8 })).webp().toBuffer();
    const file = await processFile({ name: '../../etc/passwd\u0007.jpg', bytes });
    expect(file).toMatchObject({ name: 'passwd.jpg', kind: 'webp' });
  });

  it('processes a 3000×4000 phone-size JPEG page (timing printed, not asserted)', async () => {
    const bytes = await grainyJpeg(3000, 4000);
    const started = performance.now();
    const file = await processFile({ name: 'a3-photo.jpg', bytes });
    const ms = performance.now() - started;
    console.log(`3000×4000 JPEG (${(bytes.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
    expect(file.pages[0]).toMatchObject({ width: 3000, height: 4000, flags: [] });
    expect(ms).toBeLessThan(20_000);
  });
});
