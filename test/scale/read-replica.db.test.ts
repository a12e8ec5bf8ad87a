/**
 * A real streaming replica (pg_basebackup -R, test/support/replica.ts) behind
 * DATABASE_READ_URL, with the real app (HTTP through app.inject):
 * - a write on the primary appears on the replica;
 * - a search is served by the replica: with its replay paused, a searcher who
 *   wrote nothing does not see a registration just keyed on the primary;
 * - read-your-writes: its keyer, searching at the same moment, finds it (her
 *   session's last write is past the replica, so she reads the primary);
 * - /api/health shows the replica and its lag;
 * - a stopped replica: searches are answered from the primary, no error.
 * Skipped when no replica can be made here (no server binaries, not root);
 * under CI (CI=true) that is a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor, withActor, type ActorContext } from '../../src/auth/index.js';
import { openContext, type OpenedContext } from '../../src/cli/index.js';
import { loadConfig, silentLogger } from '../../src/core/index.js';
import { completeRecord, createRecord, saveRecord } from '../../src/entry/index.js';
import { buildApp } from '../../src/server/index.js';
import type { ReplicaStatus } from '../../src/store/index.js';
import { scannedBook } from '../support/export-book.js';
import { signedInUser, type TestUser } from '../support/http.js';
import { CLEAN_KS_RECORD, patchValues } from '../support/records.js';
import { replicaUnavailable, startReplica, type Replica } from '../support/replica.js';
import { scratchDatabase } from '../support/scratch-instance.js';

const missing = replicaUnavailable();
if (missing && loadConfig().ci) throw new Error(`CI: the read-replica tests cannot run: ${missing}`);

describe.skipIf(missing !== undefined)('a streaming read replica behind DATABASE_READ_URL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let replica: Replica;
  let dir = '';
  let opened: OpenedContext;
  let sys: ActorContext;
  let app: FastifyInstance;
  let writer: TestUser;
  let searcher: TestUser;
  let bookId = '';
  let pageIds: string[] = [];

  beforeAll(async () => {
    db = await scratchDatabase();
    const base = new URL(inject('postgresUrl'));
    replica = await startReplica({ host: base.hostname, port: Number(base.port || 5432), user: decodeURIComponent(base.username || 'postgres') });
    dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-replica-app-'));
    const config = { ...loadConfig({ dataDir: path.join(dir, 'data'), databaseUrl: db.url }), databaseReadUrl: replica.urlOf(new URL(db.url).pathname.slice(1)), replicaMaxLagMs: 120_000 };
    opened = await openContext(config, silentLogger);
    sys = withActor(opened.ctx, systemActor('test'));
    app = await buildApp(opened.ctx, { webRoot: '/nonexistent' });
    [writer, searcher] = [await signedInUser(sys, 'keyer'), await signedInUser(sys, 'keyer')];
    ({ bookId, pageIds } = await scannedBook(sys, { pages: 2 }));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await opened?.close();
    replica?.dispose();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const replicaDb = () => opened.ctx.store.replica!.replica;
  const health = async () => (await app.inject({ method: 'GET', url: '/api/health' })).json<{ replica: ReplicaStatus }>().replica;
  const search = async (who: TestUser, q: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ hits: { name: string }[] }>().hits.map((h) => h.name);
  };
  const keyed = async (name: string, so: string) => {
    const rec = await createRecord(sys, { bookId, pageIds: [pageIds[0]!], clientTxId: `replica-create-${so}` });
    const saved = await saveRecord(sys, { recordId: rec.id, clientTxId: `replica-save-${so}`, expectedVersion: rec.version, values: patchValues(CLEAN_KS_RECORD, { so, nksHoTen: name }) });
    await completeRecord(sys, { recordId: rec.id, clientTxId: `replica-done-${so}`, expectedVersion: saved.version });
  };

  it('shows a write on the primary on the replica', async () => {
    await keyed('Lê Thị Sao Mai', '1');
    const onReplica = () => replicaDb().selectFrom('person_index').select('full_name').execute();
    await expect.poll(async () => (await onReplica()).map((r) => r.full_name), { timeout: 15_000, interval: 50 }).toContain('Lê Thị Sao Mai');
    expect(await health()).toMatchObject({ state: 'ok', lagBytes: expect.any(Number), lagMs: expect.any(Number) });
  });

  it("serves a search from the replica, and the keyer's own search from the primary until the replica has her write", async () => {
    await expect.poll(() => search(searcher, 'le thi sao mai'), { timeout: 15_000, interval: 100 }).toContain('Lê Thị Sao Mai');
    const before = (await health()).served.replica;
    expect(before).toBeGreaterThan(0);
    await sql`select pg_wal_replay_pause()`.execute(replicaDb());
    try {
      // The writer keys a registration over HTTP: her session now remembers a WAL position the paused replica has not replayed.
      const created = await app.inject({ method: 'POST', url: `/api/books/${bookId}/records`, headers: writer.headers, payload: { pageIds: [pageIds[1]!], clientTxId: 'replica-http-create' } });
      expect(created.statusCode, created.body).toBe(201);
      const rec = created.json<{ id: string; version: number }>();
      const values = patchValues(CLEAN_KS_RECORD, { so: '2', nksHoTen: 'Đặng Văn Bình Minh' });
      const saved = await app.inject({ method: 'PUT', url: `/api/records/${rec.id}`, headers: writer.headers, payload: { clientTxId: 'replica-http-save', expectedVersion: rec.version, values } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(await search(searcher, 'dang van binh minh')).toEqual([]);
      expect(await search(writer, 'dang van binh minh')).toEqual(['Đặng Văn Bình Minh']);
      expect((await health()).served.replica).toBeGreaterThan(before);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(replicaDb());
    }
    await expect.poll(() => search(searcher, 'dang van binh minh'), { timeout: 15_000, interval: 100 }).toEqual(['Đặng Văn Bình Minh']);
  });

  it('answers from the primary, without an error, when the replica is stopped', async () => {
    replica.stop();
    await keyed('Hoàng Thị Thu Trang', '3');
    expect(await search(searcher, 'hoang thi thu trang')).toEqual(['Hoàng Thị Thu Trang']);
    expect(await search(searcher, 'le thi sao mai')).toEqual(['Lê Thị Sao Mai']);
    expect(await health()).toMatchObject({ state: 'down', lagMs: null });
  });
});
