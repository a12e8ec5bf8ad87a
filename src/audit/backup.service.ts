/**
 * `hotich backup --out <dir>`: the database (pg_dump, or PGlite's own dump),
 * every blob, and last the manifest: rows per table and audit heads (read in
 * the same snapshot as the dump on PostgreSQL), size and SHA-256 of every
 * file. The folder must be new or empty. Blobs never change, so with
 * linkFrom (an earlier backup) those already backed up are hard-linked.
 * The embedded store is a single session: back it up with the server stopped.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Conflict, Invalid, VERSION, type AppContext } from '../core/index.js';
import type { Store } from '../store/index.js';
import { copyBlobsOut, BLOBS_LIST } from './backup-blobs.js';
import { exportSnapshot, tableCounts } from './backup-counts.repo.js';
import { dumpPglite, dumpPostgres } from './backup-database.js';
import { BACKUP_FORMAT, BACKUP_VERSION, fileEntry, readManifest, writeManifest, type BackupManifest } from './backup-manifest.js';
import { listHeads } from './heads.repo.js';

export type BackupStep = 'database' | 'blobs' | 'manifest';
export type BackupProgress = (step: BackupStep, done?: number) => void;

interface DatabasePart {
  file: string;
  counts: Record<string, number>;
  auditHeads: BackupManifest['auditHeads'];
}

const headsOf = async (db: Parameters<typeof listHeads>[0]) => (await listHeads(db)).map((h) => ({ chainId: h.chainId, seq: h.seq, hash: h.hash }));

async function backupDatabase(store: Store, dir: string): Promise<DatabasePart> {
  if (store.backend === 'pglite') {
    if (!store.dumpDataDir) throw new Error('PGlite store without dumpDataDir');
    const part = { file: 'database.tar.gz', counts: await tableCounts(store.db), auditHeads: await headsOf(store.db) };
    await dumpPglite(store.dumpDataDir, path.join(dir, part.file));
    return part;
  }
  const pgc = store.postgres;
  if (!pgc) throw new Error('PostgreSQL store without its connection');
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const snapshot = await exportSnapshot(tx);
      const part = { file: 'database.dump', counts: await tableCounts(tx), auditHeads: await headsOf(tx) };
      await dumpPostgres(pgc.url, pgc.schema, snapshot, path.join(dir, part.file));
      return part;
    });
}

/** The earlier backup to link blobs from: it must be a complete one (its manifest is there). */
async function earlierBackup(dir: string): Promise<string> {
  const m = await readManifest(path.resolve(dir));
  if (typeof m === 'string') throw new Invalid('backup.link_from', `Không dùng được bản sao lưu trước "${dir}" (--link-from): ${m}.`);
  return path.resolve(dir);
}

async function prepareFolder(out: string): Promise<void> {
  const entries = await readdir(out).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  if (entries.length > 0) throw new Conflict('backup.out_not_empty', `Thư mục "${out}" đã có tệp: mỗi lần sao lưu cần một thư mục mới (hoặc trống).`);
  await mkdir(out, { recursive: true });
}

export interface BackupOptions {
  /** An earlier backup on the same file system: blobs already in it are hard-linked, not copied. */
  linkFrom?: string | undefined;
}

export async function createBackup(ctx: AppContext, out: string, progress?: BackupProgress, opts: BackupOptions = {}): Promise<BackupManifest> {
  const dir = path.resolve(out);
  await prepareFolder(dir);
  const createdAt = ctx.clock().toISOString();
  progress?.('database');
  const db = await backupDatabase(ctx.store, dir);
  progress?.('blobs', 0);
  const linkFrom = opts.linkFrom ? await earlierBackup(opts.linkFrom) : undefined;
  const blobs = await copyBlobsOut(ctx.blobs, dir, (n) => progress?.('blobs', n), linkFrom);
  progress?.('manifest');
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    hotichVersion: VERSION,
    backend: ctx.store.backend,
    database: { file: db.file, pgSchema: ctx.store.postgres?.schema ?? null },
    counts: db.counts,
    auditHeads: db.auditHeads,
    blobs: { list: BLOBS_LIST, ...blobs },
    files: [await fileEntry(dir, db.file), await fileEntry(dir, BLOBS_LIST)],
  };
  await writeManifest(dir, manifest);
  return manifest;
}
