/**
 * The database lock of tus uploads between processes: two DbLocker instances
 * on one database stand for two web processes (each has its own in-process
 * MemoryLocker, so only the lease row stands between them).
 */
import { randomUUID } from 'node:crypto';
import { ERRORS } from '@tus/server';
import { expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { sql } from '../store/index.js';
import { DB_LOCK_TIMINGS, DbLocker, type DbLockerTimings } from './db-locker.js';

const FAST: DbLockerTimings = { leaseMs: 1_000, refreshMs: 200, watchMs: 50, retryMs: 20, timeoutMs: 3_000 };
const never = () => new AbortController().signal;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeBackends('tus lock in the database', (store) => {
  const rowOf = (id: string) => store().db.selectFrom('upload_locks').selectAll().where('upload_id', '=', id).executeTakeFirst();

  it('mirrors the shared-folder lock: 30 s lease, refreshed every 10 s', () => {
    expect(DB_LOCK_TIMINGS).toMatchObject({ leaseMs: 30_000, refreshMs: 10_000, timeoutMs: 30_000 });
  });

  it('keeps a second process out while the first holds the lock, and asks the holder to let go', async () => {
    const id = randomUUID();
    const [web1, web2] = [new DbLocker(store().db, FAST), new DbLocker(store().db, FAST)];
    const held = web1.newLock(id);
    let asked = 0;
    await held.lock(never(), () => void asked++);
    const order: string[] = [];
    const waiting = web2
      .newLock(id)
      .lock(never(), () => undefined)
      .then(() => order.push('web2 got it'));
    await expect.poll(() => asked, { timeout: 2_000, interval: 20 }).toBeGreaterThan(0);
    expect(order).toEqual([]);
    // Held past several lease lengths: the refresh keeps web2 out.
    await sleep(FAST.leaseMs * 2);
    expect(order).toEqual([]);
    order.push('web1 let go');
    await held.unlock();
    await waiting;
    expect(order).toEqual(['web1 let go', 'web2 got it']);
  });

  it('fails with the tus lock timeout when the holder never lets go', async () => {
    const id = randomUUID();
    const short = { ...FAST, timeoutMs: 300 };
    const held = new DbLocker(store().db, short).newLock(id);
    await held.lock(never(), () => undefined);
    await expect(new DbLocker(store().db, short).newLock(id).lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await held.unlock();
    expect(await rowOf(id)).toBeUndefined();
  });

  it('breaks the lease of a process that died holding the lock, once the lease has passed', async () => {
    const id = randomUUID();
    // A row left by a process that stopped refreshing it: its lease runs out in 0.8 s.
    await store()
      .db.insertInto('upload_locks')
      .values({ upload_id: id, holder: 'dead process', leased_until: sql<Date>`now() + interval '800 milliseconds'` })
      .execute();
    const started = Date.now();
    const lock = new DbLocker(store().db, FAST).newLock(id);
    await lock.lock(never(), () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect((await rowOf(id))?.holder).not.toBe('dead process');
    await lock.unlock();
    expect(await rowOf(id)).toBeUndefined();
  });

  it('within one process, asks the older request to let go (the in-process MemoryLocker)', async () => {
    const id = randomUUID();
    const locker = new DbLocker(store().db, FAST);
    const first = locker.newLock(id);
    let asked = false;
    await first.lock(never(), async () => {
      asked = true;
      await first.unlock();
    });
    const second = locker.newLock(id);
    await second.lock(never(), () => undefined);
    expect(asked).toBe(true);
    await second.unlock();
  });
});
