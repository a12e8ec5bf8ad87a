/**
 * The Image API 3.0 Image Information document (info.json) of one image
 * service: level1 profile plus what we do beyond it (extraFeatures,
 * extraQualities, extraFormats), the declared limits and the `sizes` a client
 * may request as `w,h` (thumbnails). Pure: the caller supplies the base URI.
 */
import { assertHttpUri } from './uri.js';

export const IMAGE_CONTEXT = 'http://iiif.io/api/image/3/context.json';
export const IMAGE_PROTOCOL = 'http://iiif.io/api/image';

/** Features beyond level 1 that parseImageRequest/renderImage implement. */
export const EXTRA_FEATURES = ['regionByPct', 'sizeByPct', 'sizeByConfinedWh', 'sizeUpscaling', 'rotationBy90s', 'mirroring'] as const;
export const EXTRA_QUALITIES = ['color', 'gray', 'bitonal'] as const;
export const EXTRA_FORMATS = ['png', 'webp'] as const;

/** Widths offered as ready-made sizes when the caller gives none. */
export const DEFAULT_SIZE_WIDTHS = [200, 800] as const;

export interface SizeEntry {
  width: number;
  height: number;
}

export interface InfoJsonInput {
  /** Base URI of the image service (no trailing slash, no `/info.json`). */
  id: string;
  width: number;
  height: number;
  maxWidth?: number;
  maxHeight?: number;
  maxArea?: number;
  sizes?: SizeEntry[];
}

/** The document: the input's id, size, limits and sizes, plus the fixed service description. */
export interface ImageInformation extends InfoJsonInput {
  '@context': typeof IMAGE_CONTEXT;
  type: 'ImageService3';
  protocol: typeof IMAGE_PROTOCOL;
  profile: 'level1';
  extraFeatures: string[];
  extraQualities: string[];
  extraFormats: string[];
}

export function infoJson(input: InfoJsonInput): ImageInformation {
  assertHttpUri(input.id, 'id');
  const sizes = input.sizes ?? thumbnailSizes(input.width, input.height);
  if (input.id.endsWith('/')) throw new TypeError(`IIIF: id must not end with "/": ${input.id}`);
  return {
    '@context': IMAGE_CONTEXT,
    id: input.id,
    type: 'ImageService3',
    protocol: IMAGE_PROTOCOL,
    profile: 'level1',
    width: input.width,
    height: input.height,
    ...(input.maxWidth === undefined ? {} : { maxWidth: input.maxWidth }),
    ...(input.maxHeight === undefined ? {} : { maxHeight: input.maxHeight }),
    ...(input.maxArea === undefined ? {} : { maxArea: input.maxArea }),
    ...(sizes.length === 0 ? {} : { sizes }),
    extraFeatures: [...EXTRA_FEATURES],
    extraQualities: [...EXTRA_QUALITIES],
    extraFormats: [...EXTRA_FORMATS],
  };
}

/** Sizes for the given widths (never above the image), aspect ratio kept, smallest first. */
export function thumbnailSizes(width: number, height: number, widths: readonly number[] = DEFAULT_SIZE_WIDTHS): SizeEntry[] {
  return [...new Set(widths.filter((w) => w < width))].sort((a, b) => a - b).map((w) => ({ width: w, height: Math.max(1, Math.round((height * w) / width)) }));
}
