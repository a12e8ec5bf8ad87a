/**
 * Blobs in an S3-compatible bucket under <prefix><aa>/<bb>/<sha256>. A put asks
 * HeadObject first (existed = true, nothing sent) and otherwise uploads with
 * the SHA-256 (x-amz-checksum-sha256) and MD5 (Content-MD5) of the bytes, so
 * the server refuses a corrupted upload; a PUT is atomic on S3, so a name only
 * ever holds complete content. Missing keys (NoSuchKey / 404) become NotFound.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { blobNotFound, isShardedName, sha256Digest, shardSegments, toBuffer } from './blob-name.js';
import type { BlobStore } from './blob-store.js';
import { createPutOnce } from './single-flight.js';

export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
  /** Prepended to every key as is: give the trailing slash ("hotich/blobs/"). Default none. */
  prefix?: string;
  /** Keys per ListObjectsV2 page (S3 caps it at 1000, the default). */
  listPageSize?: number;
}

const SHARDED_KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function createS3BlobStore(opts: S3BlobStoreOptions): BlobStore {
  const { client, bucket } = opts;
  const prefix = opts.prefix ?? '';
  const keyOf = (sha256: string) => prefix + shardSegments(sha256).join('/');
  const headSize = async (sha256: string) => objectSize(client, bucket, keyOf(sha256));
  const putOnce = createPutOnce();

  async function body(sha256: string) {
    const key = keyOf(sha256);
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch(rethrowMissing(sha256));
    if (!out.Body) throw new Error(`S3 GetObject returned no body for ${key}`);
    return out.Body;
  }

  async function upload(sha256: string, digest: Buffer, bytes: Buffer): Promise<boolean> {
    if ((await headSize(sha256)) === bytes.length) return true;
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: keyOf(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: digest.toString('base64'),
        ContentMD5: createHash('md5').update(bytes).digest('base64'),
      }),
    );
    return false;
  }

  return {
    async put(data, known) {
      const bytes = toBuffer(data);
      const digest = sha256Digest(bytes, known);
      const sha256 = digest.toString('hex');
      const existed = await putOnce(sha256, () => upload(sha256, digest, bytes));
      return { sha256, size: bytes.length, existed };
    },
    async get(sha256) {
      return Buffer.from(await (await body(sha256)).transformToByteArray());
    },
    async stream(sha256) {
      const out = await body(sha256);
      if (!(out instanceof Readable)) throw new Error('S3 GetObject body is not a Node stream');
      return out;
    },
    async has(sha256) {
      return (await headSize(sha256)) !== undefined;
    },
    size: headSize,
    async delete(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
    },
    list: () => listNames(client, bucket, prefix, opts.listPageSize),
  };
}

async function objectSize(client: S3Client, bucket: string, key: string): Promise<number | undefined> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (e) {
    if (isMissingS3Key(e)) return undefined;
    throw e;
  }
}

async function* listNames(client: S3Client, bucket: string, prefix: string, pageSize?: number): AsyncGenerator<string> {
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: pageSize }));
    for (const object of page.Contents ?? []) {
      const name = object.Key === undefined ? undefined : nameOfKey(object.Key, prefix);
      if (name) yield name;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** The blob name of a well-formed key under `prefix`, else undefined (strays are ignored). */
function nameOfKey(key: string, prefix: string): string | undefined {
  const m = key.startsWith(prefix) ? SHARDED_KEY.exec(key.slice(prefix.length)) : null;
  return m?.[1] && m[2] && m[3] && isShardedName(m[1], m[2], m[3]) ? m[3] : undefined;
}

/** NoSuchKey, or HEAD's bodiless 404; a missing bucket stays an error (also the tus uploads' S3 store, src/ingest). */
export function isMissingS3Key(e: unknown): boolean {
  if (!(e instanceof S3ServiceException)) return false;
  if (e.name === 'NoSuchKey' || e.name === 'NotFound') return true;
  return e.$metadata.httpStatusCode === 404 && e.name !== 'NoSuchBucket';
}

function rethrowMissing(sha256: string) {
  return (e: unknown): never => {
    throw isMissingS3Key(e) ? blobNotFound(sha256) : e;
  };
}
