/**
 * A tus datastore in an S3-compatible bucket, for installations whose blob
 * store is S3: an upload begun on one web process is resumed and finished on
 * another with no shared disk. Under the key prefix (`<blob prefix>uploads/`):
 * - `<id>.info`: JSON of the upload's declared size, metadata and creation;
 * - `<id>/<offset>`: one object per PATCH, named by the offset (16 digits) at
 *   which its bytes start, put whole (S3 PUT is atomic) with its SHA-256 and
 *   MD5 so the server refuses corrupted bytes.
 * The upload's offset is the sum of the chunks that follow each other from 0.
 * A PATCH is spooled to a temporary file first (a request may carry up to the
 * whole upload); a PATCH cut off by the client keeps what arrived, like the
 * file store; one that fails otherwise keeps nothing and the client resumes
 * from the previous offset.
 * Only PutObject, GetObject, ListObjectsV2 and DeleteObject are used — what
 * the blob store already needs. @tus/s3-store was not used: it needs S3
 * multipart uploads with ListParts and AbortMultipartUpload (absent from
 * s3rver, our test S3), has no key prefix, and caches upload state in each
 * process's memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DataStore, ERRORS, Upload } from '@tus/server';
import { isMissingS3Key } from '../blobs/index.js';

interface UploadInfo {
  size?: number | undefined;
  metadata?: Record<string, string | null> | undefined;
  creation_date?: string | undefined;
}

interface Chunk {
  key: string;
  offset: number;
  size: number;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const OFFSET_DIGITS = 16;

export class S3UploadStore extends DataStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    /** Prepended to every key as is, e.g. "hotich/uploads/". */
    private readonly prefix: string,
  ) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'creation-defer-length', 'termination'];
  }

  private infoKey = (id: string) => `${this.prefix}${id}.info`;
  private chunkPrefix = (id: string) => `${this.prefix}${id}/`;
  private chunkKey = (id: string, offset: number) => this.chunkPrefix(id) + String(offset).padStart(OFFSET_DIGITS, '0');

  override async create(upload: Upload): Promise<Upload> {
    if (!SAFE_ID.test(upload.id)) throw ERRORS.FILE_WRITE_ERROR;
    upload.creation_date = new Date().toISOString();
    upload.storage = { type: 's3', path: this.chunkPrefix(upload.id), bucket: this.bucket };
    await this.putInfo(upload.id, { size: upload.size, metadata: upload.metadata, creation_date: upload.creation_date });
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const info = await this.info(id);
    const offset = (await this.chunks(id)).reduce((n, c) => n + c.size, 0);
    return new Upload({ id, offset, size: info.size, metadata: info.metadata ?? {}, creation_date: info.creation_date, storage: { type: 's3', path: this.chunkPrefix(id), bucket: this.bucket } });
  }

  override async write(src: Readable, id: string, offset: number): Promise<number> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotich-tus-'));
    try {
      const spooled = await spool(src, path.join(dir, 'chunk'));
      if (spooled.size > 0) await this.putChunk(this.chunkKey(id, offset), spooled);
      return offset + spooled.size;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    await this.putInfo(id, { ...(await this.info(id)), size: length });
  }

  override async remove(id: string): Promise<void> {
    await this.info(id);
    for await (const key of this.keysUnder(this.chunkPrefix(id))) await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.infoKey(id) }));
  }

  /** The whole upload's bytes, chunk after chunk (the ingest reads a file whole). */
  async readAll(id: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (const chunk of await this.chunks(id)) {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: chunk.key }));
      parts.push(Buffer.from(await out.Body!.transformToByteArray()));
    }
    return Buffer.concat(parts);
  }

  private async putInfo(id: string, info: UploadInfo): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.infoKey(id), Body: JSON.stringify(info), ContentType: 'application/json' }));
  }

  private async info(id: string): Promise<UploadInfo> {
    if (!SAFE_ID.test(id)) throw ERRORS.FILE_NOT_FOUND;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.infoKey(id) }));
      return JSON.parse(await out.Body!.transformToString()) as UploadInfo;
    } catch (e) {
      if (isMissingS3Key(e)) throw ERRORS.FILE_NOT_FOUND;
      throw e;
    }
  }

  /** The chunks that follow each other from offset 0, in order. */
  private async chunks(id: string): Promise<Chunk[]> {
    const found = new Map<number, Chunk>();
    const under = this.chunkPrefix(id);
    for await (const [key, size] of this.objectsUnder(under)) {
      const name = key.slice(under.length);
      if (/^\d+$/.test(name)) found.set(Number(name), { key, offset: Number(name), size });
    }
    const out: Chunk[] = [];
    for (let at = 0, next = found.get(0); next && next.size > 0; next = found.get(at)) {
      out.push(next);
      at += next.size;
    }
    return out;
  }

  private async *keysUnder(prefix: string): AsyncGenerator<string> {
    for await (const [key] of this.objectsUnder(prefix)) yield key;
  }

  private async *objectsUnder(prefix: string): AsyncGenerator<[string, number]> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key !== undefined) yield [o.Key, o.Size ?? 0];
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async putChunk(key: string, spooled: Spooled): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(spooled.file),
        ContentLength: spooled.size,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: spooled.sha256,
        ContentMD5: spooled.md5,
      }),
    );
  }
}

interface Spooled {
  file: string;
  size: number;
  sha256: string;
  md5: string;
}

/** Writes the request's bytes to a file, with their size and digests (base64). */
async function spool(src: Readable, file: string): Promise<Spooled> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      sha256.update(chunk);
      md5.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(src, count, createWriteStream(file));
  } catch {
    throw ERRORS.FILE_WRITE_ERROR;
  }
  return { file, size, sha256: sha256.digest('base64'), md5: md5.digest('base64') };
}
