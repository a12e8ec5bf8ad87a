/**
 * A cache of rendered derivatives. The key is sha256(source sha256 + "\n" +
 * canonical request), so a file name is 64 hex digits and never comes from
 * user input. Writes are atomic (temp file + rename): readers see a whole file
 * or none, and concurrent writers of one key are harmless. With maxBytes the
 * least recently used files (by mtime, touched on hit) are evicted; several
 * processes may share the folder.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DerivativeKey {
  /** sha256 (hex) of the source image. */
  sourceSha256: string;
  /** Canonical request (canonicalRequest()), e.g. `full/max/0/default.jpg`. */
  request: string;
}

export interface DerivativeCache {
  find(key: DerivativeKey): Promise<Buffer | undefined>;
  put(key: DerivativeKey, data: Buffer): Promise<void>;
  /** The cached derivative, or render, store and return it. */
  getOrRender(key: DerivativeKey, render: () => Promise<Buffer>): Promise<Buffer>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** After an eviction the cache is brought down to this share of maxBytes. */
const EVICT_TO = 0.8;

export function derivativeCacheKey(key: DerivativeKey): string {
  if (!SHA256_HEX.test(key.sourceSha256)) throw new TypeError('derivative cache: sourceSha256 must be 64 lowercase hex digits');
  return createHash('sha256').update(`${key.sourceSha256}\n${key.request}`).digest('hex');
}

export function createDiskDerivativeCache(dir: string, maxBytes?: number): DerivativeCache {
  let approxBytes: number | undefined;
  const pathOf = (key: DerivativeKey) => {
    const hash = derivativeCacheKey(key);
    return join(dir, hash.slice(0, 2), `${hash}.bin`);
  };

  async function find(key: DerivativeKey): Promise<Buffer | undefined> {
    const file = pathOf(key);
    const data = await readFile(file).catch(ignoreMissing);
    if (data && maxBytes !== undefined) await touch(file);
    return data;
  }

  async function put(key: DerivativeKey, data: Buffer): Promise<void> {
    const file = pathOf(key);
    await writeAtomic(file, data);
    if (maxBytes === undefined) return;
    approxBytes = approxBytes === undefined ? await totalBytes(dir) : approxBytes + data.length;
    if (approxBytes > maxBytes) approxBytes = await evict(dir, Math.floor(maxBytes * EVICT_TO));
  }

  async function getOrRender(key: DerivativeKey, render: () => Promise<Buffer>): Promise<Buffer> {
    const hit = await find(key);
    if (hit) return hit;
    const data = await render();
    await put(key, data);
    return data;
  }

  return { find, put, getOrRender };
}

async function writeAtomic(file: string, data: Buffer): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function touch(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(ignoreMissing);
}

interface Entry {
  path: string;
  size: number;
  mtimeMs: number;
}

async function listEntries(dir: string): Promise<Entry[]> {
  const names = ((await readdir(dir, { recursive: true }).catch(ignoreMissing)) ?? []).filter((n) => n.endsWith('.bin'));
  const entries = await Promise.all(
    names.map(async (n) => {
      const s = await stat(join(dir, n)).catch(ignoreMissing);
      return s ? { path: join(dir, n), size: s.size, mtimeMs: s.mtimeMs } : undefined;
    }),
  );
  return entries.filter((e): e is Entry => e !== undefined);
}

async function totalBytes(dir: string): Promise<number> {
  return (await listEntries(dir)).reduce((sum, e) => sum + e.size, 0);
}

/** Delete the least recently used files until at most `target` bytes remain; returns the bytes left. */
async function evict(dir: string, target: number): Promise<number> {
  const entries = (await listEntries(dir)).sort((a, b) => a.mtimeMs - b.mtimeMs);
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  for (const e of entries) {
    if (total <= target) break;
    await rm(e.path, { force: true });
    total -= e.size;
  }
  return total;
}

function ignoreMissing(e: unknown): undefined {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw e;
}
