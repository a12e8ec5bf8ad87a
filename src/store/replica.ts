/**
 * The read replica (DATABASE_READ_URL): a PostgreSQL streaming standby of the
 * primary (pg_basebackup -R). Reads that tolerate a little staleness (search,
 * dashboards, reports) ask `read(floor, run)`, which runs on the replica when
 *  - it answers (a probe at most every `refreshMs`, 100 ms; after a failure
 *    it is left alone for `downRetryMs`, 1 s, then probed again),
 *  - it lags the primary by at most `maxLagMs` (lag = 0 when it has replayed
 *    the primary's current WAL position, else the age of its last replayed
 *    transaction), and
 *  - it has replayed `floor`, the WAL position of the reader's own last write
 *    (read-your-writes; sessions.last_write_lsn, migration 0023);
 * otherwise on the primary. A query that fails on the replica because the
 * connection broke is run again on the primary (the replica marked down), so
 * a replica that stops costs no error. `status()` is what /api/health shows.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ReplicaOptions {
  maxLagMs: number;
  refreshMs?: number;
  downRetryMs?: number;
}

export interface ReplicaStatus {
  state: 'ok' | 'lagging' | 'down';
  /** Milliseconds behind the primary (0 when caught up); null when down. */
  lagMs: number | null;
  /** WAL bytes not yet replayed; null when down. */
  lagBytes: number | null;
  maxLagMs: number;
  /** Reads served so far by this process, by where they ran. */
  served: { replica: number; primary: number };
  error?: string;
}

interface Probe {
  at: number;
  up: boolean;
  replayLsn: bigint;
  lagMs: number;
  lagBytes: number;
  error?: string;
}

/** 'X/Y' (hex halves) as one number; null/invalid as -1. */
export function lsnValue(lsn: string | null | undefined): bigint {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : -1n;
}

/** Errors of a broken or refused connection (not of the query itself). */
function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err?.code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P01|57P02|57P03|08\w\w)$/.test(err.code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(err?.message ?? '');
}

export class ReplicaRouter {
  private probe: Probe | undefined;
  private probing: Promise<Probe> | undefined;
  private readonly served = { replica: 0, primary: 0 };
  private readonly refreshMs: number;
  private readonly downRetryMs: number;

  constructor(
    private readonly primary: Kysely<Database>,
    readonly replica: Kysely<Database>,
    private readonly opts: ReplicaOptions,
  ) {
    this.refreshMs = opts.refreshMs ?? 100;
    this.downRetryMs = opts.downRetryMs ?? 1_000;
  }

  private async measure(): Promise<Probe> {
    const at = Date.now();
    try {
      const [p, r] = await Promise.all([
        sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(this.primary),
        sql<{ lsn: string | null; ts: Date | null }>`select pg_last_wal_replay_lsn()::text as lsn, pg_last_xact_replay_timestamp() as ts`.execute(this.replica),
      ]);
      const current = lsnValue(p.rows[0]!.lsn);
      const replayLsn = lsnValue(r.rows[0]!.lsn);
      if (replayLsn < 0n) return { at, up: false, replayLsn, lagMs: Infinity, lagBytes: 0, error: 'not a standby' };
      const behind = current > replayLsn ? current - replayLsn : 0n;
      const ts = r.rows[0]!.ts;
      const lagMs = behind === 0n ? 0 : ts ? Math.max(0, Date.now() - new Date(ts).getTime()) : Infinity;
      return { at, up: true, replayLsn, lagMs, lagBytes: Number(behind) };
    } catch (e) {
      return { at, up: false, replayLsn: -1n, lagMs: Infinity, lagBytes: 0, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private async current(): Promise<Probe> {
    const p = this.probe;
    const age = p ? Date.now() - p.at : Infinity;
    if (p && age < (p.up ? this.refreshMs : this.downRetryMs)) return p;
    this.probing ??= this.measure().then((m) => {
      this.probe = m;
      this.probing = undefined;
      return m;
    });
    return this.probing;
  }

  /** Where a read of someone whose last write was at `floor` may run now. */
  async dbFor(floor: string | null | undefined): Promise<{ db: Kysely<Database>; replica: boolean }> {
    const p = await this.current();
    const ok = p.up && p.lagMs <= this.opts.maxLagMs && p.replayLsn >= lsnValue(floor);
    return ok ? { db: this.replica, replica: true } : { db: this.primary, replica: false };
  }

  /** Runs the read on the replica when allowed (see the header), else — or when the replica's connection fails — on the primary. */
  async read<T>(floor: string | null | undefined, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    const { db, replica } = await this.dbFor(floor);
    if (!replica) {
      this.served.primary++;
      return run(db);
    }
    try {
      const out = await run(db);
      this.served.replica++;
      return out;
    } catch (e) {
      if (!isConnectionError(e)) throw e;
      this.probe = { at: Date.now(), up: false, replayLsn: -1n, lagMs: Infinity, lagBytes: 0, error: e instanceof Error ? e.message : String(e) };
      this.served.primary++;
      return run(this.primary);
    }
  }

  async status(): Promise<ReplicaStatus> {
    const p = await this.current();
    const state = !p.up ? 'down' : p.lagMs > this.opts.maxLagMs ? 'lagging' : 'ok';
    return {
      state,
      lagMs: p.up && Number.isFinite(p.lagMs) ? p.lagMs : null,
      lagBytes: p.up ? p.lagBytes : null,
      maxLagMs: this.opts.maxLagMs,
      served: { ...this.served },
      ...(p.error ? { error: p.error } : {}),
    };
  }
}

/** The primary's WAL position now ('X/Y'): what a session records after a write. */
export async function currentWalLsn(db: Kysely<Database>): Promise<string> {
  return (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db)).rows[0]!.lsn;
}
