/**
 * Serving the built web app (dist/web, `npm run build:web`), and compressing
 * the API's answers.
 * - API answers (JSON lists of books and records above all): Brotli (quality
 *   4, fast) or gzip by Accept-Encoding, above 1 KB, through
 *   @fastify/compress, registered before every route (registerCompression).
 *   Only compressible types (by mime-db: JSON, text, CSV…; not JPEG tiles,
 *   xlsx, zip or PDF, which are compressed already); nothing without an
 *   Accept-Encoding; an answer already encoded (the precompressed files
 *   below) is left alone. Request bodies are not touched.
 * - Compression: the build writes a Brotli and a gzip copy next to every text
 *   file (web/precompress.ts); @fastify/static's `preCompressed` picks the
 *   best one the browser accepts (br, then gzip, else the plain file), sets
 *   Content-Encoding and `Vary: Accept-Encoding`. No CPU per request.
 * - Caching: Vite puts every script, style and image it emits under assets/
 *   with a content hash in the name, so those never change:
 *   `public, max-age=31536000, immutable` (a browser does not even ask again).
 *   index.html (and anything else outside assets/) is `no-cache`: asked again
 *   on every load, answered 304 by its ETag when unchanged, so a new version
 *   reaches everyone on their next load.
 * - SPA fallback: unknown non-API GETs get index.html so client-side routes
 *   survive a reload; a missing file (under assets/, or any path that names
 *   a file, such as /favicon.ico) is a real 404: an old page asking for last
 *   version's chunk must fail, not receive HTML, and no HTML travels for it.
 * test/http/web-delivery.test.ts and test/browser/web-delivery.browser.test.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { routeNotFound } from './errors.js';
import { FALLBACK_SHELL } from './fallback-shell.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** Vite's assetsDir: everything in it carries a content hash in its name. */
const ASSETS = 'assets';

/** Compression of dynamic answers; must come before the routes (it attaches to each route as it is declared). */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, globalDecompression: false, threshold: 1024, encodings: ['br', 'gzip'] });
}

/** Whether a served file (its path on disk) is one of the build's hashed assets. */
function isHashedAsset(root: string, file: string): boolean {
  return path.relative(root, file).split(path.sep)[0] === ASSETS;
}

export async function mountWeb(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => void reply.header('cache-control', isHashedAsset(root, file) ? IMMUTABLE : REVALIDATE),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split(/[?#]/)[0]!;
    const api = pathname.startsWith('/api/') || pathname.startsWith('/iiif/') || pathname.startsWith(`/${ASSETS}/`);
    const file = /\.[a-z0-9]+$/i.test(pathname) && !pathname.endsWith('.html');
    if (api || file || req.method !== 'GET') return reply.status(404).send(routeNotFound(req.method, req.url));
    return built ? reply.sendFile('index.html') : reply.type('text/html; charset=utf-8').send(FALLBACK_SHELL);
  });
}
