/** Queries on qc_book_check_notes (a reviewer's resolution of a book check finding; the latest replaces the previous). */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
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

/**
 * The registrations (số, ngày đăng ký only) of the books that share this
 * book's numbering: same register type and authority (the resolved unit when
 * both have one, else the authority as written), years overlapping, not copy
 * books, not this book. Numbers only: nothing personal leaves the scope.
 */
export async function listNeighbourNumbers(db: Db, book: { id: string; register_type: string; authority_unit_code: string | null; authority_text: string; year_from: number; year_to: number | null }) {
  const yearTo = book.year_to ?? book.year_from;
  return db
    .selectFrom('records as r')
    .innerJoin('books as b', 'b.id', 'r.book_id')
    .select(['r.book_id', sql<string | null>`r."values"->>'so'`.as('so'), sql<string | null>`r."values"->>'ngayDangKy'`.as('ngay_dang_ky')])
    .where('r.keying_of', 'is', null)
    .where('b.id', '<>', book.id)
    .where('b.register_type', '=', book.register_type)
    .where('b.is_copy', '=', false)
    .where((eb) =>
      book.authority_unit_code ? eb('b.authority_unit_code', '=', book.authority_unit_code) : eb.and([eb('b.authority_unit_code', 'is', null), eb('b.authority_text', '=', book.authority_text)]),
    )
    .where('b.year_from', '<=', yearTo)
    .where(sql<boolean>`coalesce(b.year_to, b.year_from) >= ${book.year_from}`)
    .execute();
}
