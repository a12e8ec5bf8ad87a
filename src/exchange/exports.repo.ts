/** Queries on exports, and the books of an administrative unit (for `hotich export --all`). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database, ExportRow, ExportsTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertExport(db: Db, row: Insertable<ExportsTable>): Promise<ExportRow> {
  return db.insertInto('exports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findExport(db: Db, actor: Actor, id: string): Promise<ExportRow | undefined> {
  return db.selectFrom('exports').selectAll().where('id', '=', id).where(bookInScope(actor, 'exports.book_id')).executeTakeFirst();
}

/** Newest first. */
export async function listExportsOfBook(db: Db, actor: Actor, bookId: string): Promise<ExportRow[]> {
  return db.selectFrom('exports').selectAll().where('book_id', '=', bookId).where(bookInScope(actor, 'exports.book_id')).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** How many of `ids` are registrations of the book. */
export async function countRecordsOfBook(db: Db, bookId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('book_id', '=', bookId)
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets the sign-off once; undefined when the export was already signed off. */
export async function signOffExport(db: Db, id: string, by: string | null, at: Date, note: string): Promise<ExportRow | undefined> {
  return db.updateTable('exports').set({ signed_off_by: by, signed_off_at: at, note }).where('id', '=', id).where('signed_off_at', 'is', null).returningAll().executeTakeFirst();
}

/**
 * Books in the actor's scope whose authority lies within the unit (named by
 * its id or its code; any level; old units merged into it included), oldest first.
 */
export async function listBookIdsOfUnit(db: Db, actor: Actor, unit: string): Promise<string[]> {
  const rows = await db
    .selectFrom('books')
    .select('books.id')
    .where('books.authority_unit_code', 'in', (eb) =>
      eb
        .selectFrom('admin_unit_within')
        .select('unit_id')
        .where(
          'within_id',
          'in',
          eb
            .selectFrom('admin_units')
            .select('id')
            .where((w) => w.or([w('id', '=', unit), w('code', '=', unit)])),
        ),
    )
    .where(bookInScope(actor, 'books.id'))
    .orderBy('books.created_at')
    .orderBy('books.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Registrations of a book and how many are not completed (keying passes excluded). */
export async function registrationCounts(db: Db, actor: Actor, bookId: string): Promise<{ total: number; drafts: number }> {
  const r = await db
    .selectFrom('records')
    .where('book_id', '=', bookId)
    .where(bookInScope(actor, 'records.book_id'))
    .where('keying_of', 'is', null)
    .select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.countAll<string>().filterWhere('status', '<>', 'completed').as('drafts')])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), drafts: Number(r.drafts) };
}

export interface ExportChangeItem {
  export_id: string;
  record_id: string;
  so: string | null;
  kind: string;
  fields: string[];
  reason: string;
  decision_ref: string;
  actor_id: string | null;
  created_at: Date;
}

/** The changes made to registrations after these exports were signed off (export_changes), oldest first. */
export async function listExportChanges(db: Db, exportIds: readonly string[]): Promise<ExportChangeItem[]> {
  if (exportIds.length === 0) return [];
  const rows = await db
    .selectFrom('export_changes as c')
    .innerJoin('records as r', 'r.id', 'c.record_id')
    .select(['c.export_id', 'c.record_id', 'c.kind', 'c.fields', 'c.reason', 'c.decision_ref', 'c.actor_id', 'c.created_at', 'r.values'])
    .where('c.export_id', 'in', exportIds)
    .orderBy('c.id')
    .execute();
  return rows.map(({ values, ...r }) => ({ ...r, so: values.so ?? null }));
}
