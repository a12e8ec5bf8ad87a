/** Rows per table of the schema in use (backup manifest, restore check). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: string }>`select count(*)::bigint as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(r.rows[0]!.n);
  }
  return counts;
}

/** The snapshot of this (repeatable read) transaction, for pg_dump --snapshot: the dump then sees exactly what the counts saw. */
export async function exportSnapshot(tx: Transaction<Database>): Promise<string> {
  const r = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(tx);
  return r.rows[0]!.id;
}
