/**
 * A real streaming replica of the test PostgreSQL for the read-replica tests:
 * a second PostgreSQL 15 cluster made with `pg_basebackup -R` (a standby that
 * streams from the primary) in a temporary folder owned by postgres, started
 * with pg_ctl on a free port, removed afterwards. Needs the PostgreSQL server
 * binaries (/usr/lib/postgresql/15/bin) and to run as root (commands run as
 * postgres through runuser) or as postgres; the primary must accept
 * replication connections from 127.0.0.1 — when it does not and we are root,
 * the line `host replication all 127.0.0.1/32 trust` is added to the Debian
 * cluster's pg_hba.conf and the cluster reloaded (.ci/run does the same).
 * `replicaUnavailable()` names what is missing (tests skip, or fail under CI).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, appendFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes.js';

const BIN = process.env.HOTICH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const HBA = '/etc/postgresql/15/main/pg_hba.conf';
const HBA_LINE = 'host replication all 127.0.0.1/32 trust';

const isRoot = () => process.getuid?.() === 0;
const isPostgres = () => os.userInfo().username === 'postgres';

function asPostgres(cmd: string, args: string[]): string {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why no replica can be made here, or undefined when one can. */
export function replicaUnavailable(): string | undefined {
  if (!existsSync(path.join(BIN, 'pg_basebackup')) || !existsSync(path.join(BIN, 'pg_ctl'))) return `PostgreSQL server binaries not found in ${BIN}`;
  if (!isRoot() && !isPostgres()) return 'making a replica needs root (runuser -u postgres) or the postgres user';
  return undefined;
}

function allowReplicationConnections(): void {
  if (!existsSync(HBA)) return;
  const hba = readFileSync(HBA, 'utf8');
  if (hba.split('\n').some((l) => /^\s*host\s+replication\s+all\s+127\.0\.0\.1\/32\s+trust/.test(l))) return;
  if (!isRoot()) return;
  appendFileSync(HBA, `\n# hotich tests: streaming replicas made with pg_basebackup -R\n${HBA_LINE}\n`);
  execFileSync('pg_ctlcluster', ['15', 'main', 'reload']);
}

/** A hot standby needs these at least as high as on the primary: copy them. */
function primaryLimits(p: { host: string; port: number; user: string }): string {
  const names = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'];
  const q = `select string_agg('-c ' || name || '=' || setting, ' ') from pg_settings where name in (${names.map((n) => `'${n}'`).join(',')})`;
  return execFileSync('psql', ['-h', p.host, '-p', String(p.port), '-U', p.user, '-d', 'postgres', '-Atc', q], { encoding: 'utf8' }).trim();
}

export interface Replica {
  port: number;
  /** The URL of `database` on the replica (same name as on the primary). */
  urlOf(database: string): string;
  stop(): void;
  start(): void;
  dispose(): void;
}

export async function startReplica(primary: { host: string; port: number; user: string }): Promise<Replica> {
  allowReplicationConnections();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-replica-'));
  const data = path.join(dir, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  try {
    asPostgres(path.join(BIN, 'pg_basebackup'), ['-h', primary.host, '-p', String(primary.port), '-U', primary.user, '-D', data, '-R', '-X', 'stream', '-c', 'fast']);
    // Debian keeps a cluster's configuration in /etc: the copy gets its own (settings come on the pg_ctl command line).
    const conf = (name: string, text: string) => asPostgres('sh', ['-c', `printf '%b\\n' "$1" > "$2"`, 'sh', text, path.join(data, name)]);
    conf('postgresql.conf', '# hotich test replica');
    conf('pg_hba.conf', `local all all trust\nhost all all 127.0.0.1/32 trust`);
    conf('pg_ident.conf', '');
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const opts = `${primaryLimits(primary)} -p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c hot_standby=on -c shared_buffers=32MB`;
  const ctl = (...args: string[]) => asPostgres(path.join(BIN, 'pg_ctl'), ['-D', data, ...args]);
  const start = () => void ctl('-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start');
  start();
  return {
    port,
    urlOf: (database) => `postgres://${primary.user}@127.0.0.1:${port}/${database}`,
    stop: () => void ctl('-m', 'fast', '-w', 'stop'),
    start,
    dispose: () => {
      try {
        ctl('-m', 'immediate', '-w', 'stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
