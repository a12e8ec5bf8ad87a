/**
 * Backup and restore on both backends: a database with a keyed book (records,
 * actions, scans as blobs), entity actions and reads is backed up; restored
 * into an empty instance it has the same rows per table, the same audit
 * heads, an intact chain that keeps growing, and readable blobs. A truncated database file, a
 * missing blob, a missing manifest, a non-empty target are each refused with
 * a Vietnamese reason, and the empty target stays empty. A later backup
 * hard-links the blobs an earlier one already holds.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { exportReadyBook } from '../../test/support/export-book.js';
import { scratchDatabase } from '../../test/support/scratch-instance.js';
import { createLocalBlobStore } from '../blobs/index.js';
import type { TestContext as ActorContext } from '../../test/support/context.js';
import type { AppError } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import { blobPath } from './backup-blobs.js';
import { tableCounts } from './backup-counts.repo.js';
import { pgliteNotEmpty, postgresNotEmpty } from './backup-database.js';
import { appendEntityAction, createBackup, listAuditHeads, logAccess, restoreBackup, verifyAuditChains, type DatabaseTarget, type RestoreTarget } from './index.js';

const message = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: AppError) => e.message,
  );

describeBackends('backup and restore', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let tmp = '';
  let backup = '';
  let pageBlobs: string[] = [];
  const targets: { drop: () => Promise<void> }[] = [];

  /** A new empty instance: a PGlite folder, or a database of its own on the test server (same schema name as the source). */
  async function emptyTarget(name: string): Promise<RestoreTarget> {
    const blobs = createLocalBlobStore(path.join(tmp, `${name}-blobs`));
    const s: Store = store();
    if (s.backend === 'pglite') return { database: { backend: 'pglite', dir: path.join(tmp, `${name}-pglite`) }, blobs };
    const db = await scratchDatabase();
    targets.push(db);
    return { database: { backend: 'postgresql', url: db.url, schema: s.postgres!.schema }, blobs };
  }

  const isEmpty = async (t: RestoreTarget) => {
    const db: DatabaseTarget = t.database;
    const why = db.backend === 'pglite' ? await pgliteNotEmpty(db.dir) : await postgresNotEmpty(db.url, db.schema);
    const blobs: string[] = [];
    for await (const b of t.blobs.list()) blobs.push(b);
    return why === undefined && blobs.length === 0;
  };

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    tmp = await mkdtemp(path.join(os.tmpdir(), 'hotich-backup-'));
    const { bookId, records } = await exportReadyBook(ctx);
    await appendEntityAction(ctx.store.db, { entityType: 'book', entityId: bookId, bookId, kind: 'status', actorId: null });
    await logAccess(ctx.store.db, { actorId: null, action: 'record.view', entityType: 'record', entityId: records['1']!, bookId });
    pageBlobs = (await ctx.store.db.selectFrom('pages').select('blob_sha256').where('book_id', '=', bookId).execute()).map((p) => p.blob_sha256!);
    backup = path.join(tmp, 'backup');
  }, 90_000);
  afterAll(async () => {
    dispose();
    for (const t of targets) await t.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('backs up the database, every blob and a manifest with counts, checksums and audit heads', async () => {
    const m = await createBackup(ctx, backup);
    expect(m.backend).toBe(store().backend);
    expect(m.counts).toEqual(await tableCounts(ctx.store.db));
    expect(m.counts.record_actions).toBeGreaterThanOrEqual(9);
    expect(m.auditHeads).toEqual((await listAuditHeads(ctx.store.db)).map((h) => ({ chainId: h.chainId, seq: h.seq, hash: h.hash })));
    expect(m.auditHeads.filter((h) => h.chainId.startsWith('actions:')).length).toBeGreaterThan(0);
    const blobs: string[] = [];
    for await (const b of ctx.blobs.list()) blobs.push(b);
    expect(m.blobs.count).toBe(blobs.length);
    expect(blobs).toEqual(expect.arrayContaining(pageBlobs));
    expect(m.files.map((f) => f.path)).toEqual([m.database.file, 'blobs.tsv']);
    expect((await readdir(backup)).sort()).toEqual(['blobs', 'blobs.tsv', m.database.file, 'manifest.json'].sort());
    expect(await message(createBackup(ctx, backup))).toBe(`Thư mục "${backup}" đã có tệp: mỗi lần sao lưu cần một thư mục mới (hoặc trống).`);
  }, 60_000);

  it('hard-links the blobs of an earlier backup instead of copying them', async () => {
    const first = JSON.parse(await readFile(path.join(backup, 'manifest.json'), 'utf8')) as { blobs: unknown };
    const second = path.join(tmp, 'second');
    const m = await createBackup(ctx, second, undefined, { linkFrom: backup });
    expect(m.blobs).toEqual(first.blobs);
    for (const sha of pageBlobs) expect((await stat(blobPath(second, sha))).ino).toBe((await stat(blobPath(backup, sha))).ino);
    expect(await message(createBackup(ctx, path.join(tmp, 'third'), undefined, { linkFrom: path.join(tmp, 'nowhere') }))).toMatch(
      /^Không dùng được bản sao lưu trước ".*nowhere" \(--link-from\): không có tệp manifest\.json/,
    );
  }, 60_000);

  it('restores into an empty instance: same counts, same audit heads, intact chains, readable blobs', async () => {
    const target = await emptyTarget('restored');
    const report = await restoreBackup(backup, target);
    expect(report.countMismatches).toEqual([]);
    expect(report.headsMatch).toBe(true);
    expect(report.verify.ok).toBe(true);
    expect(report.ok).toBe(true);
    expect(report.blobs).toBe(report.manifest.blobs.count);
    for (const sha of pageBlobs) expect((await target.blobs.get(sha)).equals(await ctx.blobs.get(sha))).toBe(true);
    const restored =
      target.database.backend === 'pglite' ? await openStore({ pgliteDir: target.database.dir }) : await openStore({ databaseUrl: target.database.url, pgSchema: target.database.schema });
    try {
      await appendEntityAction(restored.db, { entityType: 'book', entityId: 'after-restore', kind: 'created', actorId: null });
      const after = await verifyAuditChains(restored.db);
      expect(after.ok).toBe(true);
      expect(after.chains[0]!.rows).toBe(Number(report.manifest.auditHeads.find((h) => h.chainId === 'actions')!.seq) + 1);
    } finally {
      await restored.close();
    }
    expect(await message(restoreBackup(backup, { ...target, blobs: createLocalBlobStore(path.join(tmp, 'other-blobs')) }))).toMatch(
      /^Không khôi phục: (thư mục cơ sở dữ liệu đích|cơ sở dữ liệu đích \(schema).*đã có .*Chưa thay đổi gì\.$/,
    );
  }, 90_000);

  it('refuses a truncated database file, a missing blob or a missing manifest, and leaves the target empty', async () => {
    const target = await emptyTarget('refused');
    const damaged = async (name: string, harm: (dir: string) => Promise<void>) => {
      const dir = path.join(tmp, name);
      await cp(backup, dir, { recursive: true });
      await harm(dir);
      return message(restoreBackup(dir, target));
    };
    const file = (await readdir(backup)).find((f) => f.startsWith('database.'))!;
    expect(await damaged('truncated', (d) => truncate(path.join(d, file), 1000))).toMatch(
      new RegExp(`^Không khôi phục: tệp ${file.replace('.', '\\.')} có 1000 byte, bảng kê ghi \\d+ byte \\(bị cắt cụt hoặc bị sửa\\)\\. Chưa thay đổi gì ở nơi khôi phục\\.$`),
    );
    const blob = pageBlobs[1]!;
    expect(await damaged('no-blob', (d) => rm(path.join(d, 'blobs', blob.slice(0, 2), blob.slice(2, 4), blob)))).toBe(
      `Không khôi phục: thiếu tệp lưu trữ ${blob} (blobs/${blob.slice(0, 2)}/${blob.slice(2, 4)}/${blob}). Chưa thay đổi gì ở nơi khôi phục.`,
    );
    expect(await damaged('no-manifest', (d) => rm(path.join(d, 'manifest.json')))).toMatch(/^Không khôi phục: không có tệp manifest\.json trong ".*no-manifest": bản sao lưu chưa hoàn tất/);
    expect(await damaged('bad-manifest', (d) => writeFile(path.join(d, 'manifest.json'), '{"format":'))).toContain('tệp manifest.json bị hỏng');
    expect(await isEmpty(target)).toBe(true);
    if (target.database.backend === 'pglite') expect(existsSync(target.database.dir)).toBe(false);
  }, 90_000);
});
