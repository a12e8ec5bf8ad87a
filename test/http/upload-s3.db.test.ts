/**
 * Resumable upload when the blob store is S3 (s3rver, a fake S3 server in a
 * child process): two apps on one database and one bucket stand for two web
 * processes that share no disk. The upload is created and half sent on the
 * first, its offset asked (HEAD) and the rest sent on the second, which
 * ingests it; the partial upload lived in the bucket under
 * `<prefix>uploads/` and nothing of it is left there afterwards. Only the
 * owner may reach the upload, on either process. A PATCH left hanging on one
 * process (a half-open connection) is asked to let go by a request for the
 * same upload on the other (the lock's requestRelease through the database),
 * and keeps the bytes that had arrived.
 */
import { request } from 'node:http';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBook, listPages } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { blobStoreFromConfig, s3ClientFromConfig } from '../../src/blobs/index.js';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/s3rver.js';
import type { S3Config } from '../../src/core/index.js';
import { buildApp } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { signedInUser, type TestUser } from '../support/http.js';
import { textJpeg } from '../support/scans.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
let bucketNo = 0;

describeBackends('resumable upload into the S3 bucket, across two web processes', (store) => {
  let s3rver: RunningS3rver;
  let s3: S3Config;
  let ctx: ActorContext;
  let dispose: () => void;
  const apps: FastifyInstance[] = [];
  const bases: string[] = [];
  let owner: TestUser;

  beforeAll(async () => {
    s3rver = await startS3rver();
    s3 = { bucket: `hotich-tus-${++bucketNo}`, endpoint: s3rver.endpoint, prefix: 'hotich/', ...S3RVER_CREDENTIALS };
    await s3ClientFromConfig(s3).send(new CreateBucketCommand({ Bucket: s3.bucket }));
    const t = testContext(store());
    dispose = t.dispose;
    ctx = { ...t.ctx, config: { ...t.ctx.config, s3 }, blobs: blobStoreFromConfig({ dataDir: t.ctx.config.dataDir, s3 }) };
    for (let i = 0; i < 2; i++) {
      // Each process its own uploads folder: none is shared, so the upload can only travel through the bucket.
      const app = await buildApp({ ...ctx, config: { ...ctx.config, uploadsDir: `${ctx.config.dataDir}/uploads-${i}` } }, { webRoot: '/nonexistent' });
      apps.push(app);
      bases.push(await app.listen({ port: 0, host: '127.0.0.1' }));
    }
    owner = await signedInUser(ctx, 'keyer');
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await s3rver?.stop();
    dispose?.();
  });

  const keysUnder = async (prefix: string) => ((await s3ClientFromConfig(s3).send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();
  const as = (u: TestUser) => ({ 'Tus-Resumable': '1.0.0', Authorization: u.headers.authorization });

  it('is begun on one process, resumed and finished on the other, ingested, and leaves nothing in the bucket', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
    const bytes = await textJpeg(1240, 1754, 20, 4);
    const created = await fetch(`${bases[0]}/api/uploads`, {
      method: 'POST',
      headers: { ...as(owner), 'Upload-Length': String(bytes.length), 'Upload-Metadata': `bookId ${b64(book.id)},filename ${b64('trang 1.jpg')}` },
    });
    expect(created.status).toBe(201);
    const uploadPath = new URL(created.headers.get('location')!).pathname;
    const id = uploadPath.split('/').pop()!;
    const at = (i: number) => `${bases[i]}${uploadPath}`;
    const patch = (i: number, offset: number, chunk: Buffer) =>
      fetch(at(i), { method: 'PATCH', headers: { ...as(owner), 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(chunk) });

    const half = Math.floor(bytes.length / 2);
    expect((await patch(0, 0, bytes.subarray(0, half))).status).toBe(204);
    expect(await keysUnder(`hotich/uploads/${id}`)).toEqual([`hotich/uploads/${id}.info`, `hotich/uploads/${id}/${'0'.padStart(16, '0')}`].sort());

    const head = await fetch(at(1), { method: 'HEAD', headers: as(owner) });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    // A stale offset is refused (409) on either process: the state is the bucket's, not one process's.
    expect((await patch(1, 0, bytes.subarray(0, 10))).status).toBe(409);

    const done = await patch(1, half, bytes.subarray(half));
    expect(done.status, await done.clone().text()).toBe(200);
    const summary = (await done.json()) as { files: { name: string; pages: { seq: number }[] }[] };
    expect(summary.files[0]).toMatchObject({ name: 'trang 1.jpg', pages: [{ seq: 1 }] });
    expect(await listPages(ctx, book.id)).toHaveLength(1);
    expect(await keysUnder('hotich/uploads/')).toEqual([]);
    expect(await store().db.selectFrom('upload_locks').select('upload_id').where('upload_id', '=', id).execute()).toEqual([]);
    expect((await fetch(at(0), { method: 'HEAD', headers: as(owner) })).status).toBe(404);
  }, 60_000);

  it('lets only the owner reach the upload, on either process, and deletes it from the bucket on cancel', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2009 });
    const stranger = await signedInUser(ctx, 'keyer');
    const created = await fetch(`${bases[0]}/api/uploads`, {
      method: 'POST',
      headers: { ...as(owner), 'Upload-Length': '1000', 'Upload-Metadata': `bookId ${b64(book.id)},filename ${b64('t.jpg')}` },
    });
    expect(created.status).toBe(201);
    const uploadPath = new URL(created.headers.get('location')!).pathname;
    for (const base of bases) expect((await fetch(`${base}${uploadPath}`, { method: 'HEAD', headers: as(stranger) })).status).toBe(404);
    expect((await fetch(`${bases[1]}${uploadPath}`, { method: 'HEAD', headers: as(owner) })).headers.get('upload-offset')).toBe('0');
    expect((await fetch(`${bases[1]}${uploadPath}`, { method: 'DELETE', headers: as(owner) })).status).toBe(204);
    expect(await keysUnder('hotich/uploads/')).toEqual([]);
    expect((await fetch(`${bases[0]}${uploadPath}`, { method: 'HEAD', headers: as(owner) })).status).toBe(404);
  }, 60_000);

  it('makes a PATCH hanging on one process let go when the other needs the upload, keeping the bytes that arrived', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2010 });
    const bytes = await textJpeg(900, 1200, 12, 7);
    const created = await fetch(`${bases[0]}/api/uploads`, {
      method: 'POST',
      headers: { ...as(owner), 'Upload-Length': String(bytes.length), 'Upload-Metadata': `bookId ${b64(book.id)},filename ${b64('trang 3.jpg')}` },
    });
    const uploadPath = new URL(created.headers.get('location')!).pathname;
    const half = Math.floor(bytes.length / 2);
    // Process 1 gets a PATCH announcing the whole file that sends half and then stalls.
    const hanging = request(`${bases[0]}${uploadPath}`, {
      method: 'PATCH',
      headers: { ...as(owner), 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(bytes.length) },
    });
    const answered = new Promise<number>((resolve) => {
      hanging.on('response', (res) => resolve(res.statusCode ?? 0));
      hanging.on('error', () => resolve(0));
    });
    hanging.write(bytes.subarray(0, half));
    await expect.poll(async () => (await store().db.selectFrom('upload_locks').select('upload_id').execute()).length, { timeout: 10_000, interval: 50 }).toBe(1);
    try {
      const head = await fetch(`${bases[1]}${uploadPath}`, { method: 'HEAD', headers: as(owner) });
      expect(head.status).toBe(200);
      expect(Number(head.headers.get('upload-offset'))).toBe(half);
    } finally {
      hanging.destroy();
    }
    await answered;
    const done = await fetch(`${bases[1]}${uploadPath}`, {
      method: 'PATCH',
      headers: { ...as(owner), 'Upload-Offset': String(half), 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes.subarray(half)),
    });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await listPages(ctx, book.id)).toHaveLength(1);
    expect(await keysUnder('hotich/uploads/')).toEqual([]);
  }, 60_000);
});
