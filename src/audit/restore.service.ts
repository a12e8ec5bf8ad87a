/**
 * `hotich restore <dir>`: checks EVERYTHING before touching anything — the
 * manifest is there and readable, every file has its size and SHA-256, every
 * blob is there and intact, the backend matches, the target database is
 * empty — and refuses with a Vietnamese reason otherwise. Then restores the
 * database (one transaction on PostgreSQL) and the blobs, and compares the
 * restored rows per table and audit heads with the manifest, and verifies
 * the chains.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Conflict, Invalid } from '../core/index.js';
import type { BlobStore } from '../blobs/index.js';
import { openStore, type Store } from '../store/index.js';
import { checkBlobs, copyBlobsIn } from './backup-blobs.js';
import { tableCounts } from './backup-counts.repo.js';
import { pgliteNotEmpty, postgresNotEmpty, restorePglite, restorePostgres, type DatabaseTarget } from './backup-database.js';
import { readManifest, sha256File, type BackupManifest } from './backup-manifest.js';
import { listHeads } from './heads.repo.js';
import { verifyAuditChains, type VerifyReport } from './verify.service.js';

export interface RestoreTarget {
  database: DatabaseTarget;
  blobs: BlobStore;
}

export type RestoreStep = 'check' | 'database' | 'blobs' | 'compare';
export type RestoreProgress = (step: RestoreStep, done?: number) => void;

export interface RestoreReport {
  ok: boolean;
  manifest: BackupManifest;
  /** Tables whose restored row count differs from the manifest. */
  countMismatches: { table: string; expected: number; actual: number | null }[];
  headsMatch: boolean;
  blobs: number;
  verify: VerifyReport;
}

const refuse = (why: string): Invalid => new Invalid('backup.refused', `Không khôi phục: ${why}. Chưa thay đổi gì ở nơi khôi phục.`);

async function checkFiles(dir: string, m: BackupManifest): Promise<string | undefined> {
  if (!m.files.some((f) => f.path === m.database.file)) return `bảng kê không ghi tệp cơ sở dữ liệu ${m.database.file}`;
  for (const f of m.files) {
    const file = path.join(dir, f.path);
    const size = (await stat(file).catch(() => undefined))?.size;
    if (size === undefined) return `thiếu tệp ${f.path}`;
    if (size !== f.size) return `tệp ${f.path} có ${size} byte, bảng kê ghi ${f.size} byte (bị cắt cụt hoặc bị sửa)`;
    if ((await sha256File(file)) !== f.sha256) return `tệp ${f.path} không khớp mã SHA-256 trong bảng kê (bị hỏng hoặc bị sửa)`;
  }
  return undefined;
}

async function checkTarget(m: BackupManifest, target: DatabaseTarget): Promise<string | undefined> {
  if (m.backend !== target.backend) {
    const name = { pglite: 'cơ sở dữ liệu nhúng (PGlite)', postgresql: 'PostgreSQL' };
    return `bản sao lưu của ${name[m.backend]} không khôi phục được vào ${name[target.backend]}`;
  }
  if (target.backend === 'pglite') return pgliteNotEmpty(target.dir);
  const [from, to] = [m.database.pgSchema ?? 'public', target.schema ?? 'public'];
  if (from !== to) return `bản sao lưu là của schema ${from}, nơi khôi phục dùng schema ${to}`;
  return postgresNotEmpty(target.url, target.schema);
}

/** Everything that must hold before anything is touched; throws the refusal. */
async function preflight(dir: string, target: DatabaseTarget): Promise<BackupManifest> {
  const m = await readManifest(dir);
  if (typeof m === 'string') throw refuse(m);
  const why = (await checkFiles(dir, m)) ?? (await checkBlobs(dir, m.blobs));
  if (why) throw refuse(why);
  const busy = await checkTarget(m, target);
  if (busy) throw new Conflict('backup.target_not_empty', `Không khôi phục: ${busy}. Chưa thay đổi gì.`);
  return m;
}

const openTarget = (t: DatabaseTarget): Promise<Store> => (t.backend === 'pglite' ? openStore({ pgliteDir: t.dir }) : openStore({ databaseUrl: t.url, pgSchema: t.schema }));

async function compare(m: BackupManifest, t: DatabaseTarget): Promise<Omit<RestoreReport, 'ok' | 'manifest' | 'blobs'>> {
  const store = await openTarget(t);
  try {
    const actual = await tableCounts(store.db);
    const countMismatches = Object.entries(m.counts)
      .filter(([k, v]) => actual[k] !== v)
      .map(([table, expected]) => ({ table, expected, actual: actual[table] ?? null }));
    const heads = (await listHeads(store.db)).map((h) => `${h.chainId}:${h.seq}:${h.hash}`).sort();
    const headsMatch = JSON.stringify(heads) === JSON.stringify(m.auditHeads.map((h) => `${h.chainId}:${h.seq}:${h.hash}`).sort());
    return { countMismatches, headsMatch, verify: await verifyAuditChains(store.db) };
  } finally {
    await store.close();
  }
}

export async function restoreBackup(from: string, target: RestoreTarget, progress?: RestoreProgress): Promise<RestoreReport> {
  const dir = path.resolve(from);
  progress?.('check');
  const m = await preflight(dir, target.database);
  progress?.('database');
  const file = path.join(dir, m.database.file);
  if (target.database.backend === 'pglite') await restorePglite(target.database.dir, file);
  else await restorePostgres(target.database.url, target.database.schema, file);
  progress?.('blobs', 0);
  const blobs = await copyBlobsIn(dir, target.blobs, (n) => progress?.('blobs', n));
  progress?.('compare');
  const c = await compare(m, target.database);
  return { ok: c.countMismatches.length === 0 && c.headsMatch && c.verify.ok, manifest: m, blobs, ...c };
}
