/**
 * The S3 adapter against s3rver (a fake S3 server, devDependency, see
 * test/support/s3rver.ts): started in beforeAll, so this always runs. The
 * contract runs twice: a fresh bucket per test without prefix, and a fresh
 * prefix per test in one shared bucket. s3rver does not verify checksums, so
 * the integrity headers are checked on the wire instead.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStoreContract, collect } from './blob-store.contract.js';
import { blobStoreFromConfig, createS3BlobStore } from './index.js';
import { S3RVER_CREDENTIALS as CREDENTIALS, startS3rver, type RunningS3rver } from '../../test/support/s3rver.js';

const SHARED = 'hotich-shared';
let server: RunningS3rver;
let endpoint: string;
let client: S3Client;
let n = 0;
const requests: { headers: Record<string, string> }[] = [];

beforeAll(async () => {
  server = await startS3rver();
  endpoint = server.endpoint;
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  client.middlewareStack.add(
    (next) => async (args) => {
      requests.push({ headers: { ...(args.request as { headers: Record<string, string> }).headers } });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'recordRequests' },
  );
  await client.send(new CreateBucketCommand({ Bucket: SHARED }));
});

afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

async function keysIn(bucket: string, prefix = ''): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '').sort();
}

blobStoreContract('S3 (bucket per test, no prefix)', async () => {
  const bucket = `hotich-test-${++n}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const open = () => createS3BlobStore({ client, bucket });
  return { store: open(), reopen: open, rawEntries: () => keysIn(bucket) };
});

blobStoreContract('S3 (prefix per test)', async () => {
  const prefix = `run/${++n}/`;
  const open = () => createS3BlobStore({ client, bucket: SHARED, prefix });
  return { store: open(), reopen: open, rawEntries: () => keysIn(SHARED, prefix) };
});

describe('S3 blob store', () => {
  it('keys blobs as <prefix><aa>/<bb>/<sha256>', async () => {
    const store = createS3BlobStore({ client, bucket: SHARED, prefix: 'layout/' });
    const { sha256 } = await store.put(Buffer.from('trích lục'));
    expect(await keysIn(SHARED, 'layout/')).toEqual([`layout/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`]);
  });

  it('uploads with x-amz-checksum-sha256 and Content-MD5 of the bytes, and skips known content', async () => {
    const store = createS3BlobStore({ client, bucket: SHARED, prefix: 'checksum/' });
    const data = randomBytes(1000);
    const from = requests.length;
    await store.put(data);
    const sent = requests
      .slice(from)
      .map((r) => r.headers)
      .filter((h) => 'content-md5' in h);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.['x-amz-checksum-sha256']).toBe(createHash('sha256').update(data).digest('base64'));
    expect(sent[0]?.['content-md5']).toBe(createHash('md5').update(data).digest('base64'));
    const again = requests.length;
    expect((await store.put(data)).existed).toBe(true);
    expect(requests.length - again).toBe(1); // the HeadObject only
  });

  it('sends no request at all for an invalid name', async () => {
    const store = createS3BlobStore({ client, bucket: SHARED });
    const from = requests.length;
    await expect(store.get('../etc/passwd')).rejects.toMatchObject({ code: 'blob.invalid_name' });
    await expect(store.delete('A'.repeat(64))).rejects.toMatchObject({ code: 'blob.invalid_name' });
    expect(requests.length).toBe(from);
  });

  it('pages through ListObjectsV2 and ignores stray keys', async () => {
    const store = createS3BlobStore({ client, bucket: SHARED, prefix: 'paging/', listPageSize: 2 });
    const names = await Promise.all(Array.from({ length: 5 }, (_, i) => store.put(Buffer.from(`page ${i}`))));
    await createS3BlobStore({ client, bucket: SHARED, prefix: 'paging/x' }).put(Buffer.from('stray'));
    const from = requests.length;
    expect(await collect(store.list())).toEqual(names.map((r) => r.sha256).sort());
    expect(requests.length - from).toBeGreaterThanOrEqual(3);
  });

  it('blobStoreFromConfig with s3 talks to the bucket (path style by default with an endpoint)', async () => {
    const s3 = { endpoint, bucket: SHARED, prefix: 'config/', ...CREDENTIALS };
    const store = blobStoreFromConfig({ dataDir: '/nonexistent', s3 });
    const { sha256 } = await store.put(Buffer.from('cấu hình'));
    expect((await store.get(sha256)).toString()).toBe('cấu hình');
    expect(await keysIn(SHARED, 'config/')).toHaveLength(1);
  });

  it('a missing bucket is an error, not a missing blob', async () => {
    const store = createS3BlobStore({ client, bucket: 'hotich-no-such-bucket' });
    await expect(store.get('ab'.repeat(32))).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('blobStoreFromConfig refuses half a credential pair', () => {
    expect(() => blobStoreFromConfig({ dataDir: '/x', s3: { bucket: 'b', accessKeyId: 'only' } })).toThrow(/khóa/);
  });
});
