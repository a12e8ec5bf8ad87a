/**
 * Where resumable (tus) uploads live while they arrive, and how the web
 * processes keep two requests from writing one upload at once; chosen like
 * the blob store (src/blobs blob-store-config.ts):
 * - the blob store is S3 (config.s3): the same bucket, under
 *   `<HOTICH_S3_PREFIX>uploads/` (s3-upload-store.ts), with the lock as a
 *   lease row in the database (db-locker.ts) — the web processes share no
 *   disk;
 * - otherwise: the uploads folder HOTICH_UPLOADS_DIR, shared by every web
 *   process (@tus/file-store: `<id>` and `<id>.json`), with `<id>.lock`
 *   files beside them (shared-dir-locker.ts).
 * Either way the finished upload is read whole for the ingest, then discarded.
 */
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { ERRORS, type DataStore, type Locker } from '@tus/server';
import { s3ClientFromConfig } from '../blobs/index.js';
import type { AppContext } from '../core/index.js';
import { DbLocker } from './db-locker.js';
import { S3UploadStore } from './s3-upload-store.js';
import { SharedDirLocker } from './shared-dir-locker.js';

export interface UploadStorage {
  store: DataStore;
  locker: Locker;
  /** The finished upload's bytes. */
  read(id: string): Promise<Buffer>;
  /** Removes every trace of the upload (after the ingest, whatever its outcome). */
  discard(id: string): Promise<void>;
}

/** The folder (or S3 key prefix) of the uploads in progress. */
const UPLOADS_KEY_PREFIX = 'uploads/';

export function uploadStorage(ctx: AppContext): UploadStorage {
  const s3 = ctx.config.s3;
  if (s3) {
    const store = new S3UploadStore(s3ClientFromConfig(s3), s3.bucket, `${s3.prefix ?? ''}${UPLOADS_KEY_PREFIX}`);
    return {
      store,
      locker: new DbLocker(ctx.store.db),
      read: (id) => store.readAll(id),
      async discard(id) {
        await store.remove(id).catch((e: unknown) => {
          if (e !== ERRORS.FILE_NOT_FOUND) throw e;
        });
      },
    };
  }
  const dir = ctx.config.uploadsDir;
  mkdirSync(dir, { recursive: true });
  const file = (id: string) => path.join(dir, path.basename(id));
  return {
    store: new FileStore({ directory: dir }),
    locker: new SharedDirLocker(dir),
    read: (id) => readFile(file(id)),
    async discard(id) {
      await rm(file(id), { force: true });
      await rm(`${file(id)}.json`, { force: true });
    },
  };
}
