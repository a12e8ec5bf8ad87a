/**
 * The tus lock of one upload across processes that share no disk (uploads in
 * the S3 bucket, upload-store.ts): a lease row in upload_locks (migration
 * 0033). Same semantics and timings as shared-dir-locker.ts, with the
 * database in place of the shared folder:
 * - within a process the tus MemoryLocker runs first (it asks an older
 *   request of the same upload to let go, e.g. a half-open connection);
 * - then the row is taken: inserted, or taken over when its lease has passed
 *   (a process that died holding it). Lease times are database times, so the
 *   processes' clocks do not matter;
 * - the holder moves its lease to 30 s ahead every 10 s (a lease not
 *   refreshed for 30 s is broken) and deletes the row when done;
 * - a request of another process waiting for the lock sets
 *   release_requested (again every second while it waits); the holder looks
 *   every second and calls tus's requestRelease, as the MemoryLocker does
 *   within a process;
 * - a lock not obtained within the tus timeout (30 s) fails the request with
 *   tus's own lock-timeout error.
 */
import { randomBytes } from 'node:crypto';
import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from '@tus/server';
import type { Kysely } from 'kysely';
import { sql, type Database } from '../store/index.js';

export interface DbLockerTimings {
  /** How long a lease lasts without a refresh (a dead holder's lock is broken after it). */
  leaseMs: number;
  /** How often the holder moves its lease forward. */
  refreshMs: number;
  /** How often the holder looks whether another process asks it to let go (and a waiter asks again). */
  watchMs: number;
  /** How often a waiting request tries again. */
  retryMs: number;
  /** How long a request waits for the lock before tus's lock-timeout error. */
  timeoutMs: number;
}

export const DB_LOCK_TIMINGS: DbLockerTimings = { leaseMs: 30_000, refreshMs: 10_000, watchMs: 1_000, retryMs: 50, timeoutMs: 30_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ahead = (ms: number) => sql<Date>`now() + make_interval(secs => ${ms / 1000})`;

class DbLock implements Lock {
  private readonly holder = randomBytes(16).toString('hex');
  private timers: NodeJS.Timeout[] = [];
  constructor(
    private readonly db: Kysely<Database>,
    private readonly id: string,
    private readonly inProcess: Lock,
    private readonly t: DbLockerTimings,
  ) {}

  /** Inserts the row, or takes over one whose lease has passed; true when this request now holds it. */
  private async take(): Promise<boolean> {
    const row = await this.db
      .insertInto('upload_locks')
      .values({ upload_id: this.id, holder: this.holder, leased_until: ahead(this.t.leaseMs) })
      .onConflict((oc) =>
        oc
          .column('upload_id')
          .doUpdateSet({ holder: this.holder, leased_until: ahead(this.t.leaseMs), release_requested: false })
          .where('upload_locks.leased_until', '<', sql<Date>`now()`),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === this.holder;
  }

  private async askRelease(): Promise<void> {
    await this.db.updateTable('upload_locks').set({ release_requested: true }).where('upload_id', '=', this.id).where('release_requested', '=', false).execute();
  }

  async lock(signal: AbortSignal, cancelReq: RequestRelease): Promise<void> {
    await this.inProcess.lock(signal, cancelReq);
    const until = Date.now() + this.t.timeoutMs;
    try {
      let nextAsk = 0;
      while (!(await this.take())) {
        if (signal.aborted || Date.now() > until) throw ERRORS.ERR_LOCK_TIMEOUT;
        if (Date.now() >= nextAsk) {
          await this.askRelease();
          nextAsk = Date.now() + this.t.watchMs;
        }
        await sleep(this.t.retryMs);
      }
    } catch (e) {
      await this.inProcess.unlock();
      throw e;
    }
    this.hold(cancelReq);
  }

  /** While held: refresh the lease, and pass on another process's request to let go. */
  private hold(cancelReq: RequestRelease): void {
    const mine = () => this.db.updateTable('upload_locks').where('upload_id', '=', this.id).where('holder', '=', this.holder);
    const refresh = setInterval(
      () =>
        void mine()
          .set({ leased_until: ahead(this.t.leaseMs) })
          .execute()
          .catch(() => undefined),
      this.t.refreshMs,
    );
    const watch = setInterval(() => {
      void mine()
        .set({ release_requested: false })
        .where('release_requested', '=', true)
        .returning('holder')
        .executeTakeFirst()
        .then((asked) => (asked ? cancelReq() : undefined))
        .catch(() => undefined);
    }, this.t.watchMs);
    this.timers = [refresh, watch];
    for (const timer of this.timers) timer.unref();
  }

  async unlock(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    try {
      await this.db.deleteFrom('upload_locks').where('upload_id', '=', this.id).where('holder', '=', this.holder).execute();
    } finally {
      await this.inProcess.unlock();
    }
  }
}

export class DbLocker implements Locker {
  private readonly memory = new MemoryLocker();
  constructor(
    private readonly db: Kysely<Database>,
    private readonly timings: DbLockerTimings = DB_LOCK_TIMINGS,
  ) {}

  newLock(id: string): Lock {
    return new DbLock(this.db, id, this.memory.newLock(id), this.timings);
  }
}
