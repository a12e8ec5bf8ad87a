/** Queries of peer review: which registrations are verified, the corrections reviewers made. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, QcReviewCorrectionsTable } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function verifiedRecordIds(db: Db, recordIds: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('record_actions')
    .select('record_id')
    .distinct()
    .where('kind', '=', 'verified')
    .where('record_id', 'in', [...recordIds])
    .execute();
  return new Set(rows.map((r) => r.record_id));
}

export async function insertReviewCorrections(db: Db, rows: readonly Insertable<QcReviewCorrectionsTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('qc_review_corrections')
      .values([...rows])
      .execute();
}
