/**
 * Runs once before the tests: builds one migrated PGlite database and dumps it
 * to a file, so every database test file starts from a copy in ~1 s instead
 * of running initdb (~5 s) itself; checks PostgreSQL once (with CI=true an
 * unreachable PostgreSQL fails the whole run).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { Kysely } from 'kysely';
import { loadConfig } from '../../src/core/index.js';
import { migrate, openPGlite, PGliteDialect, type Database } from '../../src/store/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresUrl: string;
    postgresProblem: string;
  }
}

async function buildSnapshot(dir: string): Promise<string> {
  const lite = await openPGlite({});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(lite) });
  await migrate(db);
  const dump = await lite.dumpDataDir('gzip');
  const file = path.join(dir, 'pglite-migrated.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  return file;
}

async function checkPostgres(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return '';
  } catch (e) {
    return `PostgreSQL không kết nối được tại ${url}: ${(e as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const config = loadConfig();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-test-'));
  const [snapshot, problem] = await Promise.all([buildSnapshot(dir), checkPostgres(config.testDatabaseUrl)]);
  if (problem && config.ci) throw new Error(`${problem}\nCI=true: mọi bài kiểm thử cơ sở dữ liệu phải chạy trên cả PostgreSQL.`);
  if (problem) console.warn(`\n⚠ ${problem}\n  Các bài kiểm thử PostgreSQL sẽ bị bỏ qua (ngoài CI).\n`);
  project.provide('pgliteSnapshot', snapshot);
  project.provide('postgresUrl', config.testDatabaseUrl);
  project.provide('postgresProblem', problem);
  return () => rmSync(dir, { recursive: true, force: true });
}
