/**
 * The default blob store: a local folder laid out as <dir>/<aa>/<bb>/<sha256>.
 * A put writes a temp file in <dir>/tmp/, fsyncs it and renames it into place,
 * so a name only ever holds complete content; a crash leaves at worst a temp
 * file, which `list` ignores and `sweepTemp` removes. Stored files are
 * read-only. Several processes may share the folder: racing writers rename
 * identical bytes onto the same name.
 */
import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Invalid } from '../core/index.js';
import { blobNotFound, isShard, isShardedName, sha256Digest, shardSegments, toBuffer } from './blob-name.js';
import type { BlobStore } from './blob-store.js';
import { createPutOnce } from './single-flight.js';

export interface LocalBlobStore extends BlobStore {
  readonly dir: string;
  /** Removes temp files older than `olderThanMs` (left by a crash); returns how many. */
  sweepTemp(olderThanMs: number): Promise<number>;
}

const TMP = 'tmp';

export function createLocalBlobStore(dir: string): LocalBlobStore {
  const root = path.resolve(dir);
  const tmpDir = path.join(root, TMP);
  const pathOf = (sha256: string) => path.join(root, ...shardSegments(sha256));
  const putOnce = createPutOnce();

  return {
    dir: root,
    async put(data, known) {
      const bytes = toBuffer(data);
      const sha256 = sha256Digest(bytes, known).toString('hex');
      const existed = await putOnce(sha256, () => storeIfAbsent(tmpDir, pathOf(sha256), bytes));
      return { sha256, size: bytes.length, existed };
    },
    async get(sha256) {
      return readFile(pathOf(sha256)).catch(rethrowMissing(sha256));
    },
    async stream(sha256) {
      const file = await open(pathOf(sha256), 'r').catch(rethrowMissing(sha256));
      return file.createReadStream() as Readable;
    },
    async has(sha256) {
      return (await fileSize(pathOf(sha256))) !== undefined;
    },
    async size(sha256) {
      return fileSize(pathOf(sha256));
    },
    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    list: () => listNames(root),
    sweepTemp: (olderThanMs) => sweepTemp(tmpDir, olderThanMs),
  };
}

/** Writes the blob unless a file of the right size is already there; resolves to `existed`. */
async function storeIfAbsent(tmpDir: string, final: string, bytes: Buffer): Promise<boolean> {
  if ((await fileSize(final)) === bytes.length) return true;
  const temp = await writeTemp(tmpDir, path.basename(final), bytes);
  try {
    await mkdir(path.dirname(final), { recursive: true });
    await rename(temp, final);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await fsyncDir(path.dirname(final));
  return false;
}

/** A complete, fsynced, read-only copy of `bytes` under <dir>/tmp/. */
async function writeTemp(tmpDir: string, sha256: string, bytes: Buffer): Promise<string> {
  await mkdir(tmpDir, { recursive: true });
  const temp = path.join(tmpDir, `${sha256}.${randomUUID()}`);
  const file = await open(temp, 'wx', 0o444);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (e) {
    await file.close();
    await rm(temp, { force: true });
    throw e;
  }
  await file.close();
  return temp;
}

/** Makes the rename itself durable; best effort (not every platform can fsync a folder). */
async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

async function fileSize(file: string): Promise<number | undefined> {
  const st = await stat(file).catch((e: unknown) => (isEnoent(e) ? undefined : Promise.reject(e)));
  return st?.isFile() ? st.size : undefined;
}

async function* listNames(root: string): AsyncGenerator<string> {
  for (const aa of await subfolders(root)) {
    for (const bb of await subfolders(path.join(root, aa))) {
      const entries = await entriesOf(path.join(root, aa, bb));
      for (const e of entries) if (e.isFile() && isShardedName(aa, bb, e.name)) yield e.name;
    }
  }
}

/** The shard folders (two hex digits) of `dir`, sorted; `tmp` and strays are skipped. */
async function subfolders(dir: string): Promise<string[]> {
  return (await entriesOf(dir)).filter((e) => e.isDirectory() && isShard(e.name)).map((e) => e.name);
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: unknown) => (isEnoent(e) ? [] : Promise.reject(e)));
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function sweepTemp(tmpDir: string, olderThanMs: number): Promise<number> {
  if (!Number.isFinite(olderThanMs) || olderThanMs < 0) {
    throw new Invalid('blob.invalid_age', `Thời hạn dọn tệp tạm không hợp lệ: ${olderThanMs}`);
  }
  const cutoff = Date.now() - olderThanMs;
  let removed = 0;
  for (const e of await entriesOf(tmpDir)) {
    const file = path.join(tmpDir, e.name);
    const st = await stat(file).catch(() => undefined); // gone: its writer renamed it meanwhile
    if (!st?.isFile() || st.mtimeMs >= cutoff) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

function rethrowMissing(sha256: string) {
  return (e: unknown): never => {
    throw isEnoent(e) ? blobNotFound(sha256) : e;
  };
}

function isEnoent(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
