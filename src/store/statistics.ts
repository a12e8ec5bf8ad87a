/**
 * The planner's statistics kept fresh. PostgreSQL's planner chooses a plan
 * from pg_class (relpages, reltuples) and pg_statistic, which ANALYZE writes.
 * On PostgreSQL autovacuum analyzes a table about a minute after it grew;
 * embedded PGlite has no autovacuum at all, so without this its tables keep
 * the statistics of their first days forever. Measured (bench:load, 100.000
 * registrations just written by `hotich synth`, before autovacuum came): the
 * QC guard of every save (records ⋈ record_actions by keying_of) was planned
 * as a parallel sequential scan of the action log, 28.6 ms a save instead of
 * 0.03 ms, and the whole line's throughput halved.
 *
 * `staleTables`: the tables of the current schema that grew by more than
 * GROWTH since the planner last measured them (their size now against
 * pg_class.relpages, which ANALYZE and VACUUM set; never analyzed = 0), at
 * least MIN_PAGES; the counters of pg_stat_user_tables are not used because
 * PGlite flushes them late. `refreshStatistics` analyzes those, one by one
 * (each a short statement: ANALYZE reads a sample of 30.000 rows whatever
 * the size). Called after bulk writes (an import, `hotich synth`) and every
 * few minutes by the worker loop (core job-worker), on both backends.
 *
 * Partitioned tables (records, record_actions, pages by province, 0032):
 * sizes are the partitions'; a stale partition has its whole partitioned
 * table analyzed, which analyzes every partition and also writes the
 * statistics of the table as a whole (pg_stats.inherited), which nothing
 * else writes — PostgreSQL's autovacuum never analyzes a partitioned parent,
 * and the planner reads them to estimate joins over it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A table is stale when its size grew past relpages × (1 + GROWTH). */
export const GROWTH = 0.2;
/** Tables smaller than this (8 kB pages) are never worth a new ANALYZE. */
export const MIN_PAGES = 16;

export interface TableSize {
  table: string;
  /** What is analyzed for it: the partitioned table it is a partition of, or itself. */
  root: string;
  /** Pages the planner knows of (pg_class.relpages). */
  knownPages: number;
  /** Pages the table holds now. */
  pages: number;
}

export async function tableSizes(db: Kysely<Database>): Promise<TableSize[]> {
  const { rows } = await sql<{ table: string; root: string; known_pages: number; pages: string }>`
    select c.relname as table, r.relname as root, c.relpages as known_pages,
      pg_relation_size(c.oid) / current_setting('block_size')::int as pages
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_class r on r.oid = coalesce(pg_partition_root(c.oid), c.oid)
    where c.relkind = 'r' and n.nspname = current_schema()
    order by c.relname`.execute(db);
  return rows.map((r) => ({ table: r.table, root: r.root, knownPages: Number(r.known_pages), pages: Number(r.pages) }));
}

/** PURE: is this table's knowledge out of date? */
export function isStale(t: TableSize): boolean {
  return t.pages >= MIN_PAGES && t.pages > Math.max(0, t.knownPages) * (1 + GROWTH);
}

/** The tables to analyze: each stale table, or the partitioned table of a stale partition (once). */
export async function staleTables(db: Kysely<Database>): Promise<string[]> {
  return [...new Set((await tableSizes(db)).filter(isStale).map((t) => t.root))];
}

/** Analyzes every stale table; returns their names. Not inside a transaction (each ANALYZE commits on its own). */
export async function refreshStatistics(db: Kysely<Database>): Promise<string[]> {
  const stale = await staleTables(db);
  for (const table of stale) await sql`analyze ${sql.table(table)}`.execute(db);
  return stale;
}
