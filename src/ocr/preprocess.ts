/**
 * A scanned page made ready for reading, with sharp and a little arithmetic:
 * grey, the skew measured (the angle whose horizontal projection of dark
 * pixels is sharpest: ruled lines and text lines line up), turned straight,
 * and binarized at Otsu's threshold. Kept: the mapping from the straightened
 * picture back to the scan, so boxes are stored in the scan's coordinates.
 */
import sharp from 'sharp';

export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Prepared {
  /** Straightened grey picture and its binary (1 = ink). */
  gray: Gray;
  ink: Uint8Array;
  /** Degrees the scan was turned by (the page was straightened by −skew). */
  skew: number;
  scan: { width: number; height: number };
}

export function otsu(data: Uint8Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of data) hist[v]!++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let [sumB, wB, best, threshold] = [0, 0, -1, 128];
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) [best, threshold] = [between, t];
  }
  return threshold;
}

/** The skew in degrees within ±maxDeg, from a small copy (step 0.1°). */
export function measureSkew(small: Gray, maxDeg = 3): number {
  const t = otsu(small.data);
  const pts: number[] = [];
  const m = Math.round(small.width * 0.03);
  for (let y = 0; y < small.height; y++) for (let x = m; x < small.width - m; x++) if (small.data[y * small.width + x]! < t) pts.push(x, y);
  let [bestAngle, bestScore] = [0, -1];
  const rows = new Float64Array(small.height * 2 + 16);
  for (let a = -maxDeg; a <= maxDeg + 1e-9; a += 0.1) {
    const tan = Math.tan((a * Math.PI) / 180);
    rows.fill(0);
    for (let i = 0; i < pts.length; i += 2) {
      const y = Math.round(pts[i + 1]! - (pts[i]! - small.width / 2) * tan + small.height / 2);
      if (y >= 0 && y < rows.length) rows[y]!++;
    }
    let score = 0;
    for (const r of rows) score += r * r;
    if (score > bestScore) [bestScore, bestAngle] = [score, a];
  }
  return Math.round(bestAngle * 10) / 10;
}

export async function prepare(scan: Buffer): Promise<Prepared> {
  const meta = await sharp(scan).metadata();
  const scanSize = { width: meta.width ?? 0, height: meta.height ?? 0 };
  const smallW = 800;
  const small = await sharp(scan).greyscale().resize({ width: smallW }).raw().toBuffer({ resolveWithObject: true });
  const skew = measureSkew({ data: small.data, width: small.info.width, height: small.info.height });
  const straight = await sharp(scan)
    .greyscale()
    .rotate(-skew, { background: { r: 255, g: 255, b: 255 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const gray = { data: new Uint8Array(straight.data.buffer, straight.data.byteOffset, straight.data.length), width: straight.info.width, height: straight.info.height };
  const t = otsu(gray.data);
  const ink = new Uint8Array(gray.data.length);
  for (let i = 0; i < ink.length; i++) ink[i] = gray.data[i]! <= t ? 1 : 0;
  clearBorder(ink, gray.width, gray.height);
  return { gray, ink, skew, scan: scanSize };
}

/**
 * The scanner lid and the turn's corners are not the register: ink that
 * touches the picture's edge (a solid band running in from it, row by row and
 * column by column) is cleared, and so is the outer 1 %.
 */
function clearBorder(ink: Uint8Array, width: number, height: number): void {
  const [mx, my] = [Math.round(width * 0.01), Math.round(height * 0.01)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width && (x < mx || ink[y * width + x]); x++) ink[y * width + x] = 0;
    for (let x = width - 1; x >= 0 && (x >= width - mx || ink[y * width + x]); x--) ink[y * width + x] = 0;
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height && (y < my || ink[y * width + x]); y++) ink[y * width + x] = 0;
    for (let y = height - 1; y >= 0 && (y >= height - my || ink[y * width + x]); y--) ink[y * width + x] = 0;
  }
}

/** A point of the straightened picture in the scan's pixels (undoing the turn about the centres). */
export function toScan(p: Prepared, x: number, y: number): { x: number; y: number } {
  const rad = (p.skew * Math.PI) / 180;
  const [dx, dy] = [x - p.gray.width / 2, y - p.gray.height / 2];
  return { x: dx * Math.cos(rad) - dy * Math.sin(rad) + p.scan.width / 2, y: dx * Math.sin(rad) + dy * Math.cos(rad) + p.scan.height / 2 };
}
