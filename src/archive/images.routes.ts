/**
 * HTTP face of page images: IIIF Image API 3.0 under /iiif/3/{page}/…,
 * a Presentation 3.0 manifest per book, and page thumbnails.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, on } from '../auth/index.js';
import { PageParams, IdParams } from './book.schema.js';
import { assertPageImage, manifestOfBook, pageImage, pageInfo, pageThumbnail } from './images.service.js';

const ImageParams = z.object({
  pageId: z.uuid('Mã trang không hợp lệ.'),
  region: z.string().max(100),
  size: z.string().max(100),
  rotation: z.string().max(10),
  qualityFormat: z.string().max(30),
});
const PageOnly = z.object({ pageId: z.uuid('Mã trang không hợp lệ.') });

/** The public base URL as the client sees it (behind a proxy: X-Forwarded-*, trusted by Fastify's trustProxy). */
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * Page images are personal data: same-origin only (no CORS header), each
 * request within the caller's scope; cached privately by the browser.
 */
export async function imagesRoutes(app: FastifyInstance): Promise<void> {
  const page = access('records.read', on.page('pageId'));
  app.get('/iiif/3/:pageId', page, async (req, reply) => {
    const { pageId } = PageOnly.parse(req.params);
    await assertPageImage(req.ctx, pageId); // not found (out of scope, unknown) before any redirect
    return reply.redirect(`${baseUrl(req)}/iiif/3/${pageId}/info.json`, 303);
  });
  app.get('/iiif/3/:pageId/info.json', page, async (req, reply) =>
    reply
      .headers({ 'Content-Type': 'application/ld+json;profile="http://iiif.io/api/image/3/context.json"', 'Cache-Control': 'private, no-cache' })
      .send(await pageInfo(req.ctx, PageOnly.parse(req.params).pageId, baseUrl(req))),
  );
  app.get('/iiif/3/:pageId/:region/:size/:rotation/:qualityFormat', page, async (req, reply) => {
    const { pageId, ...seg } = ImageParams.parse(req.params);
    const img = await pageImage(req.ctx, pageId, seg);
    return reply.headers({ 'Content-Type': img.mediaType, 'Cache-Control': 'private, max-age=86400' }).send(img.bytes);
  });
  app.get('/iiif/presentation/books/:id/manifest.json', access('records.read', on.book()), async (req, reply) =>
    reply.headers({ 'Content-Type': 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"' }).send(await manifestOfBook(req.ctx, IdParams.parse(req.params).id, baseUrl(req))),
  );
  app.get('/api/books/:id/pages/:pageId/thumbnail', access('books.read', on.book()), async (req, reply) => {
    const { id, pageId } = PageParams.parse(req.params);
    return reply
      .type('image/webp')
      .header('Cache-Control', 'private, max-age=86400')
      .send(await pageThumbnail(req.ctx, id, pageId));
  });
}
