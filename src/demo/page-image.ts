/**
 * A demo page as a scanner would deliver it: the SVG page rasterized by
 * sharp (librsvg, system fonts), multiplied by a paper grain, turned by up to
 * ±0.8° on a grey scanner lid, cropped back to the page size and saved as
 * JPEG. Every random choice (grain included) comes from the seed, so the same
 * seed gives the same pictures.
 */
import sharp from 'sharp';
import type { DemoBook, DemoPage } from './demo-truth.js';
import { DEMO_PAGE, pageSvg } from './page-svg.js';
import { createRng, type Rng } from './prng.js';

const SCANNER_LID = { r: 96, g: 96, b: 92 };

/** One grey channel of grain: 255 minus a small triangular noise (0–14), from a xorshift stream. */
function paperGrain(rng: Rng, width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height);
  let s = rng.int(1, 0x7fffffff);
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = 255 - (s & 7) - ((s >>> 3) & 7);
  }
  return out;
}

/** The JPEG of one page of a demo book. */
export async function renderPageJpeg(seed: number, book: DemoBook, page: DemoPage): Promise<Buffer> {
  const rng = createRng(seed).fork(`${book.key}/page/${page.seq}`);
  const { width, height } = DEMO_PAGE;
  const svg = Buffer.from(pageSvg(book, page, rng), 'utf8');
  const grain = paperGrain(rng, width, height);
  const flat = await sharp(svg)
    .composite([{ input: grain, raw: { width, height, channels: 1 }, blend: 'multiply' }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const angle = (rng.next() - 0.5) * 1.6;
  const turned = await sharp(flat.data, { raw: { width: flat.info.width, height: flat.info.height, channels: 3 } })
    .rotate(angle, { background: SCANNER_LID })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 3 } })
    .resize(width, height, { fit: 'cover' })
    .jpeg({ quality: 82 })
    .toBuffer();
}

/** The file name the demo "scanner" gives a page: 1985-KS-01-p007.jpg. */
export function pageFileName(book: DemoBook, page: DemoPage): string {
  return `${book.year}-${book.registerType}-${book.volume}-p${String(page.seq).padStart(3, '0')}.jpg`;
}
