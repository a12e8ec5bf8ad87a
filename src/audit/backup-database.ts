/**
 * The database part of a backup. PostgreSQL: pg_dump in custom format (of
 * the schema in use when one is set, else of the whole database), restored
 * with pg_restore in one transaction (all or nothing). PGlite: its own dump
 * of the data folder (a gzipped tarball), restored by starting PGlite on an
 * empty folder from that tarball. Both refuse a target that is not empty.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type DatabaseTarget = { backend: 'pglite'; dir: string } | { backend: 'postgresql'; url: string; schema?: string | undefined };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs a PostgreSQL client tool; rejects with a Vietnamese message carrying its stderr. */
function runTool(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === 'ENOENT' ? `Không tìm thấy lệnh ${cmd}: hãy cài công cụ dòng lệnh của PostgreSQL (gói postgresql-client, cùng phiên bản lớn với máy chủ hoặc mới hơn).` : e.message)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} dừng với mã ${code}: ${stderr.trim()}`))));
  });
}

export async function dumpPostgres(url: string, schema: string | undefined, snapshot: string, file: string): Promise<void> {
  const args = ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, ...(schema ? [`--schema=${schema}`] : []), `--dbname=${url}`];
  await runTool('pg_dump', args);
}

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An object that belongs to an extension (pg_trgm's functions in public do not make a database "not empty"). */
const EXTENSION_MEMBER = (oid: string) => `exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;

/** Why the PostgreSQL target is not empty (a Vietnamese sentence), or undefined when it is. */
export async function postgresNotEmpty(url: string, schema: string | undefined): Promise<string | undefined> {
  const name = schema ?? 'public';
  if (!SCHEMA_NAME.test(name)) return `tên schema không hợp lệ: ${name}`;
  const n = await withClient(url, async (c) => {
    const r = await c.query<{ n: string }>(
      `select (select count(*) from pg_class k join pg_namespace s on s.oid = k.relnamespace where s.nspname = $1 and not ${EXTENSION_MEMBER('k.oid')})
            + (select count(*) from pg_proc p join pg_namespace s on s.oid = p.pronamespace where s.nspname = $1 and not ${EXTENSION_MEMBER('p.oid')}) as n`,
      [name],
    );
    return Number(r.rows[0]!.n);
  });
  return n > 0 ? `cơ sở dữ liệu đích (schema ${name}) đã có ${n} bảng, chỉ mục hoặc hàm: chỉ khôi phục vào một cơ sở dữ liệu trống` : undefined;
}

export async function restorePostgres(url: string, schema: string | undefined, file: string): Promise<void> {
  // The dump of a schema creates it: an empty schema already there (checked) is dropped first.
  if (schema) await withClient(url, (c) => c.query(`drop schema if exists ${schema}`));
  // The dump of one schema does not carry the extensions its indexes use (search's pg_trgm, migration 0018, lives in public).
  await withClient(url, (c) => c.query('create extension if not exists pg_trgm with schema public').then(() => undefined));
  await runTool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', `--dbname=${url}`, file]);
  // pg_restore brings no planner statistics: gather them, or the first queries (verify) plan blind.
  await withClient(url, (c) => c.query('analyze').then(() => undefined));
}

export async function dumpPglite(dump: () => Promise<Blob>, file: string): Promise<void> {
  await writeFile(file, Buffer.from(await (await dump()).arrayBuffer()));
}

/** Why the PGlite folder is not empty, or undefined when it is (or does not exist). */
export async function pgliteNotEmpty(dir: string): Promise<string | undefined> {
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  return entries.length > 0 ? `thư mục cơ sở dữ liệu đích "${dir}" đã có dữ liệu: chỉ khôi phục vào một thư mục dữ liệu trống` : undefined;
}

export async function restorePglite(dir: string, file: string): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  const lite = new PGlite({ dataDir: dir, loadDataDir: new Blob([await readFile(file)]) });
  await lite.waitReady;
  await lite.close();
}
