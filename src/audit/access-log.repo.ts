/**
 * The access log: one row each time someone reads personal data (a record,
 * a page image, a PDF, an export file, a search). Append-only (trigger).
 */
import type { Kysely, Transaction } from 'kysely';
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

export async function logAccess(db: Db, e: AccessEntry): Promise<void> {
  await db
    .insertInto('access_log')
    .values({
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      book_id: e.bookId ?? null,
      ip: (e.ip ?? '').slice(0, 100),
      user_agent: (e.userAgent ?? '').slice(0, 400),
    })
    .execute();
}
