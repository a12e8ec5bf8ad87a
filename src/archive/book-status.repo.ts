/**
 * The facts a book's status is derived from, in one query (book-status.ts):
 * pages present, registrations (keying passes excluded), drafts, those
 * accepted by QC (verified or compared since last reopened), an accepted
 * sampling lot holding the book, and the newest signed-off export with
 * whether it is stale (export_changes point to it) or older than a
 * registration created since; whether its loading into the national system
 * was confirmed (plan_book_loads).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface BookFacts {
  status: string;
  pages: number;
  registrations: number;
  drafts: number;
  qcAccepted: number;
  lotAccepted: boolean;
  signedExport: boolean;
  exportStale: boolean;
  /** A confirmation that the book was loaded into the national system (plan_book_loads). */
  loaded: boolean;
}

export async function findBookFacts(db: Db, bookId: string): Promise<BookFacts | undefined> {
  const { rows } = await sql<{
    status: string;
    pages: string;
    registrations: string;
    drafts: string;
    qc_accepted: string;
    lot_accepted: boolean;
    signed_export: boolean;
    export_stale: boolean;
    loaded: boolean;
  }>`
    with last_export as (
      select e.id, e.created_at from exports e where e.book_id = ${bookId} and e.signed_off_at is not null order by e.created_at desc, e.id limit 1
    ), regs as (
      select r.id, r.status, r.created_at from records r where r.book_id = ${bookId} and r.keying_of is null
    )
    select b.status,
      (select count(*) from pages p where p.book_id = b.id and p.status = 'present') as pages,
      (select count(*) from regs) as registrations,
      (select count(*) from regs where regs.status <> 'completed') as drafts,
      (select count(*) from regs where regs.status = 'completed' and exists (
        select 1 from record_actions a where a.record_id = regs.id and a.kind in ('verified', 'compared')
          and a.id > coalesce((select max(o.id) from record_actions o where o.record_id = regs.id and o.kind = 'reopened'), 0))) as qc_accepted,
      exists (select 1 from qc_lots l, jsonb_array_elements(l.scope->'books') lb where l.status = 'accepted' and lb->>'id' = ${bookId}) as lot_accepted,
      exists (select 1 from last_export) as signed_export,
      (exists (select 1 from export_changes c join last_export le on le.id = c.export_id)
        or exists (select 1 from regs, last_export le where regs.created_at > le.created_at)) as export_stale,
      exists (select 1 from plan_book_loads pl where pl.book_id = b.id) as loaded
    from books b where b.id = ${bookId}`.execute(db);
  const r = rows[0];
  if (!r) return undefined;
  return {
    status: r.status,
    pages: Number(r.pages),
    registrations: Number(r.registrations),
    drafts: Number(r.drafts),
    qcAccepted: Number(r.qc_accepted),
    lotAccepted: r.lot_accepted,
    signedExport: r.signed_export,
    exportStale: r.export_stale,
    loaded: r.loaded,
  };
}

export async function writeBookStatus(db: Db, bookId: string, status: string, at: Date): Promise<void> {
  await db.updateTable('books').set({ status, updated_at: at }).where('id', '=', bookId).execute();
}
