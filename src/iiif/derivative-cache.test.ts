/**
 * Disk derivative cache: keys are hashes (never user text), writes are atomic,
 * hits refresh recency, and maxBytes evicts the least recently used files.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDiskDerivativeCache, derivativeCacheKey } from './derivative-cache.js';

const SRC = createHash('sha256').update('page-1').digest('hex');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hotich-iiif-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.bin') || f.endsWith('.tmp')).sort();
}

it('stores under a hash of source + request, and renders once', async () => {
  const cache = createDiskDerivativeCache(dir);
  let renders = 0;
  const render = async () => {
    renders++;
    return Buffer.from('jpeg bytes');
  };
  const key = { sourceSha256: SRC, request: '../../etc/passwd/max/0/default.jpg' };
  expect(await cache.find(key)).toBeUndefined();
  expect((await cache.getOrRender(key, render)).toString()).toBe('jpeg bytes');
  expect((await cache.getOrRender(key, render)).toString()).toBe('jpeg bytes');
  expect(renders).toBe(1);
  const hash = derivativeCacheKey(key);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(await files()).toEqual([join(hash.slice(0, 2), `${hash}.bin`)]);
  expect(await cache.find({ sourceSha256: SRC, request: 'full/max/0/default.png' })).toBeUndefined();
});

it('refuses a source hash that is not sha256 hex', async () => {
  const cache = createDiskDerivativeCache(dir);
  await expect(cache.put({ sourceSha256: '../x', request: 'full/max/0/default.jpg' }, Buffer.from('x'))).rejects.toThrow(TypeError);
});

it('concurrent writers of one key leave one whole file and no temp files', async () => {
  const cache = createDiskDerivativeCache(dir);
  const key = { sourceSha256: SRC, request: 'full/max/0/default.jpg' };
  const big = (c: string) => Buffer.alloc(1 << 20, c);
  await Promise.all(['a', 'b', 'c', 'd'].map((c) => cache.put(key, big(c))));
  const got = await cache.find(key);
  expect(got?.length).toBe(1 << 20);
  expect(new Set(got).size).toBe(1);
  expect(await files()).toHaveLength(1);
});

it('evicts the least recently used files beyond maxBytes', async () => {
  const cache = createDiskDerivativeCache(dir, 3000);
  const key = (i: number) => ({ sourceSha256: SRC, request: `full/${i},/0/default.jpg` });
  for (let i = 0; i < 3; i++) {
    await cache.put(key(i), Buffer.alloc(1000));
    const past = new Date(Date.now() - (10 - i) * 60_000);
    const hash = derivativeCacheKey(key(i));
    await utimes(join(dir, hash.slice(0, 2), `${hash}.bin`), past, past);
  }
  expect(await cache.find(key(0))).toBeDefined();
  await cache.put(key(3), Buffer.alloc(1000));
  expect(await cache.find(key(1))).toBeUndefined();
  expect(await cache.find(key(2))).toBeUndefined();
  expect(await cache.find(key(0))).toBeDefined();
  expect(await cache.find(key(3))).toBeDefined();
});
