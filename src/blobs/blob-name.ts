/**
 * Blob names and where they live: a name is the lower-case hex SHA-256 of the
 * content, checked before it becomes a path or a key (so "../etc/passwd" is an
 * Invalid error, never a file), and sharded as <aa>/<bb>/<sha256> by its
 * first two byte pairs. Shared by every adapter.
 */
import { createHash } from 'node:crypto';
import { Invalid, NotFound } from '../core/index.js';

const BLOB_NAME = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;

export function isBlobName(name: string): boolean {
  return BLOB_NAME.test(name);
}

/** Throws Invalid unless `name` is a blob name; call before any I/O. */
export function assertBlobName(name: unknown): asserts name is string {
  if (typeof name === 'string' && BLOB_NAME.test(name)) return;
  const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name;
  throw new Invalid('blob.invalid_name', `Tên tệp dữ liệu không hợp lệ: ${shown}`);
}

export function isShard(segment: string): boolean {
  return SHARD.test(segment);
}

/** The three path segments of a (valid) name: [aa, bb, sha256]. */
export function shardSegments(sha256: string): [string, string, string] {
  assertBlobName(sha256);
  return [sha256.slice(0, 2), sha256.slice(2, 4), sha256];
}

/** True when `name` is a blob name stored under the right <aa>/<bb> folders. */
export function isShardedName(aa: string, bb: string, name: string): boolean {
  return isBlobName(name) && name.startsWith(aa + bb);
}

export function toBuffer(data: Buffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new Invalid('blob.invalid_data', 'Dữ liệu tệp phải là Buffer hoặc Uint8Array');
}

/** The raw SHA-256 digest (hex for the name, base64 for S3's checksum header); `known` = the caller's hex digest of these bytes, checked for form only. */
export function sha256Digest(bytes: Buffer, known?: string): Buffer {
  if (known === undefined) return createHash('sha256').update(bytes).digest();
  assertBlobName(known);
  return Buffer.from(known, 'hex');
}

export function blobNotFound(sha256: string): NotFound {
  return new NotFound('blob.not_found', `Không tìm thấy tệp dữ liệu ${sha256}`, { sha256 });
}
