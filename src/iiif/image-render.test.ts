/**
 * renderImage end to end on a 1000×800 image with four coloured quadrants
 * (red | green / blue | yellow): each output is decoded and sampled, so the
 * test checks the pixels, not just that sharp ran.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImageRequest } from './image-request.js';
import { renderImage } from './image-render.js';
import { resolveRequest } from './image-resolve.js';

type Rgb = [number, number, number];
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];
const YELLOW: Rgb = [255, 255, 0];
const W = 1000;
const H = 800;
const LIMITS = { maxWidth: 4000, maxHeight: 4000, maxArea: 16_000_000 };

let png: Buffer;

function quadrantsRaw(): Buffer {
  const raw = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const c = y < H / 2 ? (x < W / 2 ? RED : GREEN) : x < W / 2 ? BLUE : YELLOW;
      raw.set(c, (y * W + x) * 3);
    }
  }
  return raw;
}

beforeAll(async () => {
  png = await sharp(quadrantsRaw(), { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toBuffer();
});

interface Decoded {
  width: number;
  height: number;
  channels: number;
  format: string | undefined;
  /** Pixel at a fraction of the width/height, as RGB (gray repeated). */
  at(fx: number, fy: number): Rgb;
  data: Buffer;
}

async function decode(buf: Buffer): Promise<Decoded> {
  const meta = await sharp(buf).metadata();
  const { data, info } = await sharp(buf).raw().toBuffer({ resolveWithObject: true });
  const at = (fx: number, fy: number): Rgb => {
    const i = (Math.floor(fy * info.height) * info.width + Math.floor(fx * info.width)) * info.channels;
    const v = [...data.subarray(i, i + info.channels)];
    return (info.channels >= 3 ? v.slice(0, 3) : [v[0], v[0], v[0]]) as Rgb;
  };
  return { width: info.width, height: info.height, channels: meta.channels ?? 0, format: meta.format, at, data };
}

async function render(region: string, size: string, rotation = '0', qf = 'default.png', source = png): Promise<Decoded> {
  const req = parseImageRequest(region, size, rotation, qf);
  const resolved = resolveRequest(req, { width: W, height: H }, LIMITS);
  return decode(await renderImage(source, resolved, req.quality, req.format));
}

function near(actual: Rgb, expected: Rgb, tolerance = 24): void {
  actual.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0)), `${actual.join(',')} ≈ ${expected.join(',')}`).toBeLessThanOrEqual(tolerance));
}

/** Colours at the centres of the four quadrants: TL, TR, BL, BR. */
function quadrants(d: Decoded): Rgb[] {
  return [d.at(0.25, 0.25), d.at(0.75, 0.25), d.at(0.25, 0.75), d.at(0.75, 0.75)];
}

describe('region', () => {
  it('crops the top-right quadrant by pixels', async () => {
    const d = await render('500,0,500,400', 'max');
    expect([d.width, d.height]).toEqual([500, 400]);
    for (const c of quadrants(d)) near(c, GREEN, 0);
  });

  it('crops the bottom-right quadrant by percent', async () => {
    const d = await render('pct:50,50,50,50', 'max');
    expect([d.width, d.height]).toEqual([500, 400]);
    for (const c of quadrants(d)) near(c, YELLOW, 0);
  });

  it('takes the centred square', async () => {
    const d = await render('square', 'max');
    expect([d.width, d.height]).toEqual([800, 800]);
    quadrants(d).forEach((c, i) => near(c, [RED, GREEN, BLUE, YELLOW][i] as Rgb, 0));
  });
});

describe('size', () => {
  it.each([
    ['max', 1000, 800],
    ['250,', 250, 200],
    [',200', 250, 200],
    ['!300,300', 300, 240],
    ['pct:10', 100, 80],
    ['200,400', 200, 400],
    ['^!2000,2000', 2000, 1600],
  ])('%s gives %i×%i and keeps the quadrants', async (size, w, h) => {
    const d = await render('full', size);
    expect([d.width, d.height]).toEqual([w, h]);
    quadrants(d).forEach((c, i) => near(c, [RED, GREEN, BLUE, YELLOW][i] as Rgb));
  });
});

describe('rotation and mirroring', () => {
  it('90 swaps the dimensions and turns clockwise', async () => {
    const d = await render('full', 'max', '90');
    expect([d.width, d.height]).toEqual([800, 1000]);
    quadrants(d).forEach((c, i) => near(c, [BLUE, RED, YELLOW, GREEN][i] as Rgb, 0));
  });

  it('180 and 270', async () => {
    quadrants(await render('full', 'max', '180')).forEach((c, i) => near(c, [YELLOW, BLUE, GREEN, RED][i] as Rgb, 0));
    quadrants(await render('full', 'max', '270')).forEach((c, i) => near(c, [GREEN, YELLOW, RED, BLUE][i] as Rgb, 0));
  });

  it('!0 mirrors left-right', async () => {
    const d = await render('full', 'max', '!0');
    expect([d.width, d.height]).toEqual([1000, 800]);
    quadrants(d).forEach((c, i) => near(c, [GREEN, RED, YELLOW, BLUE][i] as Rgb, 0));
  });

  it('!90 mirrors first, then rotates', async () => {
    const d = await render('full', '500,', '!90');
    expect([d.width, d.height]).toEqual([400, 500]);
    quadrants(d).forEach((c, i) => near(c, [YELLOW, GREEN, BLUE, RED][i] as Rgb));
  });
});

describe('quality and format', () => {
  it('gray is one grey channel ordered by lightness (blue < red < green < yellow)', async () => {
    const d = await render('full', '500,', '0', 'gray.jpg');
    expect(d.format).toBe('jpeg');
    expect(d.channels).toBe(1);
    const [red, green, blue, yellow] = quadrants(d).map((c) => c[0]);
    expect(blue).toBeLessThan(red ?? 0);
    expect(red).toBeLessThan(green ?? 0);
    expect(green).toBeLessThan(yellow ?? 0);
  });

  it('bitonal has only black and white', async () => {
    const d = await render('full', '250,', '0', 'bitonal.png');
    expect(new Set(d.data)).toEqual(new Set([0, 255]));
    near(d.at(0.25, 0.25), [0, 0, 0], 0);
    near(d.at(0.75, 0.75), [255, 255, 255], 0);
  });

  it.each([
    ['color.png', 'png'],
    ['default.webp', 'webp'],
    ['default.jpg', 'jpeg'],
  ])('%s is encoded as %s', async (qf, format) => {
    const d = await render('full', '200,', '0', qf);
    expect(d.format).toBe(format);
    quadrants(d).forEach((c, i) => near(c, [RED, GREEN, BLUE, YELLOW][i] as Rgb, 40));
  });
});

it('applies EXIF orientation before cropping', async () => {
  const rotatedOnDisk = await sharp(png).rotate(270).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  expect((await sharp(rotatedOnDisk).metadata()).orientation).toBe(6);
  const d = await render('500,0,500,400', 'max', '0', 'default.png', rotatedOnDisk);
  for (const c of quadrants(d)) near(c, GREEN, 40);
});
