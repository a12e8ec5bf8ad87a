/**
 * Reads of the chain heads and the daily checkpoints (audit_heads,
 * audit_checkpoints). Heads move only by the insert trigger; a checkpoint is
 * written at most once per chain and day and never changed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditCheckpointRow, AuditHeadRow, Database } from '../store/index.js';
import { CHAINS, type ChainHead } from './chain.js';

type Db = Kysely<Database> | Transaction<Database>;

const toHead = (r: AuditHeadRow): ChainHead => ({
  chainId: r.chain_id,
  seq: r.seq,
  hash: r.hash,
  rowTable: r.row_table,
  rowId: r.row_id,
  updatedAt: r.updated_at.toISOString(),
});

export async function listHeads(db: Db): Promise<ChainHead[]> {
  return (await db.selectFrom('audit_heads').selectAll().orderBy('chain_id').execute()).map(toHead);
}

export interface Checkpoint {
  chainId: string;
  /** yyyy-mm-dd, Vietnam time. */
  day: string;
  seq: string;
  hash: string;
  rowTable: string | null;
  rowId: string | null;
  takenAt: string;
}

const toCheckpoint = (r: AuditCheckpointRow): Checkpoint => ({
  chainId: r.chain_id,
  day: r.day,
  seq: r.seq,
  hash: r.hash,
  rowTable: r.row_table,
  rowId: r.row_id,
  takenAt: r.taken_at.toISOString(),
});

/**
 * Copies the heads into the day's checkpoint, unless the chain already has one for that day: every
 * base chain, and each book's chain whose head moved since its last checkpoint (a province holds
 * hundreds of thousands of books; a book not worked on that day adds no row).
 */
export async function insertCheckpoints(db: Db, day: string, at: Date): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .columns(['chain_id', 'day', 'seq', 'hash', 'row_table', 'row_id', 'taken_at'])
    .expression((eb) =>
      eb
        .selectFrom('audit_heads as h')
        .select(['h.chain_id', sql<string>`cast(${day} as date)`.as('day'), 'h.seq', 'h.hash', 'h.row_table', 'h.row_id', sql<Date>`cast(${at.toISOString()} as timestamptz)`.as('taken_at')])
        .where((w) =>
          w.or([
            w('h.chain_id', 'in', [...CHAINS]),
            w.not(
              w.exists(
                w
                  .selectFrom('audit_checkpoints as c')
                  .select(sql`1`.as('one'))
                  .whereRef('c.chain_id', '=', 'h.chain_id')
                  .whereRef('c.seq', '=', 'h.seq'),
              ),
            ),
          ]),
        ),
    )
    .onConflict((oc) => oc.columns(['chain_id', 'day']).doNothing())
    .execute();
}

export async function listCheckpoints(db: Db, filter: { day?: string } = {}): Promise<Checkpoint[]> {
  let q = db.selectFrom('audit_checkpoints').selectAll();
  if (filter.day) q = q.where('day', '=', filter.day);
  return (await q.orderBy('chain_id').orderBy('day').execute()).map(toCheckpoint);
}
