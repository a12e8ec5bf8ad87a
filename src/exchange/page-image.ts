/**
 * One scanned page prepared for a registration PDF: placed on A4 (portrait or
 * landscape like the image), downscaled to at most 150 dpi there, and
 * re-encoded as JPEG (mozjpeg) at the highest quality, searched in 40–90, that
 * keeps it under the byte target. Above 1.5× the target even at quality 40,
 * the page is kept as is and a Vietnamese warning is returned.
 */
import sharp, { type Raw as RawInfo } from 'sharp';
import { Invalid } from '../core/index.js';

/** A4 in PDF points (1/72 in): 210 × 297 mm. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MAX_DPI = 150;
export const MIN_QUALITY = 40;
export const MAX_QUALITY = 90;
/** A result within [AIM_LOW, 1] × target ends the search early. */
const AIM_LOW = 0.85;
const MAX_TRIALS = 8;
/** Where the search starts: near where 150 dpi text scans meet 100 KB. */
const FIRST_QUALITY = 60;
/** Typical slope of ln(JPEG bytes) per quality step, to guess the first move. */
const LN_BYTES_PER_STEP = 0.028;

export interface PagePlacement {
  pageWidth: number;
  pageHeight: number;
  /** Where the image is drawn, in points, centred on the page. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EncodedPage {
  jpeg: Buffer;
  /** Decoded size of the source, as displayed (EXIF orientation applied). */
  sourceWidth: number;
  sourceHeight: number;
  pixelWidth: number;
  pixelHeight: number;
  quality: number;
  placement: PagePlacement;
}

/** The A4 page (landscape for wide images) and the image's box on it, fitted without distortion. */
export function placeOnA4(width: number, height: number): PagePlacement {
  const landscape = width > height;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  const k = Math.min(pageWidth / width, pageHeight / height);
  const w = width * k;
  const h = height * k;
  return { pageWidth, pageHeight, x: (pageWidth - w) / 2, y: (pageHeight - h) / 2, width: w, height: h };
}

interface Raw {
  data: Buffer;
  info: RawInfo;
}

/** Decode (EXIF-oriented), flatten on white, downscale to MAX_DPI on A4; gray scans stay one channel. */
async function decodeForA4(image: Buffer, mime: string): Promise<{ raw: Raw; placement: PagePlacement; source: { width: number; height: number } }> {
  const meta = await sharp(image).metadata();
  const detected = meta.format === 'jpeg' ? 'image/jpeg' : meta.format === 'png' ? 'image/png' : meta.format;
  if (detected !== mime) throw new Invalid('exchange.page_image_type', `Ảnh trang là "${detected}", không phải "${mime}" như đã khai.`);
  const placement = placeOnA4(meta.autoOrient.width, meta.autoOrient.height);
  const toPx = (pt: number) => Math.max(1, Math.floor((pt / 72) * MAX_DPI));
  let img = sharp(image, { autoOrient: true }).flatten({ background: '#ffffff' }).resize(toPx(placement.width), toPx(placement.height), { fit: 'inside', withoutEnlargement: true });
  if (meta.channels !== undefined && meta.channels <= 2) img = img.toColourspace('b-w');
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { raw: { data, info: { width: info.width, height: info.height, channels: info.channels } }, placement, source: meta.autoOrient };
}

interface Trial {
  quality: number;
  jpeg: Buffer;
}

async function encodeAt(raw: Raw, quality: number): Promise<Trial> {
  const img = sharp(raw.data, { raw: raw.info });
  const jpeg = await (raw.info.channels === 1 ? img.toColourspace('b-w') : img).jpeg({ quality, mozjpeg: true }).toBuffer();
  return { quality, jpeg };
}

/**
 * Next quality to try, aiming at 95 % of the target on a ln(bytes)-linear
 * model: interpolate inside the bracket, else extrapolate along the last two
 * trials (or the typical slope after the first one).
 */
function nextQuality(target: number, fits: Trial | undefined, tooBig: Trial | undefined, last: Trial, prev: Trial | undefined): number {
  const aim = Math.log(target * 0.95);
  const ln = (t: Trial) => Math.log(t.jpeg.length);
  if (fits && tooBig) {
    const q = fits.quality + ((aim - ln(fits)) * (tooBig.quality - fits.quality)) / (ln(tooBig) - ln(fits));
    return Math.min(tooBig.quality - 1, Math.max(fits.quality + 1, Math.round(q)));
  }
  const secant = prev && prev.quality !== last.quality ? (ln(last) - ln(prev)) / (last.quality - prev.quality) : 0;
  const slope = secant > 0.005 ? secant : LN_BYTES_PER_STEP;
  const step = Math.round((aim - ln(last)) / slope) || Math.sign(aim - ln(last));
  return Math.min(MAX_QUALITY, Math.max(MIN_QUALITY, last.quality + step));
}

/** Highest quality in [MIN, MAX] whose JPEG is ≤ target (or MIN_QUALITY's if none is). */
async function searchQuality(raw: Raw, target: number): Promise<Trial> {
  let fits: Trial | undefined;
  let tooBig: Trial | undefined;
  let prev: Trial | undefined;
  let trial = await encodeAt(raw, FIRST_QUALITY);
  for (let i = 1; ; i++) {
    if (trial.jpeg.length <= target) fits = fits && fits.quality > trial.quality ? fits : trial;
    else tooBig = tooBig && tooBig.quality < trial.quality ? tooBig : trial;
    const done = (fits && (fits.jpeg.length >= AIM_LOW * target || fits.quality === MAX_QUALITY || tooBig?.quality === fits.quality + 1)) || tooBig?.quality === MIN_QUALITY || i >= MAX_TRIALS;
    if (done) return fits ?? tooBig ?? trial;
    const next = await encodeAt(raw, nextQuality(target, fits, tooBig, trial, prev));
    [prev, trial] = [trial, next];
  }
}

export async function encodePage(image: Buffer, mime: string, targetBytes: number): Promise<EncodedPage> {
  const { raw, placement, source } = await decodeForA4(image, mime);
  const best = await searchQuality(raw, targetBytes);
  return { jpeg: best.jpeg, sourceWidth: source.width, sourceHeight: source.height, pixelWidth: raw.info.width, pixelHeight: raw.info.height, quality: best.quality, placement };
}
