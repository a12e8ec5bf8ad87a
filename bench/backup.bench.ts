/**
 * npm run bench:backup [-- --backend pglite|postgresql --records 50000 --blobs 300 --blob-kb 300]
 * Backup and restore of an instance bigger than the demo, to extrapolate to a
 * province honestly: RECORDS registrations (values from the demo generators)
 * with two record actions each (created, keyed) written through the audit
 * chain trigger, and BLOBS incompressible blobs of BLOB_KB (scan-sized). It
 * measures: the chained insert against the same insert into a copy of the
 * table without triggers (the chain's cost per row), `audit verify`, the
 * backup (createBackup) against a plain copy of the same data (the baseline:
 * `cp -r` of the data folder on PGlite; pg_dump -Fc + `cp -r` of the blob
 * folder on PostgreSQL), and the restore into an empty instance (checks,
 * database, blobs, comparison, verify). Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createBackup, restoreBackup, verifyAuditChains, type BackupManifest, type RestoreTarget } from '../src/audit/index.js';
import { createLocalBlobStore } from '../src/blobs/index.js';
import { loadConfig, silentLogger, type AppContext } from '../src/core/index.js';
import { demoProvince, demoRecords } from '../src/demo/index.js';
import { migrate, openStore, sql, type Store } from '../src/store/index.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const BACKEND = arg('backend', 'pglite') as 'pglite' | 'postgresql';
const RECORDS = Number(arg('records', '50000'));
const BLOBS = Number(arg('blobs', '300'));
const BLOB_KB = Number(arg('blob-kb', '300'));

const seconds = async (run: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await run();
  return Math.round(performance.now() - t0) / 1000;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Seconds spent in each step of a backup or restore, from its progress callback. */
function stepClock() {
  const spent: Record<string, number> = {};
  let current: string | undefined;
  let since = performance.now();
  const close = () => {
    if (current) spent[current] = Math.round((spent[current] ?? 0) * 1000 + performance.now() - since) / 1000;
  };
  return {
    mark: (step: string) => {
      if (step === current) return;
      close();
      current = step;
      since = performance.now();
    },
    done: () => {
      close();
      current = undefined;
      return spent;
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: loadConfig().testDatabaseUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function scratchDb(name: string): Promise<string> {
  await admin(`create database ${name}`);
  const url = new URL(loadConfig().testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** RECORDS registrations (demo values, cycled) with created + keyed actions, inserted in one statement each through the chain trigger. */
async function fill(store: Store): Promise<{ chainedSeconds: number; plainSeconds: number }> {
  const db = store.db;
  const book = await db.insertInto('books').values({ register_type: 'KS', template_version: 'KS-70', authority_text: 'UBND xã Bench', year_from: 2000 }).returning('id').executeTakeFirstOrThrow();
  const pool = demoRecords(demoProvince(7)).map((r) => JSON.stringify(r.record.values));
  await sql`create temporary table bench_values (n int primary key, v jsonb)`.execute(db);
  for (let i = 0; i < pool.length; i += 500) {
    await db
      .insertInto('bench_values' as never)
      .values(pool.slice(i, i + 500).map((v, k) => ({ n: i + k, v })) as never)
      .execute();
  }
  await sql`insert into records (book_id, province_code, register_type, template_version, status, "values", page_ids)
    select ${book.id}::uuid, (select province_code from books where id = ${book.id}::uuid), 'KS', 'KS-70', 'draft', v.v, '[]'::jsonb from generate_series(0, ${RECORDS - 1}) g join bench_values v on v.n = g % ${pool.length}`.execute(
    db,
  );
  const actions = (table: string) => sql`insert into ${sql.table(table)} (record_id, province_code, client_tx_id, kind, payload)
    select r.id, r.province_code, ${table} || '-' || r.id || '-' || k.kind, k.kind, case when k.kind = 'keyed' then jsonb_build_object('values', r."values") else '{}'::jsonb end
    from records r cross join (values ('created'), ('keyed')) k(kind) where r.book_id = ${book.id}::uuid order by r.id, k.kind`;
  await sql`create table bench_plain_actions (like record_actions including defaults)`.execute(db);
  await sql`alter table bench_plain_actions alter column id add generated always as identity, alter column chain_id drop not null, alter column chain_seq drop not null, alter column prev_hash drop not null, alter column hash drop not null`.execute(
    db,
  );
  const plainSeconds = await seconds(() => actions('bench_plain_actions').execute(db));
  await sql`drop table bench_plain_actions`.execute(db);
  const chainedSeconds = await seconds(() => actions('record_actions').execute(db));
  return { chainedSeconds, plainSeconds };
}

async function putBlobs(ctx: AppContext): Promise<void> {
  for (let i = 0; i < BLOBS; i++) await ctx.blobs.put(randomBytes(BLOB_KB * 1024));
}

async function baseline(store: Store, dataDir: string, out: string): Promise<number> {
  return seconds(async () => {
    if (store.backend === 'pglite') {
      await store.close();
      await cp(dataDir, out, { recursive: true });
      return;
    }
    await mkdir(out, { recursive: true });
    const dump = spawnSync('pg_dump', ['--format=custom', `--file=${path.join(out, 'plain.dump')}`, `--dbname=${store.postgres!.url}`]);
    if (dump.status !== 0) throw new Error(dump.stderr.toString());
    await cp(path.join(dataDir, 'blobs'), path.join(out, 'blobs'), { recursive: true });
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hotich-bench-backup-'));
  const dbs: string[] = [];
  let opened: Store | undefined;
  let closed = false;
  try {
    const dataDir = path.join(dir, 'data');
    const url = BACKEND === 'postgresql' ? await scratchDb(`hotich_bench_${randomUUID().slice(0, 8)}`) : undefined;
    if (url) dbs.push(new URL(url).pathname.slice(1));
    const store = await openStore({ databaseUrl: url, pgliteDir: path.join(dataDir, 'pglite') });
    opened = store;
    await migrate(store.db);
    const ctx: AppContext = { config: loadConfig({ dataDir }), store, blobs: createLocalBlobStore(path.join(dataDir, 'blobs')), clock: () => new Date(), log: silentLogger };
    log(`filling ${RECORDS} records, ${RECORDS * 2} chained actions, ${BLOBS} blobs of ${BLOB_KB} KB on ${BACKEND}…`);
    const inserts = await fill(store);
    await putBlobs(ctx);
    let verifyOk = false;
    const verifySeconds = await seconds(async () => (verifyOk = (await verifyAuditChains(store.db)).ok));
    log(`verify ${verifySeconds} s; backup…`);
    const backupDir = path.join(dir, 'backup');
    let manifest!: BackupManifest;
    const backupSteps = stepClock();
    const backupTimed = await seconds(async () => (manifest = await createBackup(ctx, backupDir, backupSteps.mark)));
    const backupStepSeconds = backupSteps.done();
    log(`backup ${backupTimed} s; baseline copy…`);
    const baselineSeconds = await baseline(store, dataDir, path.join(dir, 'plain'));
    await rm(path.join(dir, 'plain'), { recursive: true, force: true });
    if (store.backend === 'postgresql') await store.close();
    closed = true;
    const targetUrl = BACKEND === 'postgresql' ? await scratchDb(`hotich_bench_${randomUUID().slice(0, 8)}`) : undefined;
    if (targetUrl) dbs.push(new URL(targetUrl).pathname.slice(1));
    const target: RestoreTarget = {
      database: targetUrl ? { backend: 'postgresql', url: targetUrl } : { backend: 'pglite', dir: path.join(dir, 'restored', 'pglite') },
      blobs: createLocalBlobStore(path.join(dir, 'restored', 'blobs')),
    };
    let restoredOk = false;
    const restoreSteps = stepClock();
    const restoreSeconds = await seconds(async () => (restoredOk = (await restoreBackup(backupDir, target, restoreSteps.mark)).ok));
    const restoreStepSeconds = restoreSteps.done();
    const dbFile = manifest.files.find((f) => f.path === manifest.database.file)!;
    const rows = RECORDS * 2;
    console.log(`${BACKEND}: ${RECORDS} records, ${rows} chained actions, ${BLOBS} blobs (${Math.round(manifest.blobs.bytes / 1048576)} MB); database file ${Math.round(dbFile.size / 1048576)} MB`);
    console.log(
      `chained insert ${inserts.chainedSeconds} s (${Math.round(rows / inserts.chainedSeconds)} rows/s) vs plain ${inserts.plainSeconds} s; verify ${verifySeconds} s (${Math.round(rows / verifySeconds)} rows/s)`,
    );
    console.log(`backup ${backupTimed} s vs plain copy ${baselineSeconds} s; restore (with checks and verify) ${restoreSeconds} s; ok ${verifyOk && restoredOk}`);
    console.log(`backup steps ${JSON.stringify(backupStepSeconds)}; restore steps ${JSON.stringify(restoreStepSeconds)}`);
    console.log(
      JSON.stringify({
        bench: 'backup',
        metric: 'backupSeconds',
        value: backupTimed,
        baseline: baselineSeconds,
        ratio: Math.round((backupTimed / baselineSeconds) * 100) / 100,
        backend: BACKEND,
        records: RECORDS,
        chainedActions: rows,
        blobs: BLOBS,
        blobMB: Math.round(manifest.blobs.bytes / 1048576),
        databaseFileMB: Math.round(dbFile.size / 1048576),
        restoreSeconds,
        verifySeconds,
        verifyRowsPerSecond: Math.round(rows / verifySeconds),
        chainedInsertRowsPerSecond: Math.round(rows / inserts.chainedSeconds),
        plainInsertRowsPerSecond: Math.round(rows / inserts.plainSeconds),
        backupSteps: backupStepSeconds,
        restoreSteps: restoreStepSeconds,
        ok: verifyOk && restoredOk,
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    if (opened && !closed && opened.backend === 'postgresql') await opened.close();
    for (const name of dbs) await admin(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
