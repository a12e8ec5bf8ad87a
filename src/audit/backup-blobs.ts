/**
 * The blob part of a backup: every blob of the store (scans, exports,
 * imported files) copied into <backup>/blobs/ in the local store's layout,
 * and blobs.tsv listing each name and size (one line each, streamed: flat
 * memory). A blob's name is the SHA-256 of its bytes, so each copy checks
 * itself; the list's own checksum is in the manifest.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createLocalBlobStore, type BlobStore } from '../blobs/index.js';

export const BLOBS_DIR = 'blobs';
export const BLOBS_LIST = 'blobs.tsv';

export interface BlobTotals {
  count: number;
  bytes: number;
}

/** Where a blob lies in a backup folder (the local store's layout). */
export const blobPath = (dir: string, name: string): string => path.join(dir, BLOBS_DIR, name.slice(0, 2), name.slice(2, 4), name);

const sizeOf = async (file: string): Promise<number | undefined> => (await stat(file).catch(() => undefined))?.size;

/** Hard-links the blob from an earlier backup when it is there with the same size; returns its size, or undefined. */
async function linkEarlier(name: string, size: number | undefined, dir: string, linkFrom: string | undefined): Promise<number | undefined> {
  if (!linkFrom || size === undefined) return undefined;
  const earlier = blobPath(linkFrom, name);
  if ((await sizeOf(earlier)) !== size) return undefined;
  await mkdir(path.dirname(blobPath(dir, name)), { recursive: true });
  await link(earlier, blobPath(dir, name));
  return size;
}

/** Copies one blob, checking its bytes against its name. */
async function copyOne(source: BlobStore, target: BlobStore, name: string): Promise<number> {
  const put = await target.put(await source.get(name));
  if (put.sha256 !== name) throw new Error(`Tệp lưu trữ ${name} trong kho nguồn đã hỏng (nội dung không khớp tên SHA-256); chưa sao lưu được.`);
  return put.size;
}

/**
 * Copies every blob of `source` into the backup folder; returns how many and how many bytes. With
 * `linkFrom` (an earlier backup on the same file system), a blob already there is hard-linked instead
 * of copied: blobs never change, so a nightly backup then costs only the new ones.
 */
export async function copyBlobsOut(source: BlobStore, dir: string, onBlob?: (n: number) => void, linkFrom?: string): Promise<BlobTotals> {
  const target = createLocalBlobStore(path.join(dir, BLOBS_DIR));
  const list = createWriteStream(path.join(dir, BLOBS_LIST));
  const totals: BlobTotals = { count: 0, bytes: 0 };
  try {
    for await (const name of source.list()) {
      const linked = await linkEarlier(name, linkFrom ? await source.size(name) : undefined, dir, linkFrom);
      const size = linked ?? (await copyOne(source, target, name));
      if (!list.write(`${name}\t${size}\n`)) await once(list, 'drain');
      totals.count += 1;
      totals.bytes += size;
      onBlob?.(totals.count);
    }
  } finally {
    list.end();
    await finished(list);
  }
  return totals;
}

async function* listed(dir: string): AsyncGenerator<{ name: string; size: number; line: number }> {
  const lines = createInterface({ input: createReadStream(path.join(dir, BLOBS_LIST)), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const [name = '', size = ''] = text.split('\t');
    yield { name, size: Number(size), line };
  }
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Why the backup's blobs are not all there and intact (a Vietnamese sentence), or undefined. */
export async function checkBlobs(dir: string, expected: BlobTotals): Promise<string | undefined> {
  const store = createLocalBlobStore(path.join(dir, BLOBS_DIR));
  const seen: BlobTotals = { count: 0, bytes: 0 };
  for await (const b of listed(dir)) {
    if (!/^[0-9a-f]{64}$/.test(b.name) || !Number.isInteger(b.size)) return `dòng ${b.line} của ${BLOBS_LIST} không hợp lệ`;
    const size = await store.size(b.name);
    if (size === undefined) return `thiếu tệp lưu trữ ${b.name} (${BLOBS_DIR}/${b.name.slice(0, 2)}/${b.name.slice(2, 4)}/${b.name})`;
    if (size !== b.size || sha256Of(await store.get(b.name)) !== b.name) return `tệp lưu trữ ${b.name} đã hỏng (kích thước hoặc SHA-256 không khớp)`;
    seen.count += 1;
    seen.bytes += size;
  }
  if (seen.count !== expected.count || seen.bytes !== expected.bytes)
    return `danh sách tệp lưu trữ có ${seen.count} tệp (${seen.bytes} byte), bảng kê ghi ${expected.count} tệp (${expected.bytes} byte)`;
  return undefined;
}

/** Copies the backup's blobs into `target`; returns how many. */
export async function copyBlobsIn(dir: string, target: BlobStore, onBlob?: (n: number) => void): Promise<number> {
  const store = createLocalBlobStore(path.join(dir, BLOBS_DIR));
  let n = 0;
  for await (const b of listed(dir)) {
    await target.put(await store.get(b.name));
    onBlob?.(++n);
  }
  return n;
}
