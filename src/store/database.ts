/**
 * Opening the database: PGlite (embedded; a folder, or in memory) or
 * PostgreSQL (when a connection string is given). Both speak the same SQL and
 * return the same JS types: int8 and numeric as strings, date as 'yyyy-mm-dd'
 * text, timestamptz as Date, jsonb parsed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { ReplicaRouter } from './replica.js';
import type { Database } from './schema.js';

export type Backend = 'pglite' | 'postgresql';

export interface Store {
  db: Kysely<Database>;
  backend: Backend;
  close(): Promise<void>;
  /** PGlite: the whole data folder as a gzipped tarball (backup). */
  dumpDataDir?: () => Promise<Blob>;
  /** PostgreSQL: where the data lives (backup with pg_dump). */
  postgres?: { url: string; schema: string | undefined };
  /** PostgreSQL with a read replica (DATABASE_READ_URL): where tolerant reads go (replica.ts). */
  replica?: ReplicaRouter;
}

export interface OpenStoreOptions {
  /** PostgreSQL connection string. When set, PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined means in memory. Ignored with databaseUrl. */
  pgliteDir?: string | undefined;
  /** PGlite: start from a dumped data dir (tests share one migrated snapshot). */
  pgliteSnapshot?: Blob | undefined;
  /** PostgreSQL: use (and create) this schema instead of public (test isolation). */
  pgSchema?: string | undefined;
  /** PostgreSQL: a streaming replica of databaseUrl for tolerant reads, and the lag past which it is not used. */
  readReplica?: { url: string; maxLagMs: number } | undefined;
}

const asText = (v: string): string => v;
const PG_TYPE_TEXT = { 20: asText, 1082: asText, 1700: asText } as const;

export async function openPGlite(opts: OpenStoreOptions): Promise<PGlite> {
  if (opts.pgliteDir) mkdirSync(path.dirname(opts.pgliteDir), { recursive: true });
  const lite = new PGlite({
    ...(opts.pgliteDir ? { dataDir: opts.pgliteDir } : {}),
    ...(opts.pgliteSnapshot ? { loadDataDir: opts.pgliteSnapshot } : {}),
    parsers: PG_TYPE_TEXT,
    extensions: { pg_trgm },
  });
  await lite.waitReady;
  return lite;
}

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid in PG_TYPE_TEXT ? asText : pg.types.getTypeParser(oid, format))) as pg.CustomTypesConfig['getTypeParser'],
  };
}

async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Tên schema không hợp lệ: ${schema}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}

function pgPool(url: string, schema: string | undefined, extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes(), max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}), ...extra });
  // An idle connection that breaks (server restarted, replica stopped) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

async function openPostgres(databaseUrl: string, schema: string | undefined, readReplica: OpenStoreOptions['readReplica']): Promise<Store> {
  if (schema) await ensureSchema(databaseUrl, schema);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pgPool(databaseUrl, schema) }) });
  if (!readReplica) return { db, backend: 'postgresql', close: () => db.destroy(), postgres: { url: databaseUrl, schema } };
  const readDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pgPool(readReplica.url, schema, { connectionTimeoutMillis: 1_000 }) }) });
  const replica = new ReplicaRouter(db, readDb, { maxLagMs: readReplica.maxLagMs });
  const close = async () => {
    await Promise.all([db.destroy(), readDb.destroy()]);
  };
  return { db, backend: 'postgresql', close, postgres: { url: databaseUrl, schema }, replica };
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.pgSchema, opts.readReplica);
  const lite = await openPGlite(opts);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(lite) });
  return { db, backend: 'pglite', close: () => db.destroy(), dumpDataDir: () => lite.dumpDataDir('gzip') };
}

/** Drops a test schema created with `pgSchema` (PostgreSQL only). */
export async function dropPgSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Tên schema không hợp lệ: ${schema}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
