/**
 * The local folder adapter: the shared contract on a fresh temp folder per
 * test, then what only a folder has (layout, read-only files, crash debris,
 * names that would escape the folder).
 */
import { mkdtemp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStoreContract, collect } from './blob-store.contract.js';
import { blobStoreFromConfig, createLocalBlobStore } from './index.js';

let root: string;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hotich-blobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const freshDir = () => path.join(root, `store-${++n}`);

/** Every file under `dir`, relative, sorted (the temp folder included). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

blobStoreContract('local folder', async () => {
  const dir = freshDir();
  return { store: createLocalBlobStore(dir), reopen: () => createLocalBlobStore(dir), rawEntries: () => filesUnder(dir) };
});

describe('local blob store', () => {
  it('lays blobs out as <aa>/<bb>/<sha256>, read-only', async () => {
    const dir = freshDir();
    const { sha256 } = await createLocalBlobStore(dir).put(Buffer.from('trích lục'));
    const file = path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect((await readFile(file)).toString()).toBe('trích lục');
    expect((await stat(file)).mode & 0o222).toBe(0);
    expect(await filesUnder(dir)).toEqual([path.relative(dir, file)]);
  });

  it('ignores a crash leftover in tmp/, and sweepTemp removes it once old enough', async () => {
    const dir = freshDir();
    const store = createLocalBlobStore(dir);
    const { sha256 } = await store.put(Buffer.from('whole'));
    const leftover = path.join(dir, 'tmp', `${'cd'.repeat(32)}.crashed`);
    await writeFile(leftover, 'half a sca');
    expect(await collect(store.list())).toEqual([sha256]);
    expect(await store.sweepTemp(60_000)).toBe(0); // may still be a live writer's
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(leftover, twoMinutesAgo, twoMinutesAgo);
    expect(await store.sweepTemp(60_000)).toBe(1);
    expect(await filesUnder(dir)).toEqual([path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
    await expect(store.sweepTemp(-1)).rejects.toMatchObject({ code: 'blob.invalid_age' });
  });

  it('lists only well-placed blob names', async () => {
    const dir = freshDir();
    const store = createLocalBlobStore(dir);
    const { sha256 } = await store.put(Buffer.from('x'));
    const misplaced = 'ff'.repeat(32);
    await mkdir(path.join(dir, 'ab', 'cd'), { recursive: true });
    await writeFile(path.join(dir, 'ab', 'cd', misplaced), 'wrong folder');
    await writeFile(path.join(dir, 'ab', 'cd', 'notes.txt'), 'stray');
    expect(await collect(store.list())).toEqual([sha256]);
  });

  it('never follows a name outside its folder', async () => {
    const dir = freshDir();
    const outside = path.join(root, 'etc', 'passwd');
    await mkdir(path.dirname(outside), { recursive: true });
    await writeFile(outside, 'root:x:0:0');
    const store = createLocalBlobStore(dir);
    await expect(store.delete('../etc/passwd')).rejects.toMatchObject({ code: 'blob.invalid_name' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'blob.invalid_name' });
    expect(await readFile(outside, 'utf8')).toBe('root:x:0:0');
  });

  it('rewrites a blob whose file was truncated', async () => {
    const dir = freshDir();
    const store = createLocalBlobStore(dir);
    const data = Buffer.from('nội dung đầy đủ');
    const { sha256 } = await store.put(data);
    const file = path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await rm(file);
    await writeFile(file, data.subarray(0, 3));
    expect((await store.put(data)).existed).toBe(false);
    expect((await store.get(sha256)).equals(data)).toBe(true);
  });

  it('blobStoreFromConfig without s3 uses <dataDir>/blobs', async () => {
    const dataDir = freshDir();
    const { sha256 } = await blobStoreFromConfig({ dataDir }).put(Buffer.from('cấu hình'));
    expect(await filesUnder(path.join(dataDir, 'blobs'))).toEqual([path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
  });
});
