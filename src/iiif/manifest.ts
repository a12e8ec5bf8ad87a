/**
 * A register book (quyển sổ) as a IIIF Presentation 3.0 Manifest: one Canvas
 * per scanned page, each painted by one Image whose level1 ImageService3 is
 * the page's image service. Labels are Vietnamese language maps (NFC).
 * Invariants: at least one canvas; every canvas has width/height and exactly
 * one painting annotation that targets it; all ids are absolute http(s) URIs.
 */
import { IiifError } from './iiif-error.js';
import { assertHttpUri } from './uri.js';

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export type LanguageMap = Record<string, string[]>;

export interface ManifestPage {
  /** Canvas id (URI). */
  id: string;
  label: string;
  width: number;
  height: number;
  /** Base URI of the page's IIIF image service. */
  serviceId: string;
  /** URI of a small rendition; defaults to `{serviceId}/full/!200,200/0/default.jpg`. */
  thumbnailId?: string;
}

export interface BookManifestInput {
  /** Manifest id (URI). */
  id: string;
  /** Book title, e.g. "Sổ đăng ký khai sinh năm 1995, quyển 01". */
  label: string;
  summary?: string;
  pages: ManifestPage[];
  metadata?: { label: string; value: string }[];
}

interface ImageService3Ref {
  id: string;
  type: 'ImageService3';
  profile: 'level1';
}

interface ImageResource {
  id: string;
  type: 'Image';
  format: 'image/jpeg';
  width?: number;
  height?: number;
  service?: ImageService3Ref[];
}

export interface Canvas {
  id: string;
  type: 'Canvas';
  label: LanguageMap;
  width: number;
  height: number;
  thumbnail: ImageResource[];
  items: {
    id: string;
    type: 'AnnotationPage';
    items: { id: string; type: 'Annotation'; motivation: 'painting'; body: ImageResource; target: string }[];
  }[];
}

export interface Manifest {
  '@context': typeof PRESENTATION_CONTEXT;
  id: string;
  type: 'Manifest';
  label: LanguageMap;
  summary?: LanguageMap;
  metadata?: { label: LanguageMap; value: LanguageMap }[];
  behavior: ['paged'];
  viewingDirection: 'left-to-right';
  thumbnail: ImageResource[];
  items: Canvas[];
}

export function bookManifest(input: BookManifestInput): Manifest {
  assertHttpUri(input.id, 'manifest id');
  const first = input.pages[0];
  if (!first) throw new IiifError(404, 'iiif.manifest_empty', 'Quyển sổ chưa có trang nào được quét.');
  if (new Set(input.pages.map((p) => p.id)).size !== input.pages.length) throw new TypeError('IIIF: canvas ids must be unique');
  const items = input.pages.map(canvas);
  return {
    '@context': PRESENTATION_CONTEXT,
    id: input.id,
    type: 'Manifest',
    label: vi(input.label),
    ...(input.summary === undefined ? {} : { summary: vi(input.summary) }),
    ...(input.metadata?.length ? { metadata: input.metadata.map((m) => ({ label: vi(m.label), value: vi(m.value) })) } : {}),
    behavior: ['paged'],
    viewingDirection: 'left-to-right',
    thumbnail: items[0]?.thumbnail ?? [],
    items,
  };
}

function canvas(page: ManifestPage): Canvas {
  for (const [what, id] of [
    ['canvas id', page.id],
    ['serviceId', page.serviceId],
  ] as const)
    assertHttpUri(id, what);
  if (page.thumbnailId !== undefined) assertHttpUri(page.thumbnailId, 'thumbnailId');
  const service: ImageService3Ref[] = [{ id: page.serviceId, type: 'ImageService3', profile: 'level1' }];
  const body: ImageResource = { id: `${page.serviceId}/full/max/0/default.jpg`, type: 'Image', format: 'image/jpeg', width: page.width, height: page.height, service };
  const thumbnail: ImageResource = page.thumbnailId
    ? { id: page.thumbnailId, type: 'Image', format: 'image/jpeg' }
    : { id: `${page.serviceId}/full/!200,200/0/default.jpg`, type: 'Image', format: 'image/jpeg', service };
  return {
    id: page.id,
    type: 'Canvas',
    label: vi(page.label),
    width: page.width,
    height: page.height,
    thumbnail: [thumbnail],
    items: [
      {
        id: `${page.id}/page`,
        type: 'AnnotationPage',
        items: [{ id: `${page.id}/page/painting`, type: 'Annotation', motivation: 'painting', body, target: page.id }],
      },
    ],
  };
}

function vi(text: string): LanguageMap {
  return { vi: [text.normalize('NFC')] };
}
