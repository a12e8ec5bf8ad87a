/**
 * iiif — page images as IIIF: Image API 3.0 (level1 plus pct regions/sizes,
 * confined sizes, upscaling with `^`, 90° rotations, mirroring, gray/bitonal,
 * png/webp) and Presentation API 3.0 manifests of register books.
 * Pure and database-free: callers pass bytes, dimensions and public URIs.
 * Invariants: a request is parsed (400/501 IiifError), resolved against the
 * image and the service limits, then rendered; the crop box always lies inside
 * the image and the output never exceeds the limits. Derivatives are cached
 * under sha256(source sha256 + canonical request), never under user text.
 */
export { IiifError, isIiifError, type IiifStatus } from './iiif-error.js';
export {
  parseImageRequest,
  parseRegion,
  parseSize,
  parseRotation,
  parseQualityFormat,
  QUALITIES,
  FORMATS,
  type ImageRequest,
  type Region,
  type Size,
  type Rotation,
  type Quality,
  type Format,
} from './image-request.js';
export { resolveRequest, canonicalRequest, type ResolvedRequest, type CropBox, type Dimensions, type ServiceLimits } from './image-resolve.js';
export { renderImage, MEDIA_TYPES } from './image-render.js';
export { infoJson, thumbnailSizes, IMAGE_CONTEXT, type ImageInformation, type InfoJsonInput, type SizeEntry } from './image-info.js';
export { bookManifest, PRESENTATION_CONTEXT, type Manifest, type Canvas, type ManifestPage, type BookManifestInput, type LanguageMap } from './manifest.js';
export { createDiskDerivativeCache, derivativeCacheKey, type DerivativeCache, type DerivativeKey } from './derivative-cache.js';
