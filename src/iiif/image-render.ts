/**
 * Rendering a resolved IIIF request with sharp, in the spec's order:
 * region → size → mirror/rotation → quality → format.
 * The source is auto-oriented first (EXIF), so the dimensions given to
 * resolveRequest must be the displayed ones. JPEG output is flattened on white.
 */
import sharp, { type Sharp } from 'sharp';
import type { Format, Quality } from './image-request.js';
import type { ResolvedRequest } from './image-resolve.js';

export const MEDIA_TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const satisfies Record<Format, string>;

const JPEG_QUALITY = 85;
const WEBP_QUALITY = 80;
const BITONAL_THRESHOLD = 128;

export async function renderImage(source: Buffer, res: ResolvedRequest, quality: Quality, format: Format): Promise<Buffer> {
  let img = sharp(source, { autoOrient: true });
  if (!res.full) img = img.extract({ left: res.region.x, top: res.region.y, width: res.region.width, height: res.region.height });
  if (res.width !== res.region.width || res.height !== res.region.height) {
    img = img.resize(res.width, res.height, { fit: 'fill', kernel: res.upscaled ? 'cubic' : 'lanczos3' });
  }
  img = orient(img, res.rotation.degrees, res.rotation.mirror);
  img = applyQuality(img, quality);
  return encode(img, format, quality).toBuffer();
}

/**
 * IIIF mirrors, then rotates clockwise. sharp runs its fixed pipeline in the
 * same order whatever the call order (flop before rotate: pinned by
 * image-render.test, `!90`), after extract and resize.
 */
function orient(img: Sharp, degrees: number, mirror: boolean): Sharp {
  const mirrored = mirror ? img.flop() : img;
  return degrees === 0 ? mirrored : mirrored.rotate(degrees);
}

function applyQuality(img: Sharp, quality: Quality): Sharp {
  switch (quality) {
    case 'default':
    case 'color':
      return img.toColourspace('srgb');
    case 'gray':
      return img.grayscale().toColourspace('b-w');
    case 'bitonal':
      return img.threshold(BITONAL_THRESHOLD, { grayscale: true }).toColourspace('b-w');
  }
}

function encode(img: Sharp, format: Format, quality: Quality): Sharp {
  switch (format) {
    case 'jpg':
      return img.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY });
    case 'png':
      return quality === 'bitonal' ? img.png({ palette: true, colours: 2, dither: 0 }) : img.png({ compressionLevel: 6 });
    case 'webp':
      return img.webp({ quality: WEBP_QUALITY, lossless: quality === 'bitonal' });
  }
}
