/**
 * Queries of `audit verify`: a chain's rows in chain_seq order, a batch at a
 * time (keyset on chain_seq, flat memory), each with its hash recomputed in
 * the database by the same SQL functions the insert trigger used
 * (audit_row_hash, audit_content); and the rows of a table outside its chain.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import { CHAIN_TABLES, chainLog, type ChainId, type ChainLog, type ChainTable } from './chain.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ChainRow {
  table: ChainTable;
  id: string;
  seq: string;
  prevHash: string;
  hash: string;
  /** The hash recomputed from the row's content and its stored prev_hash. */
  recomputed: string;
}

interface RawRow {
  tbl: ChainTable;
  id: string;
  chain_seq: string;
  prev_hash: string;
  hash: string;
  recomputed: string;
}

/**
 * Rows of the chain after `afterSeq`, oldest first, at most `limit`; with `bounded`, only places up to
 * afterSeq + limit (a range the planner answers from the index even without statistics, e.g. just
 * after a restore); the caller asks unbounded when a bounded batch comes back short.
 */
export async function chainBatch(db: Db, chainId: ChainId, afterSeq: string, limit: number, bounded = false): Promise<ChainRow[]> {
  const upper = bounded ? sql`and chain_seq <= ${afterSeq}::bigint + ${limit}` : sql``;
  const parts = CHAIN_TABLES[chainLog(chainId)].map(
    (t) => sql`(select ${t}::text as tbl, id, chain_seq, prev_hash, hash, audit_row_hash(prev_hash, audit_content(t)) as recomputed
      from ${sql.table(t)} t where chain_id = ${chainId} and chain_seq > ${afterSeq}::bigint ${upper} order by chain_seq limit ${limit})`,
  );
  const rows = await sql<RawRow>`select * from (${sql.join(parts, sql` union all `)}) c order by chain_seq limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ table: r.tbl, id: r.id, seq: r.chain_seq, prevHash: r.prev_hash, hash: r.hash, recomputed: r.recomputed }));
}

export async function countRows(db: Db, table: ChainTable): Promise<number> {
  const r = await sql<{ n: string }>`select count(*)::bigint as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The first row (by id) of the table that is in no chain of `log` (its chain is of another log, or has no head), if any. */
export async function firstRowOutside(db: Db, table: ChainTable, log: ChainLog): Promise<string | undefined> {
  const r = await sql<{ id: string }>`select id from ${sql.table(table)} t
    where t.chain_id is null or split_part(t.chain_id, ':', 1) <> ${log} or not exists (select 1 from audit_heads h where h.chain_id = t.chain_id)
    order by id limit 1`.execute(db);
  return r.rows[0]?.id;
}
