/**
 * The facts a book's status is derived from (book-status.ts), in one query,
 * and a second only when they can matter: pages present, registrations
 * (keying passes excluded), drafts, the newest signed-off export with
 * whether it is stale (export_changes point to it) or older than a
 * registration created since, whether its loading into the national system
 * was confirmed (plan_book_loads); then, only for a book whose registrations
 * are all completed, those accepted by QC (verified or compared since last
 * reopened) and whether an accepted sampling lot holds it. A completion in a
 * book that still has drafts (nearly every completion) reads the first
 * only: the QC facts walk the book's action log and the accepted lots.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface BookFacts {
  status: string;
  pages: number;
  registrations: number;
  drafts: number;
  /** null: not read, the book has drafts (or no registration) so QC cannot have accepted it. */
  qcAccepted: number | null;
  lotAccepted: boolean | null;
  signedExport: boolean;
  exportStale: boolean;
  /** A confirmation that the book was loaded into the national system (plan_book_loads). */
  loaded: boolean;
}

async function lineFacts(db: Db, bookId: string) {
  const { rows } = await sql<{ status: string; pages: string; registrations: string; drafts: string; signed_export: boolean; export_stale: boolean; loaded: boolean }>`
    with last_export as (
      select e.id, e.created_at from exports e where e.book_id = ${bookId} and e.signed_off_at is not null order by e.created_at desc, e.id limit 1
    ), regs as (
      select r.status, r.created_at from records r where r.book_id = ${bookId} and r.keying_of is null
    )
    select b.status,
      (select count(*) from pages p where p.book_id = b.id and p.status = 'present') as pages,
      (select count(*) from regs) as registrations,
      (select count(*) from regs where regs.status <> 'completed') as drafts,
      exists (select 1 from last_export) as signed_export,
      (exists (select 1 from export_changes c join last_export le on le.id = c.export_id)
        or exists (select 1 from regs, last_export le where regs.created_at > le.created_at)) as export_stale,
      exists (select 1 from plan_book_loads pl where pl.book_id = b.id) as loaded
    from books b where b.id = ${bookId}`.execute(db);
  return rows[0];
}

async function qcFacts(db: Db, bookId: string): Promise<{ qcAccepted: number; lotAccepted: boolean }> {
  const { rows } = await sql<{ qc_accepted: string; lot_accepted: boolean }>`
    select
      (select count(*) from records r where r.book_id = ${bookId} and r.keying_of is null and r.status = 'completed' and exists (
        select 1 from record_actions a where a.record_id = r.id and a.kind in ('verified', 'compared')
          and a.id > coalesce((select max(o.id) from record_actions o where o.record_id = r.id and o.kind = 'reopened'), 0))) as qc_accepted,
      exists (select 1 from qc_lots l, jsonb_array_elements(l.scope->'books') lb where l.status = 'accepted' and lb->>'id' = ${bookId}) as lot_accepted`.execute(db);
  return { qcAccepted: Number(rows[0]!.qc_accepted), lotAccepted: rows[0]!.lot_accepted };
}

export async function findBookFacts(db: Db, bookId: string): Promise<BookFacts | undefined> {
  const r = await lineFacts(db, bookId);
  if (!r) return undefined;
  const registrations = Number(r.registrations);
  const drafts = Number(r.drafts);
  const qc = registrations > 0 && drafts === 0 ? await qcFacts(db, bookId) : { qcAccepted: null, lotAccepted: null };
  return {
    status: r.status,
    pages: Number(r.pages),
    registrations,
    drafts,
    ...qc,
    signedExport: r.signed_export,
    exportStale: r.export_stale,
    loaded: r.loaded,
  };
}

export async function writeBookStatus(db: Db, bookId: string, status: string, at: Date): Promise<void> {
  await db.updateTable('books').set({ status, updated_at: at }).where('id', '=', bookId).execute();
}
