/**
 * The one behaviour every BlobStore adapter must show, run by each adapter's
 * test file against its own storage (local folder, s3rver bucket). The harness
 * gives a store over fresh, empty storage, a second instance over the same
 * storage (as another process would open it) and the raw entries (files or
 * keys) so a test can prove an operation left the storage untouched.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { Invalid, NotFound } from '../core/index.js';
import type { BlobStore } from './blob-store.js';

export interface BlobStoreHarness {
  store: BlobStore;
  reopen(): BlobStore;
  rawEntries(): Promise<string[]>;
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MISSING = 'ab'.repeat(32);
const INVALID_NAMES = ['../etc/passwd', MISSING.toUpperCase(), 'a'.repeat(63), 'a'.repeat(65), '', `../${'a'.repeat(61)}`];

const sha256Of = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function blobStoreContract(adapter: string, makeHarness: () => Promise<BlobStoreHarness>): void {
  describe(`BlobStore contract: ${adapter}`, () => {
    let h: BlobStoreHarness;
    let store: BlobStore;
    beforeEach(async () => {
      h = await makeHarness();
      store = h.store;
    });

    async function expectRoundTrip(data: Buffer): Promise<void> {
      const put = await store.put(data);
      expect(put).toEqual({ sha256: sha256Of(data), size: data.length, existed: false });
      expect((await store.get(put.sha256)).equals(data)).toBe(true);
      expect((await readAll(await store.stream(put.sha256))).equals(data)).toBe(true);
      expect(await store.size(put.sha256)).toBe(data.length);
    }

    it('round-trips binary content, and names it by node:crypto SHA-256', async () => {
      await expectRoundTrip(Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]));
    });

    it('round-trips an empty buffer', async () => {
      await expectRoundTrip(Buffer.alloc(0));
      expect(await store.has(EMPTY_SHA256)).toBe(true);
    });

    it('round-trips 5 MB', async () => {
      await expectRoundTrip(randomBytes(5 * 1024 * 1024));
    });

    it('accepts a plain Uint8Array view', async () => {
      const bytes = new Uint8Array(randomBytes(100).buffer, 10, 50);
      const put = await store.put(bytes);
      expect(put.sha256).toBe(sha256Of(bytes));
      expect((await store.get(put.sha256)).equals(bytes)).toBe(true);
    });

    it('stores the same content once and reports existed', async () => {
      const data = Buffer.from('Sổ đăng ký khai sinh, quyển 01/1995');
      const first = await store.put(data);
      const second = await h.reopen().put(Buffer.from(data));
      expect([first.existed, second.existed]).toEqual([false, true]);
      expect(second.sha256).toBe(first.sha256);
      expect(await collect(store.list())).toEqual([first.sha256]);
    });

    it('has, size, delete and list', async () => {
      expect(await collect(store.list())).toEqual([]);
      const a = await store.put(Buffer.from('a'));
      const b = await store.put(Buffer.from('bb'));
      expect((await collect(store.list())).sort()).toEqual([a.sha256, b.sha256].sort());
      expect([await store.has(a.sha256), await store.size(b.sha256)]).toEqual([true, 2]);
      await store.delete(a.sha256);
      await store.delete(a.sha256); // absent is not an error
      expect([await store.has(a.sha256), await store.size(a.sha256)]).toEqual([false, undefined]);
      expect(await collect(store.list())).toEqual([b.sha256]);
    });

    it('get and stream of a missing blob throw NotFound in Vietnamese', async () => {
      for (const read of [() => store.get(MISSING), () => store.stream(MISSING)]) {
        const err: unknown = await read().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(NotFound);
        expect(err).toMatchObject({ code: 'blob.not_found', message: `Không tìm thấy tệp dữ liệu ${MISSING}` });
      }
      expect(await store.has(MISSING)).toBe(false);
      expect(await store.size(MISSING)).toBeUndefined();
    });

    it('rejects invalid names without touching the storage', async () => {
      await store.put(Buffer.from('sentinel'));
      const before = await h.rawEntries();
      const ops = {
        get: (n: string) => store.get(n),
        stream: (n: string) => store.stream(n),
        has: (n: string) => store.has(n),
        size: (n: string) => store.size(n),
        delete: (n: string) => store.delete(n),
      };
      for (const name of INVALID_NAMES) {
        for (const [op, call] of Object.entries(ops)) {
          const err: unknown = await call(name).catch((e: unknown) => e);
          expect(err, `${op}(${JSON.stringify(name)})`).toBeInstanceOf(Invalid);
          expect(err).toMatchObject({ code: 'blob.invalid_name' });
        }
      }
      expect(await h.rawEntries()).toEqual(before);
    });

    it("takes the caller's SHA-256 of the bytes (no second hash), and refuses a malformed one before any I/O", async () => {
      const data = randomBytes(64 * 1024);
      const put = await store.put(data, sha256Of(data));
      expect(put).toEqual({ sha256: sha256Of(data), size: data.length, existed: false });
      expect((await store.get(put.sha256)).equals(data)).toBe(true);
      expect((await store.put(Buffer.from(data), sha256Of(data))).existed).toBe(true);
      const before = await h.rawEntries();
      for (const name of INVALID_NAMES) {
        const err: unknown = await store.put(Buffer.from('x'), name).catch((e: unknown) => e);
        expect(err, JSON.stringify(name)).toBeInstanceOf(Invalid);
        expect(err).toMatchObject({ code: 'blob.invalid_name' });
      }
      expect(await h.rawEntries()).toEqual(before);
    });

    it('concurrent puts of the same content leave one intact blob', async () => {
      const data = randomBytes(256 * 1024);
      const results = await Promise.all(Array.from({ length: 10 }, () => store.put(data)));
      expect(results.filter((r) => !r.existed)).toHaveLength(1);
      expect(await collect(store.list())).toEqual([sha256Of(data)]);
      expect((await store.get(sha256Of(data))).equals(data)).toBe(true);
    });

    it('concurrent puts from separate instances leave one intact blob and no debris', async () => {
      const data = randomBytes(256 * 1024);
      const results = await Promise.all(Array.from({ length: 10 }, () => h.reopen().put(data)));
      expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256Of(data)]));
      expect(results.some((r) => !r.existed)).toBe(true);
      expect(await h.rawEntries()).toHaveLength(1);
      expect((await store.get(sha256Of(data))).equals(data)).toBe(true);
    });
  });
}
