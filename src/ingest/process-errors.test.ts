/**
 * processFile on bad input: every refusal is a StopIngest with its stable
 * code and a Vietnamese message that names the file by its cleaned name.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { INGEST_ERRORS, processFile, StopIngest, type IngestErrorCode } from './index.js';
import { bilevelPng, hevcHeic, textJpeg, textPng } from '../../test/support/scans.js';

async function expectStop(name: string, bytes: Buffer, code: IngestErrorCode, shownName = name): Promise<StopIngest> {
  const error = await processFile({ name, bytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StopIngest);
  const stop = error as StopIngest;
  expect(stop.code).toBe(code);
  expect(stop.message).toContain(`“${shownName}”`);
  expect(stop.params.fileName).toBe(shownName);
  return stop;
}

describe('processFile: refusals', () => {
  it('refuses a zero-byte file', async () => {
    const stop = await expectStop('trống.jpg', Buffer.alloc(0), 'ingest.empty');
    expect(stop.message).toBe('Tệp “trống.jpg” rỗng (0 byte), không có gì để nhập.');
  });

  it('refuses a text file and a ZIP named .jpg', async () => {
    await expectStop('ảnh.jpg', Buffer.from('Đây không phải là ảnh.\n'), 'ingest.unsupported_type');
    await expectStop('scan.jpg', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), 'ingest.unsupported_type');
  });

  it('names a hostile file by its cleaned name', async () => {
    const stop = await expectStop('../../etc/passwd\u0007.jpg', Buffer.from('root:x:0:0:root:/root:/bin/bash\n'), 'ingest.unsupported_type', 'passwd.jpg');
    expect(stop.message).not.toContain('..');
    expect(stop.message).not.toContain('\u0007');
  });

  it('refuses a JPEG cut in half, and a PNG cut in half', async () => {
    const jpeg = await textJpeg(1240, 1754);
    await expectStop('cut.jpg', jpeg.subarray(0, jpeg.length >> 1), 'ingest.image_corrupt');
    const png = await textPng(1240, 1754);
    await expectStop('cut.png', png.subarray(0, png.length >> 1), 'ingest.image_corrupt');
  });

  it('refuses a 30000 × 30000 image from its header alone', async () => {
    const header = bilevelPng(30_000, 30_000, 1); // IHDR says 30000×30000; one row of data follows
    expect(header.length).toBeLessThan(200);
    const stop = await expectStop('khổng lồ.png', header, 'ingest.image_too_large');
    expect(stop.params).toMatchObject({ width: 30_000, height: 30_000, max: 120 });
    expect(stop.message).toContain('30000 × 30000');
  });

  it('refuses a decompression bomb without decoding it', async () => {
    const bomb = bilevelPng(20_000, 20_000); // a valid 400-megapixel PNG in ~50 KB
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    await expectStop('bomb.png', bomb, 'ingest.image_too_large');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('honours a lower maxPixels', async () => {
    const error = await processFile({ name: 'a.jpg', bytes: await textJpeg(1240, 1754) }, { maxPixels: 1_000_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ingest.image_too_large', params: { width: 1240, height: 1754, max: 1 } });
  });

  it('refuses a HEVC-coded HEIC with advice to export as JPEG', async () => {
    const heic = hevcHeic();
    expect((await sharp(heic).metadata()).compression).toBe('hevc');
    const stop = await expectStop('IMG_1234.HEIC', heic, 'ingest.heic_unsupported');
    expect(stop.message).toContain('JPEG');
  });

  it('decodes AVIF, the HEIF flavour the bundled libvips can read', async () => {
    const avif = await sharp(await textPng(620, 877))
      .avif()
      .toBuffer();
    const file = await processFile({ name: 'photo.avif', bytes: avif });
    expect(file.kind).toBe('heif');
    expect(file.pages[0]).toMatchObject({ width: 620, height: 877, mime: 'image/jpeg' });
  });

  it('has a Vietnamese template naming the file for every code', () => {
    for (const template of Object.values(INGEST_ERRORS)) expect(template).toContain('{file}');
  });
});
