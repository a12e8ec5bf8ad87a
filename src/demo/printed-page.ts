/**
 * The printed variant of a demo page, for OCR: the register type's ruled
 * table from the catalog (registers/page-layout.ts), its entries printed in
 * black in a computer font (DejaVu Serif) or a typewriter-like monospace
 * (spaced DejaVu Sans with uneven ribbon ink: the installed monospace faces
 * lack the Vietnamese letters with two marks), then scanned: turned by up to
 * ±1.5°, grey noise, and saved as JPEG at quality 55–85. Everything comes
 * from the seed. The ground truth is what was printed: the fields whose text
 * fits its cell whole (a value cut off at the cell's bottom is not truth).
 */
import sharp from 'sharp';
import { cellLines, pageLayoutOf, type PageColumnLayout } from '../registers/index.js';
import type { DemoBook, DemoPage } from './demo-truth.js';
import { DEMO_PAGE, wrapText } from './page-svg.js';
import { PAGE_TITLES } from './page-columns.js';
import { createRng, type Rng } from './prng.js';

export type PrintFont = 'computer' | 'typewriter';

export interface PrintedPageOptions {
  font?: PrintFont;
  /** Largest turn in degrees (default 1.5); the actual one comes from the seed. */
  maxSkew?: number;
  /** Amplitude of the grey noise, 0–60 (default 24). */
  noise?: number;
  /** JPEG quality; default from the seed, 55–85. */
  quality?: number;
}

export interface PrintedPage {
  jpeg: Buffer;
  /** The turn applied, in degrees. */
  skew: number;
  /** Per slot (row of the table, top to bottom): the record's số and the fields printed whole. */
  truth: { no: number; values: Record<string, string> }[];
}

const MARGIN = 80;
const TABLE_TOP = 250;
const HEADER_HEIGHT = 120;
const SLOTS = 4;
const SLOT_HEIGHT = Math.floor((DEMO_PAGE.height - TABLE_TOP - HEADER_HEIGHT - 60) / SLOTS);

const FONTS: Record<PrintFont, { family: string; size: number; advance: number; spacing?: number; uneven?: boolean }> = {
  computer: { family: "'DejaVu Serif', serif", size: 21, advance: 0.56 },
  // A typewriter-like face with every Vietnamese letter: DejaVu Sans Mono (and Liberation Mono) lack the
  // letters with two marks and draw them apart; spaced-out DejaVu Sans with uneven ink stands in.
  typewriter: { family: "'DejaVu Sans', sans-serif", size: 20, advance: 0.66, spacing: 1.2, uneven: true },
};

const esc = (s: string): string => s.normalize('NFC').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x: number, y: number, body: string, attrs: string): string => `<text x="${x}" y="${y}" ${attrs}>${esc(body)}</text>`;

function edgesOf(columns: readonly PageColumnLayout[]): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const scale = (DEMO_PAGE.width - 2 * MARGIN) / total;
  const edges = [MARGIN];
  for (const c of columns) edges.push(edges[edges.length - 1]! + c.width * scale);
  return edges.map(Math.round);
}

const PRINT = 'font-family="\'DejaVu Serif\', serif" fill="#111"';

function frame(book: DemoBook, page: DemoPage, columns: readonly PageColumnLayout[], edges: readonly number[]): string {
  const mid = DEMO_PAGE.width / 2;
  const bottom = TABLE_TOP + HEADER_HEIGHT + SLOTS * SLOT_HEIGHT;
  const rows = Array.from({ length: SLOTS + 2 }, (_, i) => (i === 0 ? TABLE_TOP : TABLE_TOP + HEADER_HEIGHT + (i - 1) * SLOT_HEIGHT));
  const lines = [
    ...rows.map((y) => `<line x1="${edges[0]}" y1="${y}" x2="${edges[edges.length - 1]}" y2="${y}"/>`),
    ...edges.map((x) => `<line x1="${x}" y1="${TABLE_TOP}" x2="${x}" y2="${bottom}"/>`),
  ];
  const titles = columns.flatMap((c, i) => {
    const ls = wrapText(c.title, Math.max(4, Math.floor((edges[i + 1]! - edges[i]! - 12) / 9.5)));
    const top = TABLE_TOP + (HEADER_HEIGHT - ls.length * 21) / 2 + 16;
    return ls.map((l, k) => text(Math.round((edges[i]! + edges[i + 1]!) / 2), Math.round(top + k * 21), l, `${PRINT} font-size="16" font-weight="bold" text-anchor="middle"`));
  });
  return [
    text(
      MARGIN,
      80,
      book.authority
        .replace(/^UBND /, 'ỦY BAN NHÂN DÂN ')
        .split(', ')[0]!
        .toUpperCase(),
      `${PRINT} font-size="24" font-weight="bold"`,
    ),
    text(mid, 120, PAGE_TITLES[book.registerType], `${PRINT} font-size="48" font-weight="bold" text-anchor="middle"`),
    text(mid, 178, `Quyển số: ${book.quyenSo}`, `${PRINT} font-size="28" text-anchor="middle"`),
    text(DEMO_PAGE.width - MARGIN, 80, `Trang số: ${page.seq}`, `${PRINT} font-size="26" text-anchor="end"`),
    `<g stroke="#151515" stroke-width="2">${lines.join('')}</g>`,
    ...titles,
  ].join('');
}

/** The entries of one slot, and which fields were printed whole. */
function slotEntries(
  rng: Rng,
  values: Record<string, string>,
  slot: number,
  columns: readonly PageColumnLayout[],
  edges: readonly number[],
  font: PrintFont,
): { svg: string; shown: Record<string, string> } {
  const f = FONTS[font];
  const step = Math.round(f.size * 1.36);
  const maxLines = Math.floor((SLOT_HEIGHT - 14) / step);
  const top = TABLE_TOP + HEADER_HEIGHT + slot * SLOT_HEIGHT;
  const shown: Record<string, string> = {};
  const parts: string[] = [];
  columns.forEach((c, i) => {
    const max = Math.max(4, Math.floor((edges[i + 1]! - edges[i]! - 16) / (f.size * f.advance)));
    let line = 0;
    for (const it of c.items) {
      const written = cellLines({ ...c, items: [it] }, values)[0];
      if (written === undefined) continue;
      const wrapped = wrapText(written, max);
      if (line + wrapped.length > maxLines) break;
      for (const l of wrapped) {
        // A ribbon prints unevenly: each line a little lighter or darker, a pixel up or down.
        const ink = f.uneven ? Math.round(20 + rng.next() * 50) : 26;
        const jitter = f.uneven ? rng.int(-1, 1) : 0;
        const spacing = f.spacing ? ` letter-spacing="${f.spacing}"` : '';
        parts.push(text(edges[i]! + 8, top + 6 + jitter + step * ++line, l, `font-family="${f.family}" font-size="${f.size}" fill="rgb(${ink},${ink},${ink})"${spacing}`));
      }
      shown[it.field] = values[it.field]!;
    }
  });
  return { svg: parts.join(''), shown };
}

/** Grey noise, −amp/2…+amp/2 around mid-grey, from the seed (overlay blend). */
function noiseLayer(rng: Rng, width: number, height: number, amp: number): Buffer {
  const out = Buffer.alloc(width * height);
  let s = rng.int(1, 0x7fffffff);
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = 128 + Math.round((((s >>> 8) & 0xff) / 255 - 0.5) * amp);
  }
  return out;
}

export function printedPageSvg(book: DemoBook, page: DemoPage, font: PrintFont, rng: Rng): { svg: string; truth: PrintedPage['truth'] } {
  const columns = pageLayoutOf(book.registerType);
  if (!columns) throw new Error(`no printed layout for ${book.registerType}`);
  const edges = edgesOf(columns);
  const slots = page.records.map((r, i) => ({ r, ...slotEntries(rng, r.values, i, columns, edges, font) }));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_PAGE.width}" height="${DEMO_PAGE.height}">` +
    `<rect width="100%" height="100%" fill="#f7f6f2"/>${frame(book, page, columns, edges)}${slots.map((s) => s.svg).join('')}</svg>`;
  return { svg, truth: slots.map((s) => ({ no: s.r.no, values: s.shown })) };
}

/** The JPEG of a demo page printed and scanned, and its ground truth. */
export async function renderPrintedPage(seed: number, book: DemoBook, page: DemoPage, opts: PrintedPageOptions = {}): Promise<PrintedPage> {
  const rng = createRng(seed).fork(`${book.key}/printed/${page.seq}`);
  const font = opts.font ?? (rng.next() < 0.5 ? 'computer' : 'typewriter');
  const { svg, truth } = printedPageSvg(book, page, font, rng);
  const { width, height } = DEMO_PAGE;
  const noise = noiseLayer(rng, width, height, opts.noise ?? 24);
  const flat = await sharp(Buffer.from(svg, 'utf8'))
    .composite([{ input: noise, raw: { width, height, channels: 1 }, blend: 'overlay' }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const skew = Number(((rng.next() - 0.5) * 2 * (opts.maxSkew ?? 1.5)).toFixed(2));
  const turned = await sharp(flat.data, { raw: { width: flat.info.width, height: flat.info.height, channels: 3 } })
    .rotate(skew, { background: { r: 90, g: 90, b: 88 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const jpeg = await sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 3 } })
    .resize(width, height, { fit: 'cover' })
    .jpeg({ quality: opts.quality ?? rng.int(55, 85) })
    .toBuffer();
  return { jpeg, skew, truth };
}
