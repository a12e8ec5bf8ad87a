import { afterAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { isStale, MIN_PAGES, refreshStatistics, sql, staleTables, tableSizes } from './index.js';

describeBackends('store statistics', (store) => {
  const rows = (n: number) => sql`insert into stats_probe (a, b) select g, repeat('x', 40) || g from generate_series(1, ${n}::int) g`.execute(store().db);
  afterAll(async () => {
    await sql`drop table if exists stats_probe`.execute(store().db);
    await sql`drop table if exists stats_parted`.execute(store().db);
  });

  it('finds a table that grew since the planner measured it, analyzes it, and leaves it until it grows again', async () => {
    const { db } = store();
    await sql`create table stats_probe (a int, b text)`.execute(db);
    await rows(20_000);
    expect(await staleTables(db)).toContain('stats_probe');
    expect(await refreshStatistics(db)).toContain('stats_probe');
    const probe = (await tableSizes(db)).find((t) => t.table === 'stats_probe')!;
    expect(probe.knownPages).toBe(probe.pages);
    const { rows: known } = await sql<{ reltuples: number }>`select reltuples from pg_class where oid = 'stats_probe'::regclass`.execute(db);
    expect(Number(known[0]!.reltuples)).toBe(20_000);
    expect(await staleTables(db)).not.toContain('stats_probe');
    expect(await refreshStatistics(db)).not.toContain('stats_probe');
    await rows(2_000); // 10 %: not worth it
    expect(await staleTables(db)).not.toContain('stats_probe');
    await rows(10_000);
    expect(await staleTables(db)).toContain('stats_probe');
  });

  it('analyzes a partitioned table as a whole when one of its partitions grew: its own statistics (inherited) exist only that way', async () => {
    const { db } = store();
    await sql`create table stats_parted (p text not null, a int) partition by list (p)`.execute(db);
    await sql`create table stats_parted_x partition of stats_parted for values in ('x')`.execute(db);
    await sql`create table stats_parted_y partition of stats_parted for values in ('y')`.execute(db);
    await sql`insert into stats_parted select 'x', g from generate_series(1, 20000) g`.execute(db);
    expect((await tableSizes(db)).find((t) => t.table === 'stats_parted_x')?.root).toBe('stats_parted');
    const stale = await refreshStatistics(db);
    expect(stale).toContain('stats_parted');
    expect(stale).not.toContain('stats_parted_x');
    const inherited = await sql<{ n: string }>`select count(*) as n from pg_stats where tablename = 'stats_parted' and inherited`.execute(db);
    expect(Number(inherited.rows[0]!.n)).toBeGreaterThan(0);
    const leaf = await sql<{ reltuples: number }>`select reltuples from pg_class where oid = 'stats_parted_x'::regclass`.execute(db);
    expect(Number(leaf.rows[0]!.reltuples)).toBe(20_000);
    expect(await staleTables(db)).not.toContain('stats_parted');
  });

  it('never re-analyzes a small table, and counts a never-measured one as known to be empty', () => {
    expect(isStale({ table: 't', root: 't', knownPages: 0, pages: MIN_PAGES - 1 })).toBe(false);
    expect(isStale({ table: 't', root: 't', knownPages: 0, pages: MIN_PAGES })).toBe(true);
    expect(isStale({ table: 't', root: 't', knownPages: -1, pages: MIN_PAGES })).toBe(true);
    expect(isStale({ table: 't', root: 't', knownPages: 100, pages: 120 })).toBe(false);
    expect(isStale({ table: 't', root: 't', knownPages: 100, pages: 121 })).toBe(true);
  });
});
