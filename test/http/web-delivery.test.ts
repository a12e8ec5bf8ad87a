/**
 * Delivery of the built web app over HTTP: the build writes Brotli and gzip
 * copies of every script, style and index.html and Vite has no warning about
 * a dynamic import that stays in the initial chunk; the lazily loaded screens
 * (QC, acceptance, keying) are really outside the first load; the server
 * picks br, then gzip, else the plain file by Accept-Encoding (with Vary);
 * hashed assets are cached for a year as immutable, index.html is no-cache
 * and revalidates by ETag; a missing asset is a 404, not the HTML shell;
 * the API's JSON answers above 1 KB are compressed on the fly.
 * The browser's view of the same (bytes on the wire) is in
 * test/browser/web-delivery.browser.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/index.js';
import { openTestStore } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { signedInUser } from '../support/http.js';
import { buildWeb } from '../support/web-build.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The scripts index.html loads, with every chunk they import statically (what the first load fetches). */
function initialScripts(webRoot: string): string[] {
  const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(webRoot, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

describe('web delivery over HTTP', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-web-'));
  const webRoot = path.join(dir, 'web');
  let output = '';
  let app: FastifyInstance;
  let closeStore: () => Promise<void>;
  let dispose: () => void;
  let auth: { authorization: string };
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const asset = (pattern: RegExp) => `/assets/${readdirSync(path.join(webRoot, 'assets')).find((f) => pattern.test(f))!}`;

  beforeAll(async () => {
    output = buildWeb(webRoot);
    const opened = await openTestStore('pglite');
    closeStore = opened.dispose;
    const test = testContext(opened.store);
    dispose = test.dispose;
    app = await buildApp(test.ctx, { webRoot });
    auth = (await signedInUser(test.ctx)).headers;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await closeStore?.();
    dispose?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds without an ineffective dynamic import, with .br and .gz next to every script, style and index.html', () => {
    expect(output).not.toMatch(/INEFFECTIVE_DYNAMIC_IMPORT|dynamic import will not move module/);
    // registers/ and vn/ are bundled for the keying form: nothing Node-only may come along.
    expect(output).not.toMatch(/externalized for browser compatibility/);
    const texts = [
      'index.html',
      ...readdirSync(path.join(webRoot, 'assets'))
        .filter((f) => /\.(js|css)$/.test(f))
        .map((f) => `assets/${f}`),
    ];
    expect(texts.length).toBeGreaterThan(4);
    for (const f of texts) {
      const raw = readFileSync(path.join(webRoot, f));
      expect(zlib.brotliDecompressSync(readFileSync(path.join(webRoot, `${f}.br`))).equals(raw), f).toBe(true);
      expect(zlib.gunzipSync(readFileSync(path.join(webRoot, `${f}.gz`))).equals(raw), f).toBe(true);
    }
  });

  it('keeps the QC, acceptance and keying screens out of the first load', () => {
    const first = initialScripts(webRoot);
    const code = first.map((f) => readFileSync(path.join(webRoot, f), 'utf8')).join('\n');
    expect(code).toContain('Đăng nhập');
    expect(code).not.toContain('Không còn điểm khác biệt nào bạn được làm trọng tài');
    expect(code).not.toContain('Nghiệm thu theo mẫu');
    expect(code).not.toContain('OpenSeadragon');
  });

  it("bundles the catalog's validators into the keying chunk, without registers' HTTP routes and their Zod schemas", () => {
    const keying = readFileSync(path.join(webRoot, asset(/^keying-.*\.js$/)), 'utf8');
    expect(keying).toContain('phải để trống theo');
    expect(keying).not.toContain('ZodError');
  });

  it('serves Brotli, then gzip, else the plain file, by Accept-Encoding, with Vary', async () => {
    const url = asset(/^index-.*\.js$/);
    const raw = readFileSync(path.join(webRoot, url));
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(raw.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);

    const gz = await get(url, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(raw)).toBe(true);

    const plain = await get(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it('caches hashed assets for a year as immutable; index.html is no-cache and revalidates by ETag', async () => {
    for (const url of [asset(/^index-.*\.js$/), asset(/^index-.*\.css$/), asset(/^keying-.*\.js$/)]) {
      expect((await get(url, { 'accept-encoding': 'br' })).headers['cache-control'], url).toBe(IMMUTABLE);
    }
    const shell = await get('/', { 'accept-encoding': 'br' });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-type']).toMatch(/^text\/html/);
    expect(shell.headers['content-encoding']).toBe('br');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.headers['content-security-policy']).toContain("script-src 'self'");
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(shell.headers.etag) });
    expect(again.statusCode).toBe(304);

    // A client-side route reloaded: the same shell, just as fresh.
    const route = await get('/books/abc', { 'accept-encoding': 'gzip' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(route.rawPayload).toString()).toContain('<div id="root">');
  });

  it("compresses the API's JSON answers by Accept-Encoding (none without it), but not the small ones", async () => {
    const url = '/api/registers/KS-70/form';
    const plain = await get(url, { ...auth });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(url, { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await get(url, { ...auth, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    const small = await get('/api/health', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('answers 404 for a missing asset (an old chunk) or file, not the HTML shell', async () => {
    for (const url of ['/assets/index-0ld0ld0.js', '/favicon.ico', '/robots.txt?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('route.not_found');
    }
  });
});
