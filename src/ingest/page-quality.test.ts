/**
 * Calibration of the blank-page test and the A4 resolution estimate on
 * generated pages: blank, noisy, shaded (phone photo) and specked pages must
 * be blank; a page with any writing, even one small line, must not.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { analyzePage, BLANK_PAGE, dhashOf, dpiAtA4 } from './page-quality.js';
import { A4_150 } from '../../test/support/scans.js';

const { width: W, height: H } = A4_150;
const SHADE = '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#a0a0a0"/><stop offset="1" stop-color="#f4f4f4"/></linearGradient></defs>';
const page = (body: string, fill = '#ffffff') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${SHADE}<rect width="100%" height="100%" fill="${fill}"/>${body}</svg>`);
const line = (y: number, text: string, size = 28, fill = '#000') => `<text x="80" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="${fill}">${text}</text>`;
const fullText = Array.from({ length: 30 }, (_, i) => line(120 + i * 50, 'Nguyễn Văn An sinh ngày 12.03.1987 tại xã Yên Lạc')).join('');
const specks = Array.from({ length: 8 }, (_, i) => `<circle cx="${100 + i * 130}" cy="${300 + i * 170}" r="2" fill="#333"/>`).join('');

/** Adds Gaussian-ish scanner noise of the given sigma (deterministic). */
async function noisy(svg: Buffer, sigma: number): Promise<Buffer> {
  const { data, info } = await sharp(svg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + (rand() + rand() + rand() - 1.5) * 2 * sigma));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
const jpeg = (svg: Buffer) => sharp(svg).jpeg({ quality: 90 }).toBuffer();

async function quality(image: Buffer) {
  const q = await analyzePage(image, W, H);
  const stdev = (await sharp(image).resize(300, 300, { fit: 'inside' }).greyscale().stats()).channels[0]?.stdev ?? 0;
  return { ...q, stdev };
}

describe('blank page detection', () => {
  it('flags blank, noisy, shaded and specked pages', async () => {
    const blanks = {
      white: await jpeg(page('')),
      noisy: await noisy(page('', '#eeeeee'), 12),
      shaded: await jpeg(page('', 'url(#g)')),
      speckedShadedNoisy: await noisy(page(specks, 'url(#g)'), 10),
    };
    for (const [name, image] of Object.entries(blanks)) {
      const q = await quality(image);
      expect(q.flags, name).toContain('quality.blank');
      expect(q.inkRatio, name).toBeLessThan(BLANK_PAGE.maxInkRatio * 0.75);
    }
    // Why not a plain stdev threshold: a shaded blank page varies more than a page with one title line.
    expect((await quality(blanks.shaded)).stdev).toBeGreaterThan(10);
  });

  it('does not flag pages with writing, down to one small line', async () => {
    const written = {
      fullText: await jpeg(page(fullText)),
      titleOnly: await jpeg(page(line(150, 'SỔ ĐĂNG KÝ KHAI SINH'))),
      pageNumberOnly: await jpeg(page(line(150, 'Trang 12', 20))),
      pencilOnShaded: await noisy(page(line(900, 'Nguyễn Thị Hường 1990', 24, '#888'), 'url(#g)'), 8),
    };
    for (const [name, image] of Object.entries(written)) {
      const q = await quality(image);
      expect(q.flags, name).not.toContain('quality.blank');
      expect(q.inkRatio, name).toBeGreaterThan(BLANK_PAGE.maxInkRatio * 1.25);
    }
    expect((await quality(written.titleOnly)).stdev).toBeLessThan(10);
  });
});

describe('resolution and hash', () => {
  it('estimates dpi from the long side as if the page were A4', () => {
    expect(dpiAtA4(1240, 1754)).toBeCloseTo(150, 0);
    expect(dpiAtA4(850, 600)).toBeCloseTo(72.7, 1);
    expect(dpiAtA4(3000, 4000)).toBeCloseTo(342.2, 1);
  });

  it('hashes a uniform page to zero and a gradient to all ones', async () => {
    const flat = { data: Buffer.alloc(90 * 80, 200), width: 90, height: 80 };
    expect(await dhashOf(flat)).toBe('0000000000000000');
    const falling = Buffer.alloc(90 * 80);
    for (let i = 0; i < falling.length; i++) falling[i] = 255 - (i % 90) * 2;
    expect(await dhashOf({ data: falling, width: 90, height: 80 })).toBe('ffffffffffffffff');
  });
});
