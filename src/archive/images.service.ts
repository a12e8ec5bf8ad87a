/**
 * Page images as IIIF: info.json and image requests of one page (rendered
 * from its master blob, derivatives cached on disk), and the Presentation
 * manifest of a book, so any IIIF viewer (Mirador, OpenSeadragon, Universal
 * Viewer) opens it. The limits announced in info.json are the ones enforced.
 */
import path from 'node:path';
import { logRead, type ActorContext } from '../auth/index.js';
import { NotFound, type AppContext } from '../core/index.js';
import {
  bookManifest,
  canonicalRequest,
  createDiskDerivativeCache,
  infoJson,
  MEDIA_TYPES,
  parseImageRequest,
  renderImage,
  resolveRequest,
  type DerivativeCache,
  type ImageInformation,
  type Manifest,
} from '../iiif/index.js';
import { bookView, getBook } from './books.service.js';
import * as repo from './pages.repo.js';

export const IIIF_LIMITS = { maxWidth: 6000, maxHeight: 6000, maxArea: 36_000_000 } as const;

const caches = new Map<string, DerivativeCache>();

function cacheOf(ctx: AppContext): DerivativeCache {
  const dir = path.join(ctx.config.dataDir, 'cache', 'iiif');
  let cache = caches.get(dir);
  if (!cache) caches.set(dir, (cache = createDiskDerivativeCache(dir, 2 * 1024 ** 3)));
  return cache;
}

async function scannedPage(ctx: ActorContext, pageId: string) {
  const page = await repo.findPageById(ctx.store.db, ctx.actor, pageId);
  if (!page?.blob_sha256 || !page.width_px || !page.height_px) throw new NotFound('page.not_found', `Không tìm thấy ảnh của trang ${pageId}.`);
  return { ...page, blob_sha256: page.blob_sha256, width_px: page.width_px, height_px: page.height_px };
}

/** Throws "not found" unless the page has an image and is in the actor's scope (no access-log entry: nothing is read yet). */
export async function assertPageImage(ctx: ActorContext, pageId: string): Promise<void> {
  await scannedPage(ctx, pageId);
}

export const imageServiceId = (baseUrl: string, pageId: string) => `${baseUrl}/iiif/3/${pageId}`;

/** Opening a page image: its info.json (written to the access log; the tiles that follow are not logged one by one). */
export async function pageInfo(ctx: ActorContext, pageId: string, baseUrl: string): Promise<ImageInformation> {
  const page = await scannedPage(ctx, pageId);
  await logRead(ctx, { action: 'image.view', entityType: 'page', entityId: pageId, bookId: page.book_id });
  return infoJson({ id: imageServiceId(baseUrl, pageId), width: page.width_px, height: page.height_px, ...IIIF_LIMITS });
}

export interface ImageSegments {
  region: string;
  size: string;
  rotation: string;
  qualityFormat: string;
}

export async function pageImage(ctx: ActorContext, pageId: string, seg: ImageSegments): Promise<{ bytes: Buffer; mediaType: string }> {
  const request = parseImageRequest(seg.region, seg.size, seg.rotation, seg.qualityFormat);
  const page = await scannedPage(ctx, pageId);
  const resolved = resolveRequest(request, { width: page.width_px, height: page.height_px }, IIIF_LIMITS);
  const key = { sourceSha256: page.blob_sha256, request: canonicalRequest(resolved, request.quality, request.format) };
  const bytes = await cacheOf(ctx).getOrRender(key, async () => renderImage(await ctx.blobs.get(page.blob_sha256), resolved, request.quality, request.format));
  return { bytes, mediaType: MEDIA_TYPES[request.format] };
}

export async function pageThumbnail(ctx: ActorContext, bookId: string, pageId: string): Promise<Buffer> {
  await getBook(ctx, bookId);
  const page = await repo.findPage(ctx.store.db, bookId, pageId);
  if (!page?.thumbnail_sha256) throw new NotFound('page.not_found', `Không tìm thấy ảnh thu nhỏ của trang ${pageId}.`);
  return ctx.blobs.get(page.thumbnail_sha256);
}

export async function manifestOfBook(ctx: ActorContext, bookId: string, baseUrl: string): Promise<Manifest> {
  const book = bookView(await getBook(ctx, bookId));
  const pages = (await repo.listPages(ctx.store.db, bookId)).filter((p) => p.blob_sha256 && p.width_px && p.height_px);
  return bookManifest({
    id: `${baseUrl}/iiif/presentation/books/${bookId}/manifest.json`,
    label: `${book.title}, ${book.authority}, năm ${book.yearFrom}`,
    metadata: [
      { label: 'Loại sổ', value: book.title },
      { label: 'Cơ quan đăng ký', value: book.authority },
      { label: 'Năm', value: String(book.yearFrom) },
    ],
    pages: pages.map((p) => ({
      id: `${baseUrl}/iiif/presentation/books/${bookId}/canvas/${p.id}`,
      label: `Trang ${p.seq}`,
      width: p.width_px!,
      height: p.height_px!,
      serviceId: imageServiceId(baseUrl, p.id),
    })),
  });
}
