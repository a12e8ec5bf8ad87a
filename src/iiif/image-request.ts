/**
 * Parsing of the four IIIF Image API 3.0 request segments
 * ({region}/{size}/{rotation}/{quality}.{format}) into an ImageRequest.
 * Segments arrive URL-decoded. Syntax errors are 400; valid IIIF that this
 * server does not implement (arbitrary rotation, tif/gif/pdf/jp2) is 501.
 * Nothing here knows the image's dimensions: see image-resolve.ts.
 */
import { badRequest, notImplemented } from './iiif-error.js';

export type Region = { kind: 'full' } | { kind: 'square' } | { kind: 'pixels'; x: number; y: number; w: number; h: number } | { kind: 'percent'; x: number; y: number; w: number; h: number };

/** `upscale` is the `^` prefix: only then may the result exceed the region. */
export type Size = { upscale: boolean } & (
  { kind: 'max' } | { kind: 'width'; w: number } | { kind: 'height'; h: number } | { kind: 'percent'; n: number } | { kind: 'exact'; w: number; h: number } | { kind: 'fit'; w: number; h: number }
);

export interface Rotation {
  degrees: 0 | 90 | 180 | 270;
  /** `!n`: mirror horizontally, then rotate. */
  mirror: boolean;
}

export const QUALITIES = ['default', 'color', 'gray', 'bitonal'] as const;
export type Quality = (typeof QUALITIES)[number];

export const FORMATS = ['jpg', 'png', 'webp'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats the spec names that we answer with 501 rather than 400. */
const UNSUPPORTED_FORMATS = ['tif', 'gif', 'pdf', 'jp2'] as const;

export interface ImageRequest {
  region: Region;
  size: Size;
  rotation: Rotation;
  quality: Quality;
  format: Format;
}

const INT = '(\\d{1,9})';
const DEC = '(\\d{1,9}(?:\\.\\d{1,9})?)';
const REGION_PX = new RegExp(`^${INT},${INT},${INT},${INT}$`);
const REGION_PCT = new RegExp(`^pct:${DEC},${DEC},${DEC},${DEC}$`);
const SIZE_PCT = new RegExp(`^pct:${DEC}$`);
const SIZE_WH = new RegExp(`^(!)?${INT}?,${INT}?$`);
const ROTATION = new RegExp(`^(!)?${DEC}$`);

export function parseImageRequest(region: string, size: string, rotation: string, qualityFormat: string): ImageRequest {
  return { region: parseRegion(region), size: parseSize(size), rotation: parseRotation(rotation), ...parseQualityFormat(qualityFormat) };
}

export function parseRegion(s: string): Region {
  if (s === 'full' || s === 'square') return { kind: s };
  const px = REGION_PX.exec(s);
  const m = px ?? REGION_PCT.exec(s);
  if (!m) throw badRequest('iiif.region_syntax', `Vùng ảnh "${s}" không đúng cú pháp IIIF (full, square, x,y,w,h hoặc pct:x,y,w,h).`);
  const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (w <= 0 || h <= 0) throw badRequest('iiif.region_empty', 'Vùng ảnh phải có chiều rộng và chiều cao lớn hơn 0.');
  return { kind: px ? 'pixels' : 'percent', x, y, w, h };
}

export function parseSize(s: string): Size {
  const upscale = s.startsWith('^');
  const body = upscale ? s.slice(1) : s;
  if (body === 'max') return { upscale, kind: 'max' };
  const pct = SIZE_PCT.exec(body);
  if (pct) return { upscale, kind: 'percent', n: positive(Number(pct[1])) };
  const m = SIZE_WH.exec(body);
  if (!m || (m[2] === undefined && m[3] === undefined)) throw sizeSyntax(s);
  const w = m[2] === undefined ? undefined : positive(Number(m[2]));
  const h = m[3] === undefined ? undefined : positive(Number(m[3]));
  if (w !== undefined && h !== undefined) return { upscale, kind: m[1] ? 'fit' : 'exact', w, h };
  if (m[1]) throw sizeSyntax(s);
  return w !== undefined ? { upscale, kind: 'width', w } : { upscale, kind: 'height', h: h as number };
}

export function parseRotation(s: string): Rotation {
  const m = ROTATION.exec(s);
  const n = m ? Number(m[2]) : NaN;
  if (!m || n > 360) throw badRequest('iiif.rotation_syntax', `Góc xoay "${s}" không hợp lệ: dùng số từ 0 đến 360, có thể thêm "!" phía trước để lật gương.`);
  if (n % 90 !== 0) throw notImplemented('iiif.rotation_unsupported', 'Máy chủ chỉ hỗ trợ xoay 0, 90, 180 hoặc 270 độ.');
  return { degrees: (n % 360) as Rotation['degrees'], mirror: m[1] === '!' };
}

export function parseQualityFormat(s: string): { quality: Quality; format: Format } {
  const dot = s.lastIndexOf('.');
  const quality = s.slice(0, dot);
  const format = s.slice(dot + 1);
  if (dot < 0 || !isOneOf(QUALITIES, quality)) {
    throw badRequest('iiif.quality_invalid', `Chất lượng ảnh "${dot < 0 ? s : quality}" không hợp lệ (default, color, gray, bitonal).`);
  }
  if (isOneOf(FORMATS, format)) return { quality, format };
  if (isOneOf(UNSUPPORTED_FORMATS, format)) throw notImplemented('iiif.format_unsupported', `Máy chủ chưa hỗ trợ định dạng "${format}" (dùng jpg, png hoặc webp).`);
  throw badRequest('iiif.format_invalid', `Định dạng ảnh "${format}" không hợp lệ (jpg, png hoặc webp).`);
}

function isOneOf<T extends string>(list: readonly T[], s: string): s is T {
  return (list as readonly string[]).includes(s);
}

function positive(n: number): number {
  if (n > 0) return n;
  throw badRequest('iiif.size_empty', 'Kích thước ảnh yêu cầu phải lớn hơn 0.');
}

function sizeSyntax(s: string) {
  return badRequest('iiif.size_syntax', `Kích thước "${s}" không đúng cú pháp IIIF (max, w, ,h, pct:n, w,h hoặc !w,h; thêm "^" để phóng to).`);
}
