/**
 * What we can tell about a page from its small copy (300 px, made by
 * page-image.ts from the same decode as the master): the WebP
 * thumbnail, a 64-bit difference hash (dhash) for near-duplicate detection,
 * the resolution it would have as an A4 sheet, and whether it is blank.
 *
 * Blank = almost no "ink": under 0.04 % of thumbnail pixels are 16+ levels
 * darker than their 9×9 median neighbourhood. Unlike a plain standard
 * deviation this ignores the uneven lighting of phone photos (a shaded blank
 * page has stdev ≈ 17, a page with one title line ≈ 5). Calibrated in
 * page-quality.test.ts: blank/noisy/shaded/specked pages ≤ 0.02 %, a page
 * with only "Trang 12" in small type ≈ 0.06 %, one title line ≈ 0.3 %, text ≈ 20 %.
 */
import sharp from 'sharp';
import type { SmallRaster } from './ingest.stage.js';
import type { PageFlag, ProcessedPage } from './ingest.types.js';

export const THUMBNAIL_MAX_SIDE = 300;
export const A4_LONG_SIDE_INCHES = 11.69;
export const LOW_RESOLUTION_DPI = 150;
export const BLANK_PAGE = { inkContrast: 16, medianWindow: 9, maxInkRatio: 0.0004 } as const;

type Grey = { data: Buffer; width: number; height: number };
export type PageQuality = Pick<ProcessedPage, 'thumbnail' | 'dhash' | 'dpiAtA4' | 'flags'> & { inkRatio: number };

const rawGrey = (grey: Grey) => sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } });

/** 64-bit dhash as 16 hex chars: resize to 9×8 grey, bit = left pixel brighter than its right neighbour. */
export async function dhashOf(grey: Grey): Promise<string> {
  const cells = await rawGrey(grey).resize(9, 8, { fit: 'fill' }).greyscale().raw().toBuffer();
  let hash = 0n;
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 8; col++) {
      const bright = (cells[row * 9 + col] ?? 0) > (cells[row * 9 + col + 1] ?? 0);
      hash = (hash << 1n) | (bright ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** Share of pixels clearly darker than their local (median) background: writing, print, stamps. */
export async function inkRatioOf(grey: Grey): Promise<number> {
  const background = await rawGrey(grey).median(BLANK_PAGE.medianWindow).greyscale().raw().toBuffer();
  let ink = 0;
  for (let i = 0; i < grey.data.length; i++) {
    if ((background[i] ?? 0) - (grey.data[i] ?? 0) >= BLANK_PAGE.inkContrast) ink++;
  }
  return ink / grey.data.length;
}

export function dpiAtA4(width: number, height: number): number {
  return Math.max(width, height) / A4_LONG_SIDE_INCHES;
}

/** Thumbnail, dhash, resolution and flags from a page's small raster (made with its master, from the same decode). */
export async function analyzeSmall(small: SmallRaster, width: number, height: number): Promise<PageQuality> {
  const raw = () => sharp(small.data, { raw: { width: small.width, height: small.height, channels: small.channels } });
  const [thumbnail, greyData] = await Promise.all([raw().webp({ quality: 75 }).toBuffer(), raw().greyscale().raw().toBuffer()]);
  const grey = { data: greyData, width: small.width, height: small.height };
  const [dhash, inkRatio] = await Promise.all([dhashOf(grey), inkRatioOf(grey)]);
  const dpi = dpiAtA4(width, height);
  const flags: PageFlag[] = [];
  if (dpi < LOW_RESOLUTION_DPI) flags.push('quality.low_resolution');
  if (inkRatio < BLANK_PAGE.maxInkRatio) flags.push('quality.blank');
  return { thumbnail, dhash, dpiAtA4: Math.round(dpi * 10) / 10, flags, inkRatio };
}

/** The same from an encoded image (tests, and anything that has only the master). */
export async function analyzePage(image: Buffer, width: number, height: number): Promise<PageQuality> {
  const { data, info } = await sharp(image)
    .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return analyzeSmall({ data, width: info.width, height: info.height, channels: 3 }, width, height);
}
