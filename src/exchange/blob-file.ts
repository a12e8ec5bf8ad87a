/**
 * A file of any size kept in the blob store as a list of chunks (each at most
 * CHUNK_BYTES, itself a content-addressed blob), so exports are written and
 * read back with flat memory on the local folder and on S3 alike, by any app
 * process. The file's own SHA-256 is computed while it is written.
 */
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import type { BlobStore } from '../blobs/index.js';

export const CHUNK_BYTES = 8 * 1024 * 1024;

export interface StoredBlobFile {
  sha256: string;
  bytes: number;
  /** Blob names whose concatenation is the file. */
  chunks: string[];
}

export class BlobFileWriter extends Writable {
  private readonly hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private bytes = 0;
  private readonly chunks: string[] = [];

  constructor(
    private readonly blobs: BlobStore,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    super();
  }

  override _write(chunk: Buffer, _e: BufferEncoding, done: (e?: Error | null) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.chunkBytes) return done();
    this.putPending().then(() => done(), done);
  }

  override _final(done: (e?: Error | null) => void): void {
    this.putPending().then(() => done(), done);
  }

  private async putPending(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.chunks.push((await this.blobs.put(data)).sha256);
  }

  /** What was stored; valid once the stream has finished. */
  result(): StoredBlobFile {
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytes, chunks: [...this.chunks] };
  }
}

/** The file as one stream, chunk after chunk. */
export function blobFileStream(blobs: BlobStore, chunks: readonly string[]): Readable {
  async function* parts() {
    for (const name of chunks) yield* await blobs.stream(name);
  }
  return Readable.from(parts(), { objectMode: false });
}

/** Stores a small file given whole. */
export async function storeSmallFile(blobs: BlobStore, data: Buffer): Promise<StoredBlobFile> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const chunks = data.length === 0 ? [] : [(await blobs.put(data)).sha256];
  return { sha256, bytes: data.length, chunks };
}
