/**
 * Queries on the books an import is still writing (books.import_pending,
 * import_target: migration 0024). A pending book is hidden from everyone by
 * auth bookInScope; these queries are the import's own (no scope: the
 * importer checked the target book when the import began).
 */
import { type Kysely, type Transaction } from 'kysely';
import type { Book, Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The books this import left pending (an earlier attempt of the same job), oldest first. */
export async function listPendingBooks(db: Db, importId: string): Promise<Book[]> {
  return db.selectFrom('books').selectAll().where('import_pending', '=', importId).orderBy('created_at').orderBy('id').execute();
}

/** Hides a book the import has just created (same transaction as its creation, so it is never seen). */
export async function markPending(db: Transaction<Database>, bookId: string, importId: string): Promise<void> {
  await db.updateTable('books').set({ import_pending: importId }).where('id', '=', bookId).execute();
}

/** A hidden staging copy of `target`: same identity fields, a copy (so no identity clash), no audit row (it never outlives the import). */
export async function insertStagingCopy(db: Transaction<Database>, target: Book, importId: string): Promise<Book> {
  return db
    .insertInto('books')
    .values({
      register_type: target.register_type,
      template_version: target.template_version,
      authority_text: target.authority_text,
      authority_unit_code: target.authority_unit_code,
      year_from: target.year_from,
      year_to: target.year_to,
      volume_no: target.volume_no,
      notes: `Bản tạm của lần nhập ${importId}: các bản ghi được chuyển sang quyển ${target.id} khi nhập xong.`,
      is_copy: true,
      import_pending: importId,
      import_target: target.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The import's last transaction: a staging copy's records (with their findings and person-index rows) move into its target; the copy goes. */
export async function moveStaged(db: Transaction<Database>, stagingId: string, targetId: string): Promise<void> {
  await db.updateTable('records').set({ book_id: targetId }).where('book_id', '=', stagingId).execute();
  await db.updateTable('record_findings').set({ book_id: targetId }).where('book_id', '=', stagingId).execute();
  await db.updateTable('person_index').set({ book_id: targetId }).where('book_id', '=', stagingId).execute();
  await db.deleteFrom('books').where('id', '=', stagingId).execute();
}

/** The import's last transaction: a book it created is shown. */
export async function unhide(db: Transaction<Database>, bookId: string): Promise<void> {
  await db.updateTable('books').set({ import_pending: null }).where('id', '=', bookId).execute();
}
