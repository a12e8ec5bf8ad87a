/**
 * A whole empty hotich instance for tests of commands that open their own
 * database from the configuration (`hotich audit`, `hotich backup`/`restore`):
 * a temporary data folder, and on PostgreSQL a fresh database of its own on
 * the test server (dropped afterwards), since such commands use the public
 * schema of DATABASE_URL. `env` is what to stub into process.env.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { inject, vi } from 'vitest';
import { run } from '../../src/cli/index.js';
import pg from 'pg';
import type { Backend } from '../../src/store/index.js';

export interface ScratchInstance {
  backend: Backend;
  dataDir: string;
  /** PostgreSQL only: the instance's own database. */
  databaseUrl: string | undefined;
  env: { DATABASE_URL: string };
  dispose(): Promise<void>;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; its URL and a function that drops it. */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = inject('postgresUrl');
  const name = `hotich_s_${randomBytes(6).toString('hex')}`;
  await admin(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(base, `drop database if exists ${name} with (force)`) };
}

export async function scratchInstance(backend: Backend, label = 'hotich-instance-'): Promise<ScratchInstance> {
  const dir = mkdtempSync(path.join(os.tmpdir(), label));
  const db = backend === 'postgresql' ? await scratchDatabase() : undefined;
  return {
    backend,
    dataDir: path.join(dir, 'data'),
    databaseUrl: db?.url,
    env: { DATABASE_URL: db?.url ?? '' },
    dispose: async () => {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the `hotich` command in-process against the instance (its data folder,
 * and its database through DATABASE_URL) and answers the exit code and what it
 * printed (console.log and console.error lines; progress on stderr is dropped).
 */
export async function runHotich(inst: ScratchInstance, ...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.stubEnv('DATABASE_URL', inst.env.DATABASE_URL);
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  try {
    await run([...args, '--data', inst.dataDir]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out: lines.join('\n') };
}
