/**
 * What the record writer needs to know of exports (the table belongs to
 * src/exchange, which reads these rows back for its stale mark and the next
 * manifest): the signed-off export that holds a registration, and the
 * export_changes rows written when such a registration changes.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/index.js';

/** The newest signed-off export of the book made after the registration was created (so it holds it); undefined when none. */
export async function findCoveringExport(tx: Kysely<Database> | Transaction<Database>, bookId: string, recordCreatedAt: Date): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('exports')
    .select('id')
    .where('book_id', '=', bookId)
    .where('signed_off_at', 'is not', null)
    .where('created_at', '>=', recordCreatedAt)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function exportHasChanges(tx: Transaction<Database>, exportId: string): Promise<boolean> {
  return (await tx.selectFrom('export_changes').select('id').where('export_id', '=', exportId).limit(1).executeTakeFirst()) !== undefined;
}

export interface NewExportChange {
  exportId: string;
  bookId: string;
  recordId: string;
  actionId: string;
  kind: string;
  fields: readonly string[];
  reason: string;
  decisionRef: string;
  actorId: string | null;
}

export async function insertExportChange(tx: Transaction<Database>, c: NewExportChange): Promise<void> {
  await tx
    .insertInto('export_changes')
    .values({
      export_id: c.exportId,
      book_id: c.bookId,
      record_id: c.recordId,
      action_id: c.actionId,
      kind: c.kind,
      fields: JSON.stringify(c.fields),
      reason: c.reason,
      decision_ref: c.decisionRef,
      actor_id: c.actorId,
    })
    .execute();
}

/** Whether the book's loading into the national system was confirmed (books.status 'loaded', kept once set). */
export async function isBookLoaded(db: Kysely<Database> | Transaction<Database>, bookId: string): Promise<boolean> {
  const row = await db.selectFrom('books').select('status').where('id', '=', bookId).executeTakeFirst();
  return row?.status === 'loaded';
}
