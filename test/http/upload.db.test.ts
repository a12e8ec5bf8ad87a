/**
 * Resumable upload over real HTTP with the tus protocol: create an upload
 * for a book, send half of a scan, "lose the connection", ask the server how
 * much it has (HEAD), send the rest; the last PATCH answers with the ingest
 * summary and the page is in the book. Bad metadata is refused in Vietnamese.
 * An upload belongs to the user who started it: anyone else (even with the
 * same permission and book) gets 404 for it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { createBook, listPages } from '../../src/archive/index.js';
import { signedInApp, signedInUser } from '../support/http.js';
import { textJpeg } from '../support/scans.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const TUS: Record<string, string> = { 'Tus-Resumable': '1.0.0' };

describeBackends('resumable upload', (store) => {
  let app: FastifyInstance;
  let base = '';
  let dispose: () => void;
  beforeAll(async () => {
    const t = testContext(store());
    dispose = t.dispose;
    const signed = await signedInApp(t.ctx);
    app = signed.app;
    TUS.Authorization = signed.headers.authorization;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    (app as unknown as { ctxForTest: typeof t.ctx }).ctxForTest = t.ctx;
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });
  const ctx = () => (app as unknown as { ctxForTest: Parameters<typeof createBook>[0] }).ctxForTest;

  it('resumes after a dropped connection and ingests the file', async () => {
    const book = await createBook(ctx(), { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
    const bytes = await textJpeg(1240, 1754, 20, 4);
    const created = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { ...TUS, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `bookId ${b64(book.id)},filename ${b64('trang 1.jpg')}` },
    });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, base).toString();
    const half = Math.floor(bytes.length / 2);
    const patch = (offset: number, chunk: Buffer) =>
      fetch(url, { method: 'PATCH', headers: { ...TUS, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(chunk) });
    expect((await patch(0, bytes.subarray(0, half))).status).toBe(204);
    const head = await fetch(url, { method: 'HEAD', headers: TUS });
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBe(half);
    const done = await patch(offset, bytes.subarray(offset));
    expect(done.status).toBe(200);
    const summary = (await done.json()) as { files: { name: string; pages: { seq: number }[] }[] };
    expect(summary.files[0]).toMatchObject({ name: 'trang 1.jpg', pages: [{ seq: 1 }] });
    expect(await listPages(ctx(), book.id)).toHaveLength(1);
  }, 60_000);

  it('refuses an upload for an unknown book, in Vietnamese', async () => {
    const res = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { ...TUS, 'Upload-Length': '10', 'Upload-Metadata': `bookId ${b64('00000000-0000-4000-8000-000000000000')},filename ${b64('x.jpg')}` },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy quyển sổ');
  });

  it('refuses uploads without a session or without the permission', async () => {
    const anonymous = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' } });
    expect(anonymous.status).toBe(401);
    const reviewer = await signedInApp(ctx() as never, { role: 'reviewer' });
    const denied = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', Authorization: reviewer.headers.authorization } });
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('Bạn không có quyền');
    await reviewer.app.close();
  });

  it('lets only the user who started an upload resume, read or cancel it', async () => {
    const book = await createBook(ctx(), { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2009 });
    const bytes = await textJpeg(800, 1100, 10, 5);
    const [owner, stranger] = [await signedInUser(ctx(), 'keyer'), await signedInUser(ctx(), 'keyer')];
    const as = (u: typeof owner) => ({ 'Tus-Resumable': '1.0.0', Authorization: u.headers.authorization });
    const created = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { ...as(owner), 'Upload-Length': String(bytes.length), 'Upload-Metadata': `bookId ${b64(book.id)},filename ${b64('t.jpg')},ownerId ${b64(stranger.user.id)}` },
    });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, base).toString();
    const patch = (u: typeof owner, offset: number, chunk: Buffer) =>
      fetch(url, { method: 'PATCH', headers: { ...as(u), 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(chunk) });
    // The client-sent ownerId is ignored: the upload is the signed-in owner's.
    for (const res of [await patch(stranger, 0, bytes.subarray(0, 100)), await fetch(url, { method: 'HEAD', headers: as(stranger) }), await fetch(url, { method: 'DELETE', headers: as(stranger) })]) {
      expect(res.status).toBe(404);
    }
    expect((await fetch(url, { method: 'HEAD', headers: as(owner) })).headers.get('upload-offset')).toBe('0');
    const done = await patch(owner, 0, bytes);
    expect(done.status).toBe(200);
    expect(await listPages(ctx(), book.id)).toHaveLength(1);
  }, 60_000);
});
