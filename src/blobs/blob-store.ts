/**
 * The blob store contract: content-addressed, immutable bytes. A blob's name
 * is the lower-case hex SHA-256 of its content, so writing the same bytes
 * twice stores them once, and a name always means the same content.
 * Implementations: a local folder (default) and an S3-compatible bucket; both
 * pass the one suite in blob-store.contract.ts. Every method taking a name
 * rejects anything but /^[0-9a-f]{64}$/ with an Invalid 'blob.invalid_name'
 * before any I/O.
 */
import type { Readable } from 'node:stream';

export interface PutResult {
  sha256: string;
  size: number;
  /** True when a blob with this content was already stored. */
  existed: boolean;
}

export interface BlobStore {
  /**
   * Stores the bytes (atomically: a crash leaves either the whole blob or nothing under its name).
   * Do not modify `data` until the promise settles. `sha256`: the caller's own SHA-256 of these very
   * bytes (an ingest hashes the original to find duplicates before storing it), so a large blob is not
   * hashed twice; a malformed one is an Invalid 'blob.invalid_name'. Omitted, the store hashes the bytes.
   */
  put(data: Buffer | Uint8Array, sha256?: string): Promise<PutResult>;
  /** The whole blob; throws a NotFound (core) when absent. */
  get(sha256: string): Promise<Buffer>;
  /** The blob as a stream; throws a NotFound when absent. */
  stream(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Size in bytes, or undefined when absent. */
  size(sha256: string): Promise<number | undefined>;
  /** Removes a blob (garbage collection of unreferenced blobs only). Absent is not an error. */
  delete(sha256: string): Promise<void>;
  /** Every stored name (for garbage collection and audits). */
  list(): AsyncIterable<string>;
}
