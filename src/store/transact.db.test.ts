/**
 * transactRetrying: two writers that lock the same two rows in opposite
 * orders. On PostgreSQL they meet in a deadlock, which the server breaks by
 * rolling one back (40P01); that one runs again, logged, and both writes land. On
 * PGlite (one session) the second waits for the first and no deadlock can
 * happen: both land at the first attempt. Anything else (a unique violation)
 * is not retried.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { isRetryableConflict, sql, transactRetrying } from './index.js';

describeBackends('store transactRetrying', (store) => {
  beforeAll(async () => {
    await sql`create table retry_probe (id int primary key, n int not null)`.execute(store().db);
    await sql`insert into retry_probe values (1, 0), (2, 0)`.execute(store().db);
  });
  afterAll(async () => {
    await sql`drop table if exists retry_probe`.execute(store().db);
  });

  it('runs a transaction rolled back by a deadlock again, and both writes land', async () => {
    const { db, backend } = store();
    let arrived = 0;
    /** Both transactions hold their first row before either asks for the second (at most 300 ms: PGlite runs them one after the other). */
    const barrier = async () => {
      arrived++;
      for (let i = 0; i < 30 && arrived < 2; i++) await new Promise((r) => setTimeout(r, 10));
    };
    const attempts = [0, 0];
    const retries: unknown[] = [];
    const log = { warn: (_msg: string, data?: Record<string, unknown>) => retries.push(data) };
    const writer = (k: 0 | 1, first: number, second: number) =>
      transactRetrying(db, log, async (tx) => {
        attempts[k]!++;
        await sql`update retry_probe set n = n + 1 where id = ${first}`.execute(tx);
        if (attempts[k] === 1) await barrier();
        await sql`update retry_probe set n = n + 1 where id = ${second}`.execute(tx);
      });
    await Promise.all([writer(0, 1, 2), writer(1, 2, 1)]);
    const { rows } = await sql<{ id: number; n: number }>`select id, n from retry_probe order by id`.execute(db);
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
    expect(attempts[0]! + attempts[1]!).toBe(backend === 'postgresql' ? 3 : 2);
    expect(retries).toEqual(backend === 'postgresql' ? [{ code: '40P01', attempt: 1 }] : []);
  });

  it('does not run again for other errors', async () => {
    let runs = 0;
    const err = await transactRetrying(store().db, { warn: () => runs++ }, async (tx) => {
      runs++;
      await sql`insert into retry_probe values (1, 0)`.execute(tx);
    }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('23505');
    expect(isRetryableConflict(err)).toBe(false);
    expect(runs).toBe(1);
  });
});
