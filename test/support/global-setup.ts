/**
 * Runs once before the tests: gives one migrated PGlite database dumped to a
 * file (test/support/pglite-template.ts: built once per change of the store's
 * sources and cached between runs), so every database test file starts from
 * a copy in ~1 s instead of running initdb (~5 s) itself; checks PostgreSQL
 * once (with CI=true an unreachable PostgreSQL fails the whole run).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/core/index.js';
import { pgliteTemplate } from './pglite-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresUrl: string;
    postgresProblem: string;
  }
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

export default async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  const [snapshot, problem] = await Promise.all([pgliteTemplate({ units: false }), checkPostgres(config.testDatabaseUrl)]);
  if (problem && config.ci) throw new Error(`${problem}\nCI=true: mọi bài kiểm thử cơ sở dữ liệu phải chạy trên cả PostgreSQL.`);
  if (problem) console.warn(`\n⚠ ${problem}\n  Các bài kiểm thử PostgreSQL sẽ bị bỏ qua (ngoài CI).\n`);
  project.provide('pgliteSnapshot', snapshot);
  project.provide('postgresUrl', config.testDatabaseUrl);
  project.provide('postgresProblem', problem);
}
