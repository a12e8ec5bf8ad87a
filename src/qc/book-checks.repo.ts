/** Queries on qc_book_check_notes (a reviewer's resolution of a book check finding; the latest replaces the previous). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, QcBookCheckNotesTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function listCheckNotes(db: Db, bookId: string) {
  return db.selectFrom('qc_book_check_notes').selectAll().where('book_id', '=', bookId).execute();
}

export async function upsertCheckNote(db: Db, row: Insertable<QcBookCheckNotesTable>): Promise<void> {
  await db
    .insertInto('qc_book_check_notes')
    .values(row)
    .onConflict((oc) => oc.columns(['book_id', 'check_code', 'subject']).doUpdateSet({ status: row.status, note: row.note ?? '', by: row.by ?? null, at: row.at ?? new Date() }))
    .execute();
}
