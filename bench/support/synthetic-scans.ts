/**
 * Synthetic register scans for bench:ingest, close to what a book scanner or
 * a phone gives at 300 dpi colour on A3 (3508 × 4961 px): warm paper with
 * grain and uneven blotches, a printed ruled form, handwriting-like strokes
 * in blue and black ink (cubic curves of varying width), a red stamp, saved
 * as JPEG quality 85–92 with 4:2:0 chroma subsampling. Deterministic per
 * seed (three paper sheets are shared, the writing is new on every page), and
 * several MB per page like real scans (a flat synthetic page would
 * compress to a fraction of that and flatter every decoder).
 */
import sharp from 'sharp';

export const A3_300DPI = { width: 3508, height: 4961 } as const;

/** A small linear-congruential generator: the same seed gives the same page. */
function random(seed: number): () => number {
  let s = (seed * 2654435761 + 1013904223) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One handwritten "word": a run of connected cubic curves wobbling along a base line. */
function word(rnd: () => number, x: number, y: number, len: number, h: number): string {
  let d = `M${x.toFixed(1)} ${y.toFixed(1)}`;
  let cx = x;
  while (cx < x + len) {
    const step = h * (0.35 + rnd() * 0.5);
    const up = y - h * (0.3 + rnd() * 0.9);
    const down = y + h * (rnd() * 0.35);
    d += ` C${(cx + step * 0.2).toFixed(1)} ${up.toFixed(1)} ${(cx + step * 0.7).toFixed(1)} ${down.toFixed(1)} ${(cx + step).toFixed(1)} ${(y - h * rnd() * 0.2).toFixed(1)}`;
    cx += step;
  }
  return d;
}

function formSvg(seed: number, width: number, height: number): Buffer {
  const rnd = random(seed);
  const margin = Math.round(width * 0.06);
  const rows = 28;
  const rowH = Math.round((height * 0.78) / rows);
  const top = Math.round(height * 0.15);
  const cols = [0, 0.07, 0.3, 0.45, 0.62, 0.8, 1].map((f) => margin + f * (width - 2 * margin));
  const parts: string[] = [];
  parts.push(
    `<text x="${width / 2}" y="${Math.round(height * 0.06)}" text-anchor="middle" font-family="DejaVu Serif" font-size="${Math.round(width / 40)}" fill="#222">SỔ ĐĂNG KÝ KHAI SINH — QUYỂN SỐ ${(seed % 9) + 1}</text>`,
  );
  parts.push(
    `<text x="${width / 2}" y="${Math.round(height * 0.1)}" text-anchor="middle" font-family="DejaVu Serif" font-size="${Math.round(width / 70)}" fill="#333">Họ và tên · Ngày sinh · Nơi sinh · Dân tộc · Quốc tịch · Họ tên cha · Họ tên mẹ</text>`,
  );
  for (let r = 0; r <= rows; r++) parts.push(`<line x1="${margin}" y1="${top + r * rowH}" x2="${width - margin}" y2="${top + r * rowH}" stroke="#3a3a3a" stroke-width="3"/>`);
  for (const c of cols) parts.push(`<line x1="${c.toFixed(0)}" y1="${top}" x2="${c.toFixed(0)}" y2="${top + rows * rowH}" stroke="#3a3a3a" stroke-width="3"/>`);
  const strokes: string[] = [];
  for (let r = 0; r < rows; r++) {
    if (rnd() < 0.08) continue; // a few empty rows
    for (let c = 0; c + 1 < cols.length; c++) {
      let x = cols[c]! + 14;
      const right = cols[c + 1]! - 14;
      while (x < right - 60) {
        const len = Math.min(right - x, 80 + rnd() * 260);
        strokes.push(word(rnd, x, top + r * rowH + rowH * 0.68, len, rowH * 0.45));
        x += len + 30 + rnd() * 40;
      }
    }
  }
  const ink = seed % 3 === 0 ? '#1b1b2f' : '#1d2f8a';
  parts.push(`<path d="${strokes.join(' ')}" fill="none" stroke="${ink}" stroke-width="${(4 + rnd() * 3).toFixed(1)}" stroke-linecap="round" stroke-opacity="0.85"/>`);
  const sx = width * (0.6 + rnd() * 0.2);
  const sy = height * (0.88 + rnd() * 0.05);
  parts.push(`<circle cx="${sx}" cy="${sy}" r="${width * 0.06}" fill="none" stroke="#c0262d" stroke-width="12" stroke-opacity="0.75"/>`);
  parts.push(`<circle cx="${sx}" cy="${sy}" r="${width * 0.045}" fill="none" stroke="#c0262d" stroke-width="5" stroke-opacity="0.75"/>`);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`);
}

/** Warm paper: grain (per-pixel noise) times soft blotches (a tiny noise field blown up), tinted. */
async function paper(seed: number, width: number, height: number): Promise<Buffer> {
  const blotches = await sharp({ create: { width: 24, height: 34, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 242 + (seed % 7), sigma: 7 } } })
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 246, sigma: 9 } } })
    .composite([
      { input: blotches, blend: 'multiply' },
      { input: { create: { width, height, channels: 3, background: '#f3e6c8' } }, blend: 'multiply' },
    ])
    .raw()
    .toBuffer();
}

/** Three paper sheets are made once and shared (the grain is the slow part); the writing differs on every page. */
const PAPERS = 3;
const papers = new Map<string, Promise<Buffer>>();
function paperOf(seed: number, width: number, height: number): Promise<Buffer> {
  const key = `${seed % PAPERS}:${width}x${height}`;
  if (!papers.has(key)) papers.set(key, paper(seed % PAPERS, width, height));
  return papers.get(key)!;
}

/** One synthetic scanned page as a JPEG (quality 85–92 by seed, 4:2:0). */
export async function scannedPageJpeg(seed: number, size: { width: number; height: number } = A3_300DPI): Promise<Buffer> {
  const { width, height } = size;
  const base = await paperOf(seed, width, height);
  return sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: formSvg(seed, width, height), blend: 'multiply' }])
    .jpeg({ quality: 85 + (seed % 8), chromaSubsampling: '4:2:0', mozjpeg: false })
    .toBuffer();
}
