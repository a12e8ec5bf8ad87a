/**
 * The access log: one row each time someone reads personal data (a record,
 * a page image, a PDF, an export file, a search). Append-only (trigger).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stable codes of what was read. */
export const ACCESS_ACTIONS = [
  'record.view',
  'record.history',
  'image.view',
  'record.pdf',
  'book.zip',
  'export.download',
  'import.report',
  'qc.sample',
  'search',
  'extract.issue',
  'extract.pdf',
  'extract.log',
  'popdb.export',
  'popdb.corrections',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessEntry {
  actorId: string | null;
  action: AccessAction;
  entityType: string;
  entityId: string;
  bookId?: string | null;
  /** Where from: the client address and user agent of the request. */
  ip?: string;
  userAgent?: string;
}

export interface LogOptions {
  /**
   * false: the row's commit does not wait for the WAL to reach the disk
   * (synchronous_commit off for this one statement; a crash of the database
   * server may lose the last fraction of a second of such rows, never a row
   * in the middle of the chain, and nothing else). For frequent reads whose
   * answer must not wait for an fsync (search). Ignored inside a
   * transaction, whose commit belongs to the caller.
   */
  waitForDisk?: boolean;
}

export async function logAccess(db: Db, e: AccessEntry, opts: LogOptions = {}): Promise<void> {
  const row = {
    actor_id: e.actorId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    book_id: e.bookId ?? null,
    ip: (e.ip ?? '').slice(0, 100),
    user_agent: (e.userAgent ?? '').slice(0, 400),
  };
  if (opts.waitForDisk === false && !db.isTransaction) {
    // One statement, so the setting (local to its implicit transaction) is in force at its commit.
    await sql`insert into access_log (actor_id, action, entity_type, entity_id, book_id, ip, user_agent)
      select ${row.actor_id}::uuid, ${row.action}, ${row.entity_type}, ${row.entity_id}, ${row.book_id}::uuid, ${row.ip}, ${row.user_agent}
      from (select set_config('synchronous_commit', 'off', true)) as async_commit`.execute(db);
    return;
  }
  await db.insertInto('access_log').values(row).execute();
}
