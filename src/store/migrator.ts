/**
 * Applies the numbered migrations in one transaction, under an advisory lock
 * so that several app processes starting together on one PostgreSQL apply
 * each migration exactly once. The same SQL runs on PGlite and PostgreSQL.
 * Each applied migration keeps the SHA-256 of its SQL (hotich_migrations.
 * checksum): a migration edited after it was applied stops startup with a
 * Vietnamese message naming it (the database would no longer match the
 * code); rows applied before checksums existed get theirs on the next start.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Conflict } from '../core/index.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

const LOCK_KEY = 727_001; // arbitrary constant shared by every hotich process

export const migrationChecksum = (m: Migration): string => createHash('sha256').update(m.up, 'utf8').digest('hex');

async function bookkeeping(tx: Transaction<Database>): Promise<void> {
  await sql`create table if not exists hotich_migrations (
    id text primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
  await sql`alter table hotich_migrations add column if not exists checksum text`.execute(tx);
}

function changed(m: Migration, stored: string, now: string): Conflict {
  return new Conflict(
    'migrations.changed',
    `Tệp nâng cấp cơ sở dữ liệu ${m.id} (${m.name}) đã bị sửa sau khi được áp dụng vào cơ sở dữ liệu này ` +
      `(mã băm lúc áp dụng ${stored.slice(0, 12)}…, bây giờ ${now.slice(0, 12)}…). Không khởi động, để cấu trúc cơ sở dữ liệu không lệch với mã nguồn: ` +
      'hãy trả tệp đó về như cũ và đưa thay đổi vào một tệp nâng cấp mới.',
    { migration: m.id, stored, current: now },
  );
}

export async function migrate(db: Kysely<Database>, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    await bookkeeping(tx);
    const done = new Map((await tx.selectFrom('hotich_migrations').select(['id', 'checksum']).execute()).map((r) => [r.id, r.checksum]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const checksum = migrationChecksum(m);
      if (done.has(m.id)) {
        const stored = done.get(m.id);
        if (stored === null || stored === undefined) await tx.updateTable('hotich_migrations').set({ checksum }).where('id', '=', m.id).execute();
        else if (stored !== checksum) throw changed(m, stored, checksum);
        report.alreadyApplied.push(m.id);
        continue;
      }
      await sql.raw(m.up).execute(tx);
      await tx.insertInto('hotich_migrations').values({ id: m.id, name: m.name, checksum }).execute();
      report.applied.push(m.id);
    }
    return report;
  });
}
