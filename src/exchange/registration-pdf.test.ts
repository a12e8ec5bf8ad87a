/**
 * registrationPdf on sharp-made "scans" (A4 at 300 dpi: paper tone, grain,
 * ruled lines, word-like blocks and handwritten-like strokes): page count, A4
 * media boxes, ≤ 150 dpi, ~100 KB per page, metadata, warnings; then the PDFs
 * zipped and checked with `unzip -t`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A4 } from './page-image.js';
import { registrationPdf, type RegistrationPage } from './registration-pdf.js';
import { zipRegistrationPdfs } from './registration-zip.js';

const TARGET = 100_000;
/**
 * The search stops in [0.85, 1] × target unless quality 40..90 cannot reach it; one quality
 * step moves these pages by ~2–3 %, far finer than that 15 % band, so they land inside it.
 */
const LOW = 0.85 * TARGET;

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

/** Paints ink straight into the raw pixels (an SVG at 300 dpi takes seconds in librsvg). */
function painter(raw: Buffer, width: number, channels: number, ink: number[]) {
  return (x0: number, y0: number, w: number, h: number, alpha: number) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.round(y0 + h); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, Math.round(x0 + w)); x++) {
        const i = (y * width + x) * channels;
        for (let c = 0; c < channels; c++) raw[i + c] = Math.round((raw[i + c] ?? 0) * (1 - alpha) + (ink[c] ?? 0) * alpha);
      }
    }
  };
}

/** Ruled lines, word-like blocks and wavy handwritten-like strokes. */
function drawInk(raw: Buffer, width: number, height: number, channels: number, rnd: () => number): void {
  const ink = painter(raw, width, channels, channels === 1 ? [40] : [29, 35, 64]);
  const rule = painter(raw, width, channels, channels === 1 ? [160] : [143, 160, 168]);
  for (let y = height * 0.08; y < height * 0.92; y += height / 24) {
    rule(width * 0.06, y + 30, width * 0.88, 3, 1);
    for (let x = width * 0.07; x < width * 0.9;) {
      const w = 40 + rnd() * 170;
      if (rnd() < 0.7) ink(x, y - 18 - rnd() * 14, w, 26 + rnd() * 20, 0.55 + rnd() * 0.4);
      else for (let t = 0; t < w; t += 2) ink(x + t, y + Math.sin(t / 9 + rnd()) * 14, 5, 5, 0.9);
      x += w + 18 + rnd() * 40;
    }
  }
}

/** A scanned page: paper tone with ±8 levels of grain, ink on top, JPEG q90 (or PNG). */
async function scan(width: number, height: number, seed: number, opts: { gray?: boolean; png?: boolean } = {}): Promise<RegistrationPage> {
  const channels = opts.gray ? 1 : 3;
  const [r = 0, g = 0, b = 0] = opts.gray ? [232] : [236, 230, 214];
  const raw = Buffer.alloc(width * height * channels);
  let x = seed || 1;
  for (let i = 0; i < raw.length; i += channels) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const grain = (x & 15) - 8;
    raw[i] = r + grain;
    if (channels === 3) {
      raw[i + 1] = g + grain;
      raw[i + 2] = b + grain;
    }
  }
  drawInk(raw, width, height, channels, prng(seed));
  const img = sharp(raw, { raw: { width, height, channels } }).toColourspace(opts.gray ? 'b-w' : 'srgb');
  const image = await (opts.png ? img.png() : img.jpeg({ quality: 90 })).toBuffer();
  return { image, mime: opts.png ? 'image/png' : 'image/jpeg', width, height };
}

interface PdfPageInfo {
  mediaBox: [number, number];
  images: { bytes: number; width: number; height: number; colorSpace: string; data: Buffer }[];
}

async function inspect(pdf: Buffer): Promise<{ doc: PDFDocument; pages: PdfPageInfo[] }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages().map((page) => {
    const box = page.getMediaBox();
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const images = (xobjects?.entries() ?? []).map(([, ref]) => {
      const s = doc.context.lookup(ref);
      if (!(s instanceof PDFRawStream)) throw new Error('image XObject is not a raw stream');
      const num = (k: string) => s.dict.lookup(PDFName.of(k), PDFNumber).asNumber();
      return { bytes: s.contents.length, width: num('Width'), height: num('Height'), colorSpace: String(s.dict.get(PDFName.of('ColorSpace'))), data: Buffer.from(s.contents) };
    });
    return { mediaBox: [box.width, box.height] as [number, number], images };
  });
  return { doc, pages };
}

let pages: RegistrationPage[];
let one: Awaited<ReturnType<typeof registrationPdf>>;
let two: Awaited<ReturnType<typeof registrationPdf>>;

beforeAll(async () => {
  pages = await Promise.all([scan(2480, 3508, 1), scan(2480, 3508, 2)]);
  one = await registrationPdf([pages[0]!], { title: 'Khai sinh – Nguyễn Thị Hường'.normalize('NFD') });
  two = await registrationPdf(pages, { targetBytesPerPage: TARGET, createdAt: new Date('2025-07-01T00:00:00Z') });
}, 120_000);

describe('registrationPdf', () => {
  it('makes a 1-page and a 2-page PDF of A4 pages', async () => {
    const a = await inspect(one.pdf);
    const b = await inspect(two.pdf);
    expect(a.doc.getPageCount()).toBe(1);
    expect(b.doc.getPageCount()).toBe(2);
    for (const p of [...a.pages, ...b.pages]) {
      expect(p.mediaBox[0]).toBeCloseTo(A4.width, 1);
      expect(p.mediaBox[1]).toBeCloseTo(A4.height, 1);
      expect(p.images).toHaveLength(1);
    }
  });

  it('embeds each page at ≤ 150 dpi and about 100 KB (never above 1.5×)', async () => {
    const { pages: info } = await inspect(two.pdf);
    expect(two.warnings).toEqual([]);
    info.forEach((p, i) => {
      const img = p.images[0]!;
      expect(img.bytes).toBe(two.pageBytes[i]);
      expect(img.bytes).toBeGreaterThanOrEqual(LOW);
      expect(img.bytes).toBeLessThanOrEqual(TARGET);
      expect(img.width).toBeLessThanOrEqual(Math.floor((A4.width / 72) * 150));
      expect(img.height).toBeLessThanOrEqual(Math.floor((A4.height / 72) * 150));
      expect(img.width).toBeGreaterThan(1200);
      expect(img.colorSpace).toBe('/DeviceRGB');
    });
    const decoded = await sharp(info[0]!.images[0]!.data).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['jpeg', info[0]!.images[0]!.width, info[0]!.images[0]!.height]);
  });

  it('sets the metadata: NFC title, producer hotich, dates only when given', async () => {
    const a = (await inspect(one.pdf)).doc;
    expect(a.getTitle()).toBe('Khai sinh – Nguyễn Thị Hường'.normalize('NFC'));
    expect(a.getProducer()).toBe('hotich');
    expect(a.getCreationDate()).toBeUndefined();
    expect((await inspect(two.pdf)).doc.getCreationDate()?.toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });

  it('is deterministic', async () => {
    const again = await registrationPdf([pages[0]!], { title: 'Khai sinh – Nguyễn Thị Hường' });
    expect(again.pdf.equals(one.pdf)).toBe(true);
  });

  it('puts a wide gray PNG on a landscape page, one channel', async () => {
    const wide = await scan(1754, 1240, 3, { gray: true, png: true });
    const res = await registrationPdf([wide]);
    const { pages: info } = await inspect(res.pdf);
    expect(info[0]?.mediaBox[0]).toBeCloseTo(A4.height, 1);
    expect(info[0]?.mediaBox[1]).toBeCloseTo(A4.width, 1);
    expect(info[0]?.images[0]?.colorSpace).toBe('/DeviceGray');
    expect(res.pageBytes[0]).toBeGreaterThanOrEqual(LOW);
    expect(res.pageBytes[0]).toBeLessThanOrEqual(TARGET);
    expect(res.warnings).toEqual([]);
  });

  it.each([85_000, 150_000])('lands in [0.85, 1] × a target of %i bytes', async (target) => {
    const res = await registrationPdf([pages[1]!], { targetBytesPerPage: target });
    expect(res.pageBytes[0]).toBeGreaterThanOrEqual(0.85 * target);
    expect(res.pageBytes[0]).toBeLessThanOrEqual(target);
  });

  it('accepts up to 1.5× the target at quality 40, warns beyond, and on a wrong declared size', async () => {
    const rnd = prng(9);
    const bytes = Buffer.alloc(1240 * 1754 * 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = rnd() * 256;
    const noise = await sharp(bytes, { raw: { width: 1240, height: 1754, channels: 3 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const page = { image: noise, mime: 'image/png', width: 1240, height: 1754 } as const;
    const within = await registrationPdf([page], { targetBytesPerPage: 400_000 });
    expect(within.pageBytes[0]).toBeGreaterThan(400_000);
    expect(within.pageBytes[0]).toBeLessThanOrEqual(600_000);
    expect(within.warnings).toEqual([]);
    const res = await registrationPdf([{ ...page, width: 1000 }], { targetBytesPerPage: 50_000 });
    expect(res.pageBytes[0]).toBeGreaterThan(75_000);
    expect(res.warnings).toHaveLength(2);
    expect(res.warnings[0]).toMatch(/^Trang 1: ảnh vẫn \d+ KB ở chất lượng 40 .*vượt 1,5 lần mức 50 KB\.$/);
    expect(res.warnings[1]).toContain('kích thước khai báo 1000×1754 không khớp với ảnh thực tế 1240×1754');
  });

  it('refuses an empty registration and a mislabelled image', async () => {
    await expect(registrationPdf([])).rejects.toMatchObject({ code: 'exchange.pdf_no_pages' });
    await expect(registrationPdf([{ ...pages[0]!, mime: 'image/png' }])).rejects.toMatchObject({ code: 'exchange.page_image_type' });
  });
});

describe('zip of registration PDFs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hotich-zip-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes unzip -t with Vietnamese names', async () => {
    const file = join(dir, 'so-khai-sinh.zip');
    const names = ['Khai sinh 01 – Nguyễn Thị Hường.pdf', 'Khai sinh 02 – Đặng Quốc Thịnh.pdf'];
    const res = await zipRegistrationPdfs(
      [
        { name: names[0]!, pdf: one.pdf },
        { name: names[1]!.normalize('NFD'), pdf: two.pdf },
      ],
      createWriteStream(file),
    );
    expect(res.files).toBe(2);
    expect(res.bytes).toBeGreaterThan(one.pdf.length + two.pdf.length);
    const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    if (unzip.error) return; // no unzip here: registration-zip.test reads the central directory itself
    expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
    expect(unzip.stdout).toContain('No errors detected');
    for (const n of names) expect(unzip.stdout.normalize('NFC')).toContain(n);
  });
});
