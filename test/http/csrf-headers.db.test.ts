/**
 * The web surface as an attacker meets it, on both backends, through the
 * whole app: cookie-authenticated mutations from another origin (or from
 * nowhere) are refused with 403 auth.csrf — PATCH /api/books/:id, POST
 * /api/books/:id/exports, a tus upload, logout — while the app's own pages
 * and Bearer clients go through; security headers (CSP, frame, referrer;
 * HSTS only over HTTPS); X-Forwarded-* ignored unless HOTICH_TRUST_PROXY
 * names the proxy (the cookie's Secure flag, HSTS, IIIF ids, tus upload
 * URLs, the throttled client address and the CSRF origin all follow it).
 */
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { createTestUser } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook, getBook, listPages } from '../../src/archive/index.js';
import { CSRF_REFUSED, type ActorContext } from '../../src/auth/index.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { buildApp } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';

const PW = 'mật khẩu đủ dài 2026';
const HOST = 'hotich.example';
const OWN = `http://${HOST}`;
const EVIL = 'https://evil.example';

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

/** The headers of a tus upload creation for a 10-byte file into this book. */
const tusHeaders = (bookId: string) => ({
  'tus-resumable': '1.0.0',
  'upload-length': '10',
  'upload-metadata': `bookId ${Buffer.from(bookId).toString('base64')},filename ${Buffer.from('a.jpg').toString('base64')}`,
});

describeBackends('CSRF, security headers and trusted proxies over HTTP', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let app: FastifyInstance;
  let bookId = '';
  let pageId = '';
  let token = '';
  let cookie = '';
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await createTestUser(ctx, { login: 'admin', role: 'admin', password: PW });
    app = await buildApp(ctx, { webRoot: '/nonexistent' });
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '03/2008' });
    bookId = book.id;
    const scan = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    await ingestFiles(ctx, bookId, [{ name: 'p1.jpg', bytes: scan }]);
    pageId = (await listPages(ctx, bookId))[0]!.id;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST }, payload: { login: 'admin', password: PW } });
    token = res.json<{ token: string }>().token;
    cookie = `hotich_session=${token}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    dispose();
  });

  const patchBook = (headers: Record<string, string>, notes: string) => app.inject({ method: 'PATCH', url: `/api/books/${bookId}`, headers: { host: HOST, ...headers }, payload: { notes } });
  const startExport = (headers: Record<string, string>) => app.inject({ method: 'POST', url: `/api/books/${bookId}/exports`, headers: { host: HOST, ...headers }, payload: {} });
  /** Exports asked for (each is a queued job; nothing runs them here). */
  const exportCount = async () => (await store().db.selectFrom('jobs').select('id').where('kind', '=', 'export.book').execute()).length;
  const refused = (res: { statusCode: number; json: () => unknown }) => {
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'auth.csrf', message: CSRF_REFUSED } });
  };

  it('refuses a cookie-authenticated PATCH /api/books/:id and POST /api/books/:id/exports from another origin', async () => {
    const before = await exportCount();
    refused(await patchBook({ cookie, origin: EVIL }, 'sửa từ trang lạ'));
    refused(await startExport({ cookie, origin: EVIL }));
    refused(await patchBook({ cookie, origin: `${OWN}.evil.example` }, 'x'));
    refused(await patchBook({ cookie, origin: `https://${HOST}` }, 'x')); // another scheme is another origin
    refused(await patchBook({ cookie, origin: `http://${HOST}:8443` }, 'x'));
    expect((await getBook(ctx, bookId)).notes).toBe('');
    expect(await exportCount()).toBe(before);
  });

  it('refuses them without Origin and Referer, with Origin: null, and with a foreign Referer', async () => {
    refused(await patchBook({ cookie }, 'x'));
    refused(await patchBook({ cookie, origin: 'null' }, 'x'));
    refused(await patchBook({ cookie, referer: `${EVIL}/trang-lua.html` }, 'x'));
    refused(await startExport({ cookie }));
  });

  it("accepts the app's own origin (Origin, or Referer without Origin), and Bearer clients from anywhere", async () => {
    const before = await exportCount();
    expect((await patchBook({ cookie, origin: OWN }, 'một')).statusCode).toBe(200);
    expect((await patchBook({ cookie, origin: `HTTP://${HOST.toUpperCase()}:80` }, 'hai')).statusCode).toBe(200);
    expect((await patchBook({ cookie, referer: `${OWN}/#/books/${bookId}` }, 'ba')).statusCode).toBe(200);
    expect((await startExport({ cookie, origin: OWN })).statusCode).toBe(202);
    expect((await patchBook({ authorization: `Bearer ${token}`, origin: EVIL }, 'bốn')).statusCode).toBe(200);
    expect((await patchBook({ authorization: `Bearer ${token}`, cookie, origin: EVIL }, 'năm')).statusCode).toBe(200);
    expect((await startExport({ authorization: `Bearer ${token}` })).statusCode).toBe(202);
    expect((await getBook(ctx, bookId)).notes).toBe('năm');
    expect(await exportCount()).toBe(before + 2);
  });

  it('lets reads through, and guards tus uploads, logout and a foreign sign-in', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/books/${bookId}`, headers: { host: HOST, cookie, origin: EVIL } })).statusCode).toBe(200);
    const tus = tusHeaders(bookId);
    refused(await app.inject({ method: 'POST', url: '/api/uploads', headers: { host: HOST, cookie, origin: EVIL, ...tus } }));
    const created = await app.inject({ method: 'POST', url: '/api/uploads', headers: { host: HOST, cookie, origin: OWN, ...tus } });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toMatch(new RegExp(`^${OWN}/api/uploads/[0-9a-f]+$`));
    refused(await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: HOST, cookie, origin: EVIL } }));
    refused(await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { host: HOST, cookie } }));
    const login = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST, ...headers }, payload: { login: 'admin', password: PW } });
    refused(await login({ origin: EVIL }));
    expect((await login({ origin: OWN })).statusCode).toBe(200);
    expect((await login({})).statusCode).toBe(200); // scripts send no Origin
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { host: HOST, cookie } })).statusCode).toBe(200); // still signed in
  });

  it('sends the security headers on the shell and on the API, and no HSTS over plain HTTP', async () => {
    for (const url of ['/', '/api/health', `/api/books/${bookId}`]) {
      const res = await app.inject({ method: 'GET', url, headers: { host: HOST, cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers).toMatchObject({
        'content-security-policy': EXPECTED_CSP,
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('ignores X-Forwarded-* by default', async () => {
    expect(ctx.config.trustProxy).toBe(false);
    const forwarded = { host: HOST, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'public.example', 'x-forwarded-for': '203.0.113.9' };
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', headers: forwarded, payload: { login: 'admin', password: 'sai mật khẩu' } });
    expect(login.statusCode).toBe(401);
    const attempt = await store().db.selectFrom('login_attempts').select('address').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(attempt.address).toBe('10.9.9.9');
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', headers: forwarded, payload: { login: 'admin', password: PW } });
    expect(ok.headers['set-cookie']).not.toContain('Secure');
    expect(ok.headers['strict-transport-security']).toBeUndefined();
    const info = await app.inject({ method: 'GET', url: `/iiif/3/${pageId}/info.json`, headers: { ...forwarded, cookie } });
    expect(info.json<{ id: string }>().id).toBe(`${OWN}/iiif/3/${pageId}`);
    refused(await patchBook({ ...forwarded, cookie, origin: 'https://public.example' }, 'x'));
    const upload = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...forwarded, cookie, origin: OWN, ...tusHeaders(bookId) } });
    expect(upload.headers.location).toMatch(new RegExp(`^${OWN}/api/uploads/`)); // tus too ignores the forwarded host
  });

  describe('with HOTICH_TRUST_PROXY', () => {
    const forwarded = { host: HOST, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'public.example', 'x-forwarded-for': '203.0.113.9' };
    let proxied: FastifyInstance;
    beforeAll(async () => {
      proxied = await buildApp({ ...ctx, config: { ...ctx.config, trustProxy: ['127.0.0.1'] } }, { webRoot: '/nonexistent' });
    });
    afterAll(async () => proxied.close());

    it('believes the proxy it names: client address, HTTPS (Secure cookie, HSTS), public host (IIIF ids, CSRF origin)', async () => {
      const bad = await proxied.inject({ method: 'POST', url: '/api/auth/login', headers: forwarded, payload: { login: 'admin', password: 'sai mật khẩu' } });
      expect(bad.statusCode).toBe(401);
      const attempt = await store().db.selectFrom('login_attempts').select('address').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(attempt.address).toBe('203.0.113.9');
      const ok = await proxied.inject({ method: 'POST', url: '/api/auth/login', headers: forwarded, payload: { login: 'admin', password: PW } });
      expect(ok.headers['set-cookie']).toMatch(/; Secure$/);
      expect(ok.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const info = await proxied.inject({ method: 'GET', url: `/iiif/3/${pageId}/info.json`, headers: { ...forwarded, cookie } });
      expect(info.json<{ id: string }>().id).toBe(`https://public.example/iiif/3/${pageId}`);
      expect(
        (await proxied.inject({ method: 'PATCH', url: `/api/books/${bookId}`, headers: { ...forwarded, cookie, origin: 'https://public.example' }, payload: { notes: 'qua proxy' } })).statusCode,
      ).toBe(200);
      refused(await proxied.inject({ method: 'PATCH', url: `/api/books/${bookId}`, headers: { ...forwarded, cookie, origin: OWN }, payload: { notes: 'x' } }));
      const upload = await proxied.inject({ method: 'POST', url: '/api/uploads', headers: { ...forwarded, cookie, origin: 'https://public.example', ...tusHeaders(bookId) } });
      expect(upload.headers.location).toMatch(/^https:\/\/public\.example\/api\/uploads\//);
    });

    it('ignores a client that is not that proxy', async () => {
      const direct = await proxied.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.66', headers: forwarded, payload: { login: 'admin', password: PW } });
      expect(direct.headers['set-cookie']).not.toContain('Secure');
      expect(direct.headers['strict-transport-security']).toBeUndefined();
    });
  });
});
