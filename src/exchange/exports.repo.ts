/** Queries on exports, and the books of an administrative unit (for `hotich export --all`). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ExportRow, ExportsTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertExport(db: Db, row: Insertable<ExportsTable>): Promise<ExportRow> {
  return db.insertInto('exports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findExport(db: Db, id: string): Promise<ExportRow | undefined> {
  return db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listExportsOfBook(db: Db, bookId: string): Promise<ExportRow[]> {
  return db.selectFrom('exports').selectAll().where('book_id', '=', bookId).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Sets the sign-off once; undefined when the export was already signed off. */
export async function signOffExport(db: Db, id: string, by: string | null, at: Date, note: string): Promise<ExportRow | undefined> {
  return db
    .updateTable('exports')
    .set({ signed_off_by: by, signed_off_at: at, note })
    .where('id', '=', id)
    .where('signed_off_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Books whose authority is the unit (its id or code) or any unit below it, oldest first. */
export async function listBookIdsOfUnit(db: Db, unit: string): Promise<string[]> {
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('admin_units')
        .select('admin_units.id')
        .where((eb) => eb.or([eb('admin_units.id', '=', unit), eb('admin_units.code', '=', unit)]))
        .unionAll((u) => u.selectFrom('admin_units').innerJoin('tree', 'tree.id', 'admin_units.parent_id').select('admin_units.id')),
    )
    .selectFrom('books')
    .select('books.id')
    .where((eb) => eb.or([eb('books.authority_unit_code', '=', unit), eb('books.authority_unit_code', 'in', eb.selectFrom('tree').select('tree.id'))]))
    .orderBy('books.created_at')
    .orderBy('books.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Registrations of a book and how many are not completed (keying passes excluded). */
export async function registrationCounts(db: Db, bookId: string): Promise<{ total: number; drafts: number }> {
  const r = await db
    .selectFrom('records')
    .where('book_id', '=', bookId)
    .where('keying_of', 'is', null)
    .select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.countAll<string>().filterWhere('status', '<>', 'completed').as('drafts')])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), drafts: Number(r.drafts) };
}
