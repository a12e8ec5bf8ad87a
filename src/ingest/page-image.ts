/**
 * Decodes one page with sharp and derives everything ingest needs from that
 * one decode: the master image (upright after EXIF orientation, metadata
 * stripped, flattened on white; sRGB JPEG quality 90, a 1-bit greyscale PNG
 * for bilevel input, a palette PNG for palette input) and a small upright
 * sRGB raster (longest side 300 px) from which the analysis stage makes the
 * thumbnail, the dhash and the blank check without touching the master again.
 *
 * Two ways, one result:
 * - JPEG, WebP and HEIF are streamed twice from the compressed bytes: the master
 *   through libvips' strip pipeline (never the whole page in memory unless it
 *   must turn), the small raster with shrink-on-load (the decoder reads only
 *   1/8 of the data). Both run at once, on two threads.
 * - Everything else (PNG, TIFF, PDF raster) has no cheap reduced decode: it is
 *   decoded once into memory and both derivatives are made from those pixels.
 * The caller holds the page's pixels in the PixelBudget meanwhile.
 * Guards, in order: the pixel count read from the header before any pixel is
 * decoded; sharp's limitInputPixels; failOn 'truncated' so a cut file is an
 * error, not a grey half page.
 */
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import type { MasterPage, PageInput, SmallRaster } from './ingest.stage.js';

export const MASTER_JPEG_QUALITY = 90;
export const SMALL_MAX_SIDE = 300;

/** The header says the page is larger than allowed; nothing was decoded. */
export class PageTooLarge extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`page of ${width}×${height} pixels exceeds the limit`);
  }
}

/** What the header tells before decoding: size, and which master and which way. */
export interface PageHeader {
  width: number;
  height: number;
  master: 'jpeg' | 'bilevel-png' | 'palette-png';
  /** The decoder can make the small raster from a fraction of the data (JPEG shrink-on-load and kin). */
  streamable: boolean;
}

const STREAMABLE = new Set(['jpeg', 'webp', 'heif']);

/** `limit` false only for reading the header: metadata() decodes no pixels. */
function decoder(input: PageInput, limit: number | false): Sharp {
  const options: SharpOptions = { failOn: 'truncated', limitInputPixels: limit };
  if (input.page !== undefined) options.page = input.page;
  if (input.raw !== undefined) options.raw = input.raw;
  return sharp(input.data, options);
}

/** Reads the page's header only; throws PageTooLarge above maxPixels. */
export async function readPageHeader(input: PageInput, maxPixels: number): Promise<PageHeader> {
  if (input.raw !== undefined) {
    const { width, height } = input.raw;
    if (width * height > maxPixels) throw new PageTooLarge(width, height);
    return { width, height, master: 'jpeg', streamable: false };
  }
  const meta = await decoder(input, false).metadata();
  const { width = 0, height = 0 } = meta;
  if (width * height > maxPixels) throw new PageTooLarge(width, height);
  const master = meta.bitsPerSample === 1 ? 'bilevel-png' : meta.isPalette === true ? 'palette-png' : 'jpeg';
  return { width, height, master, streamable: master === 'jpeg' && STREAMABLE.has(meta.format ?? '') };
}

/** Applies the master's encoding to an upright, flattened pipeline. */
function encodeMaster(upright: Sharp, header: PageHeader): Sharp {
  switch (header.master) {
    case 'bilevel-png':
      // 1-bit greyscale written directly: no palette quantisation of 100+ Mpx in RGBA.
      return upright.toColourspace('b-w').png({ colours: 2, palette: false, compressionLevel: 6 });
    case 'palette-png':
      return upright.png({ palette: true, colours: 256, dither: 0, effort: 7 });
    case 'jpeg':
      return upright.toColourspace('srgb').jpeg({ quality: MASTER_JPEG_QUALITY, mozjpeg: false });
  }
}

async function smallOf(upright: Sharp): Promise<SmallRaster> {
  const { data, info } = await upright
    .resize(SMALL_MAX_SIDE, SMALL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 };
}

/** The master and the small raster of one page, from one decode (see the header comment). */
export async function derivePage(input: PageInput, header: PageHeader, maxPixels: number): Promise<Omit<MasterPage, 'index'>> {
  const upright = () => decoder(input, maxPixels).rotate().flatten({ background: '#ffffff' });
  let source: () => Sharp = upright;
  if (!header.streamable) {
    const grey = header.master === 'bilevel-png';
    const { data, info } = await (grey ? upright().toColourspace('b-w') : upright()).raw().toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: info.channels };
    source = () => sharp(data, { raw, limitInputPixels: maxPixels });
  }
  const [master, small] = await Promise.all([encodeMaster(source(), header).toBuffer({ resolveWithObject: true }), smallOf(source())]);
  const mime = header.master === 'jpeg' ? 'image/jpeg' : 'image/png';
  return { image: master.data, mime, width: master.info.width, height: master.info.height, small };
}

/** sharp's own pixel-limit error (the second guard). */
export function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

/** sharp for ingest: `threads` libvips threads per image, and no operation cache (every page is new; a cache only holds memory). */
export function tuneSharp(threads: number): void {
  sharp.concurrency(threads);
  sharp.cache(false);
}
