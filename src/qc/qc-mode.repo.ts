/** Queries on qc_book_settings (one row per book at most; no row = single_review). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findSettingRow(db: Db, bookId: string) {
  return db.selectFrom('qc_book_settings').selectAll().where('book_id', '=', bookId).executeTakeFirst();
}

export async function upsertSetting(db: Db, row: { book_id: string; mode: string; set_by: string | null; set_at: Date }): Promise<void> {
  await db
    .insertInto('qc_book_settings')
    .values(row)
    .onConflict((oc) => oc.column('book_id').doUpdateSet({ mode: row.mode, set_by: row.set_by, set_at: row.set_at }))
    .execute();
}
