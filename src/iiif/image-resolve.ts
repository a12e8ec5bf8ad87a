/**
 * From a parsed ImageRequest and the image's (display) dimensions to a concrete
 * crop box and output size, following IIIF Image API 3.0 §4.2–4.3:
 * the region is clipped to the image (entirely outside or empty → 400); sizes
 * above the region need the `^` prefix (else 400); `max` never exceeds the
 * service limits, any other size beyond maxWidth/maxHeight/maxArea → 400.
 * The size is applied before rotation; output dims are after rotation.
 */
import { badRequest } from './iiif-error.js';
import type { Format, ImageRequest, Quality, Region, Rotation, Size } from './image-request.js';

export interface Dimensions {
  width: number;
  height: number;
}

export interface ServiceLimits {
  maxWidth: number;
  maxHeight: number;
  maxArea: number;
}

export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ResolvedRequest {
  /** Crop box in source pixels, inside the image. */
  region: CropBox;
  /** True when the region is the whole image. */
  full: boolean;
  /** Scaled size, before rotation. */
  width: number;
  height: number;
  upscaled: boolean;
  rotation: Rotation;
  /** Size of the delivered image, after rotation. */
  outputWidth: number;
  outputHeight: number;
}

export function resolveRequest(req: ImageRequest, image: Dimensions, limits: ServiceLimits): ResolvedRequest {
  const region = resolveRegion(req.region, image);
  const { width, height } = resolveSize(req.size, region, limits);
  checkLimits(width, height, limits);
  const swap = req.rotation.degrees === 90 || req.rotation.degrees === 270;
  return {
    region,
    full: region.width === image.width && region.height === image.height,
    width,
    height,
    upscaled: width > region.width || height > region.height,
    rotation: req.rotation,
    outputWidth: swap ? height : width,
    outputHeight: swap ? width : height,
  };
}

export function resolveRegion(r: Region, img: Dimensions): CropBox {
  switch (r.kind) {
    case 'full':
      return { x: 0, y: 0, width: img.width, height: img.height };
    case 'square': {
      const side = Math.min(img.width, img.height);
      return { x: Math.floor((img.width - side) / 2), y: Math.floor((img.height - side) / 2), width: side, height: side };
    }
    case 'pixels':
      return clip(r.x, r.y, r.x + r.w, r.y + r.h, img);
    case 'percent': {
      const px = (p: number) => Math.round((p * img.width) / 100);
      const py = (p: number) => Math.round((p * img.height) / 100);
      return clip(px(r.x), py(r.y), px(r.x + r.w), py(r.y + r.h), img);
    }
  }
}

function clip(x0: number, y0: number, x1: number, y1: number, img: Dimensions): CropBox {
  if (x0 >= img.width || y0 >= img.height) throw badRequest('iiif.region_outside', 'Vùng ảnh yêu cầu nằm hoàn toàn ngoài ảnh.');
  const width = Math.min(x1, img.width) - x0;
  const height = Math.min(y1, img.height) - y0;
  if (width <= 0 || height <= 0) throw badRequest('iiif.region_empty', 'Vùng ảnh yêu cầu có kích thước bằng 0.');
  return { x: x0, y: y0, width, height };
}

export function resolveSize(s: Size, r: CropBox, limits: ServiceLimits): Dimensions {
  const scaled = (k: number) => ({ width: Math.round(r.width * k), height: Math.round(r.height * k) });
  let out: Dimensions;
  switch (s.kind) {
    case 'max':
      return maxSize(r, limits, s.upscale);
    case 'width':
      out = { width: s.w, height: Math.round((r.height * s.w) / r.width) };
      break;
    case 'height':
      out = { width: Math.round((r.width * s.h) / r.height), height: s.h };
      break;
    case 'percent':
      out = scaled(s.n / 100);
      break;
    case 'exact':
      out = { width: s.w, height: s.h };
      break;
    case 'fit':
      return fitSize(s.w, s.h, r, limits, s.upscale);
  }
  if (out.width === 0 || out.height === 0) throw badRequest('iiif.size_empty', 'Kích thước ảnh kết quả bằng 0.');
  if (!s.upscale && (out.width > r.width || out.height > r.height)) {
    throw badRequest('iiif.upscale_not_requested', 'Kích thước yêu cầu lớn hơn vùng ảnh: thêm "^" phía trước nếu muốn phóng to.');
  }
  return out;
}

/** `max` / `^max`: as large as the limits allow; without `^`, never above the region. */
function maxSize(r: CropBox, limits: ServiceLimits, upscale: boolean): Dimensions {
  return scaleWithin(r, upscale ? limitScale(r, limits) : Math.min(1, limitScale(r, limits)), limits);
}

/** `!w,h`: the largest size inside w×h and the limits, keeping the aspect ratio; without `^`, never above the region. */
function fitSize(w: number, h: number, r: CropBox, limits: ServiceLimits, upscale: boolean): Dimensions {
  const k = Math.min(w / r.width, h / r.height, limitScale(r, limits), upscale ? Infinity : 1);
  const out = scaleWithin(r, k, limits);
  return { width: Math.min(w, out.width), height: Math.min(h, out.height) };
}

function limitScale(r: CropBox, l: ServiceLimits): number {
  return Math.min(l.maxWidth / r.width, l.maxHeight / r.height, Math.sqrt(l.maxArea / (r.width * r.height)));
}

/** Region scaled by k, rounded, or floored when rounding would break a limit. */
function scaleWithin(r: CropBox, k: number, limits: ServiceLimits): Dimensions {
  if (k === 1) return { width: r.width, height: r.height };
  const by = (f: (v: number) => number) => ({ width: Math.max(1, f(r.width * k)), height: Math.max(1, f(r.height * k)) });
  const rounded = by(Math.round);
  return withinLimits(rounded, limits) ? rounded : by((v) => Math.floor(v + 1e-9));
}

function withinLimits(d: Dimensions, l: ServiceLimits): boolean {
  return d.width <= l.maxWidth && d.height <= l.maxHeight && d.width * d.height <= l.maxArea;
}

function checkLimits(width: number, height: number, l: ServiceLimits): void {
  if (!withinLimits({ width, height }, l)) {
    throw badRequest('iiif.size_too_large', `Kích thước ${width}×${height} vượt giới hạn của máy chủ (tối đa ${l.maxWidth}×${l.maxHeight}, ${l.maxArea} điểm ảnh).`);
  }
}

/**
 * The canonical request path (Image API 3.0 §4.7), e.g. `full/max/0/default.jpg`
 * or `0,0,500,400/250,200/!90/gray.png`. One string per distinct output: used
 * for the canonical Link header and as the derivative-cache key.
 */
export function canonicalRequest(res: ResolvedRequest, quality: Quality, format: Format): string {
  const { x, y, width: w, height: h } = res.region;
  const region = res.full ? 'full' : `${x},${y},${w},${h}`;
  const atRegionSize = res.width === w && res.height === h;
  const size = atRegionSize ? 'max' : `${res.upscaled ? '^' : ''}${res.width},${res.height}`;
  const rotation = `${res.rotation.mirror ? '!' : ''}${res.rotation.degrees}`;
  return `${region}/${size}/${rotation}/${quality}.${format}`;
}
