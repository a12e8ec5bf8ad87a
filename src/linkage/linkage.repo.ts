/**
 * The linkage tables (migration 0020). Loading registrations for a run (of a
 * unit and everything within it, or the province), writing candidates
 * without ever touching a decided pair, reading candidates within the
 * actor's scope (both records' books: bookInScope), appending decisions.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';
import type { LinkRecord } from './features.js';
import type { Candidate } from './link.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredRecord extends LinkRecord {
  bookId: string;
}

const toLink = (r: { id: string; register_type: string; values: Record<string, string>; book_id: string; unit: string | null }): StoredRecord => ({
  id: r.id,
  registerType: r.register_type,
  values: r.values,
  unit: r.unit ?? '',
  bookId: r.book_id,
});

/** Registrations (not keying passes) of the books of a unit and everything within it, or all (unitId null). */
export async function loadRecords(db: Db, unitId: string | null, afterId = '00000000-0000-0000-0000-000000000000', limit = 5000): Promise<StoredRecord[]> {
  let q = db
    .selectFrom('records')
    .innerJoin('books', 'books.id', 'records.book_id')
    .select(['records.id', 'records.register_type', 'records.values', 'records.book_id', 'books.authority_unit_code as unit'])
    .where('records.keying_of', 'is', null)
    .where('records.id', '>', afterId)
    .orderBy('records.id')
    .limit(limit);
  if (unitId !== null) q = q.where(sql<boolean>`exists (select 1 from admin_unit_within w where w.within_id = ${unitId} and w.unit_id = books.authority_unit_code)`);
  return (await q.execute()).map(toLink);
}

export async function loadRecordsById(db: Db, ids: readonly string[]): Promise<StoredRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('records')
    .innerJoin('books', 'books.id', 'records.book_id')
    .select(['records.id', 'records.register_type', 'records.values', 'records.book_id', 'books.authority_unit_code as unit'])
    .where('records.id', 'in', ids)
    .where('records.keying_of', 'is', null)
    .execute();
  return rows.map(toLink);
}

/** Records sharing a person-index key with these records (their blocks, through search's person_index). */
export async function neighbourIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with mine as (select ten_key, ho_key, head_key, name_fold, birth_year from person_index where record_id in (${sql.join(ids)}))
    select distinct p.record_id as id from person_index p join mine m on
      (p.ten_key = m.ten_key and p.birth_year is not distinct from m.birth_year)
      or (p.head_key = m.head_key and p.birth_year is not distinct from m.birth_year)
      or p.name_fold = m.name_fold
    limit 20000`.execute(db);
  return rows.map((r) => r.id);
}

/** Pairs (a < b) with any decision: never proposed again. */
export async function decidedPairs(db: Db, ids?: readonly string[]): Promise<Set<string>> {
  let q = db.selectFrom('link_decisions').select(['record_a', 'record_b']).distinct();
  if (ids) {
    if (ids.length === 0) return new Set();
    q = q.where((eb) => eb.or([eb('record_a', 'in', ids), eb('record_b', 'in', ids)]));
  }
  return new Set((await q.execute()).map((r) => `${r.record_a}|${r.record_b}`));
}

/** Writes candidates: a new pair is inserted, an open one updated, a decided one left alone. */
export async function upsertCandidates(db: Db, runId: string, cands: readonly Candidate[], books: ReadonlyMap<string, string>): Promise<number> {
  let written = 0;
  for (let i = 0; i < cands.length; i += 500) {
    const chunk = cands.slice(i, i + 500);
    const res = await db
      .insertInto('link_candidates')
      .values(
        chunk.map((c) => ({
          kind: c.kind,
          record_a: c.a,
          record_b: c.b,
          role_a: c.roleA,
          role_b: c.roleB,
          book_a: books.get(c.a)!,
          book_b: books.get(c.b)!,
          probability: Math.min(1, Math.max(0, c.probability)),
          weight: c.weight,
          explanation: JSON.stringify(c.explanation),
          run_id: runId,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['kind', 'record_a', 'record_b'])
          .doUpdateSet((eb) => ({
            probability: eb.ref('excluded.probability'),
            weight: eb.ref('excluded.weight'),
            explanation: eb.ref('excluded.explanation'),
            role_a: eb.ref('excluded.role_a'),
            role_b: eb.ref('excluded.role_b'),
            run_id: eb.ref('excluded.run_id'),
            updated_at: sql<Date>`now()`,
          }))
          .where('link_candidates.status', '=', 'open'),
      )
      .executeTakeFirst();
    written += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

export function candidatesInScope(db: Db, actor: Actor) {
  return db.selectFrom('link_candidates').where(bookInScope(actor, 'link_candidates.book_a')).where(bookInScope(actor, 'link_candidates.book_b'));
}
