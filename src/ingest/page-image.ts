/**
 * Decodes one page with sharp and makes its master image: upright (EXIF
 * orientation applied), metadata stripped, sRGB, flattened on white; JPEG
 * quality 90, or a palette PNG when the input is bilevel or palette (so a
 * 1-bit scan stays crisp and small). Guards, in order: the pixel count read
 * from the header before any pixel is decoded; sharp's limitInputPixels;
 * failOn 'truncated' so a cut file is an error, not a grey half page.
 */
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import type { MasterPage, PageInput } from './ingest.stage.js';

export const MASTER_JPEG_QUALITY = 90;

/** The header says the page is larger than allowed; nothing was decoded. */
export class PageTooLarge extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`page of ${width}×${height} pixels exceeds the limit`);
  }
}

/** `limit` false only for reading the header: metadata() decodes no pixels. */
function decoder(input: PageInput, limit: number | false): Sharp {
  const options: SharpOptions = { failOn: 'truncated', limitInputPixels: limit };
  if (input.page !== undefined) options.page = input.page;
  if (input.raw !== undefined) options.raw = input.raw;
  return sharp(input.data, options);
}

export async function normalizePage(input: PageInput, maxPixels: number): Promise<Omit<MasterPage, 'index'>> {
  const meta = await decoder(input, false).metadata();
  const { width = 0, height = 0 } = meta;
  if (width * height > maxPixels) throw new PageTooLarge(width, height);
  const lossless = input.raw === undefined && (meta.isPalette === true || meta.bitsPerSample === 1);
  const upright = decoder(input, maxPixels).rotate().flatten({ background: '#ffffff' });
  const bilevel = meta.bitsPerSample === 1;
  const encoded = lossless
    ? upright.png({ palette: true, colours: bilevel ? 2 : 256, dither: 0, effort: bilevel ? 1 : 7 })
    : upright.toColourspace('srgb').jpeg({ quality: MASTER_JPEG_QUALITY, mozjpeg: false });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { image: data, mime: lossless ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
}

/** sharp's own pixel-limit error (the second guard). */
export function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}
