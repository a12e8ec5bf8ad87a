/**
 * Applies the numbered migrations in one transaction, under an advisory lock
 * so that several app processes starting together on one PostgreSQL apply
 * each migration exactly once. The same SQL runs on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

const LOCK_KEY = 727_001; // arbitrary constant shared by every hotich process

export async function migrate(db: Kysely<Database>, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    await sql`create table if not exists hotich_migrations (
      id text primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
    const done = new Set((await tx.selectFrom('hotich_migrations').select('id').execute()).map((r) => r.id));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      if (done.has(m.id)) {
        report.alreadyApplied.push(m.id);
        continue;
      }
      await sql.raw(m.up).execute(tx);
      await tx.insertInto('hotich_migrations').values({ id: m.id, name: m.name }).execute();
      report.applied.push(m.id);
    }
    return report;
  });
}
