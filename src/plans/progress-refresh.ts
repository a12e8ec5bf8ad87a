/**
 * The cheap refresh of the progress rollup: the books that triggers marked
 * dirty are recomputed from the raw tables (stage-facts.ts) into
 * progress_daily, progress_book and progress_book_live, and unmarked, in one
 * transaction that also moves their contribution in the package rollup
 * (package-rollup.ts). Every
 * progress read calls it first, so figures are never stale; with nothing
 * dirty it costs one probe and no transaction. `progressDrift` compares the rollup with
 * a full recomputation (tests, `hotich` checks).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { transact, type Database } from '../store/index.js';
import { addBooks, rewriteBookLive, subtractBooks } from './package-rollup.js';
import { stageFacts } from './stage-facts.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Books recomputed per transaction (keeps a first refresh of a large province in bounded steps). */
const BATCH = 2000;

/** Recomputes every dirty book; returns how many books were refreshed. */
export async function refreshProgress(db: Kysely<Database>): Promise<number> {
  if (!(await db.selectFrom('progress_dirty').select('book_id').limit(1).executeTakeFirst())) return 0;
  let total = 0;
  for (;;) {
    const n = await transact(db, (tx) => refreshBatch(tx));
    total += n;
    if (n < BATCH) return total;
  }
}

async function refreshBatch(tx: Transaction<Database>): Promise<number> {
  const { rows } = await sql<{ book_id: string }>`
    delete from progress_dirty where book_id in (select book_id from progress_dirty limit ${BATCH} for update skip locked) returning book_id`.execute(tx);
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.book_id);
  const inIds = sql`(select unnest(${sql.val(ids)}::uuid[]))`;
  const oldPackages = await subtractBooks(tx, ids);
  await sql`delete from progress_daily where book_id in ${inIds}`.execute(tx);
  await sql`insert into progress_daily (book_id, stage, day, qty)
    select book_id, stage, day, sum(qty) from (${stageFacts((col) => sql`${col} in ${inIds}`)}) f group by 1, 2, 3`.execute(tx);
  await sql`delete from progress_book where book_id in ${inIds}`.execute(tx);
  await sql`insert into progress_book (book_id, stage, done)
    select book_id, stage, sum(qty) from progress_daily where book_id in ${inIds} group by 1, 2`.execute(tx);
  await rewriteBookLive(tx, ids);
  await addBooks(tx, ids, oldPackages);
  return ids.length;
}

export interface DriftRow {
  book_id: string;
  stage: string;
  day: string;
  rollup: string | null;
  full: string | null;
}

/** Rows where the rollup differs from a full recomputation (empty = exact). */
export async function progressDrift(db: Db): Promise<DriftRow[]> {
  const { rows } = await sql<DriftRow>`
    with full_facts as (select book_id, stage, day, sum(qty) as qty from (${stageFacts(() => sql`true`)}) f group by 1, 2, 3),
    book_totals as (select book_id, stage, sum(qty) as qty from progress_daily group by 1, 2)
    select coalesce(p.book_id, f.book_id) as book_id, coalesce(p.stage, f.stage) as stage, coalesce(p.day, f.day)::text as day,
      p.qty::text as rollup, f.qty::text as full
    from progress_daily p full join full_facts f on f.book_id = p.book_id and f.stage = p.stage and f.day = p.day
    where p.qty is distinct from f.qty
    union all
    select coalesce(t.book_id, b.book_id), coalesce(t.stage, b.stage), 'tổng', b.done::text, t.qty::text
    from book_totals t full join progress_book b on b.book_id = t.book_id and b.stage = t.stage
    where b.done is distinct from t.qty`.execute(db);
  return rows;
}
