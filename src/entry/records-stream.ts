/**
 * streamBookRecords: a book's REGISTRATIONS (records with keying_of null; the
 * A/B keying passes of double-keyed books are never exported or counted) in
 * registration order — số numerically (its leading digits, "01/2018" → 1),
 * records without a number last — then created_at, then id; read in keyset
 * pages so memory stays flat whatever the size of the book. The order key is
 * the expression of the index records_book_export_order_idx (migration 0006):
 * change both together. The cursor carries created_at to the microsecond as
 * text, so no row is skipped or repeated between pages.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database, RecordRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StreamRecordsOptions {
  /** Rows per query (default 500). */
  pageSize?: number;
}

/** Must stay identical to the indexed expression of migration 0006. */
const ORDER_NO = sql<string>`coalesce(substring("values"->>'so' from '^\\s*(\\d{1,18})')::numeric, 1e19)`;
const CREATED_US = sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

interface Cursor {
  no: string;
  created: string;
  id: string;
}

type Page = (RecordRow & { order_no: string; created_us: string })[];

async function page(db: Db, actor: Actor, bookId: string, after: Cursor | undefined, size: number): Promise<Page> {
  let q = db
    .selectFrom('records')
    .selectAll()
    .select([ORDER_NO.as('order_no'), CREATED_US.as('created_us')])
    .where('book_id', '=', bookId)
    .where('keying_of', 'is', null)
    .where(bookInScope(actor, 'records.book_id'));
  if (after) q = q.where(sql<boolean>`(${ORDER_NO}, created_at, id) > (${after.no}::numeric, ${after.created}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy(ORDER_NO).orderBy('created_at').orderBy('id').limit(size).execute();
}

/** The book's registrations in the actor's scope (none when the book is outside it). */
export async function* streamBookRecords(db: Db, actor: Actor, bookId: string, opts: StreamRecordsOptions = {}): AsyncGenerator<RecordRow> {
  const size = opts.pageSize ?? 500;
  let after: Cursor | undefined;
  for (;;) {
    const rows = await page(db, actor, bookId, after, size);
    for (const { order_no, created_us, ...row } of rows) {
      after = { no: String(order_no), created: created_us, id: row.id };
      yield row;
    }
    if (rows.length < size) return;
  }
}
