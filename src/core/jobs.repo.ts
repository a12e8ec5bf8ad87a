/**
 * The `jobs` table's queries (Kysely only, no rules). Claiming is ONE
 * statement: UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1),
 * so two workers on PostgreSQL never take the same row; on PGlite (one
 * serialized session) the statement is its own transaction. Times come from
 * ctx.clock, never from now(), so tests decide what is due. Every write of a
 * running job's row names its owner (locked_by): a worker whose lease was
 * taken back can no longer renew, report progress or finish it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database>;

export interface UserFacingError {
  code: string;
  message: string;
  details?: unknown;
}

export async function insertJob(db: Db, row: { kind: string; payload: unknown; runAt: Date; maxAttempts?: number | undefined }) {
  const inserted = await db
    .insertInto('jobs')
    .values({ kind: row.kind, payload: JSON.stringify(row.payload), run_at: row.runAt, ...(row.maxAttempts ? { max_attempts: row.maxAttempts } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Takes the oldest due queued job (of the given kinds), marks it running and counts the attempt; undefined when none is due. */
export async function claimDueJob(db: Db, workerId: string, now: Date, kinds: readonly string[], leaseMs: number) {
  if (kinds.length === 0) return undefined;
  const due = db.selectFrom('jobs').select('id').where('status', '=', 'queued').where('run_at', '<=', now).where('kind', 'in', kinds).orderBy('run_at').orderBy('id').limit(1).forUpdate().skipLocked();
  return db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), locked_by: workerId, locked_at: now, heartbeat_at: now, lease_until: new Date(now.getTime() + leaseMs) }))
    .where('id', '=', due)
    .where('status', '=', 'queued')
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .executeTakeFirst();
}

const FREE = { locked_by: null, locked_at: null, lease_until: null, heartbeat_at: null } as const;

/** The running row as long as `owner` holds it (every finishing write goes through this). */
const owned = (db: Db, id: string, owner: string) => db.updateTable('jobs').where('id', '=', id).where('status', '=', 'running').where('locked_by', '=', owner);

const changed = (r: { numUpdatedRows: bigint }) => r.numUpdatedRows > 0n;

/** Each returns false when `owner` no longer holds the job (its lease was taken back). */
export async function markDone(db: Db, id: string, owner: string, result: unknown, now: Date): Promise<boolean> {
  return changed(
    await owned(db, id, owner)
      .set({ status: 'done', result: JSON.stringify(result ?? null), finished_at: now, ...FREE })
      .executeTakeFirst(),
  );
}

export async function markFailed(db: Db, id: string, owner: string, error: UserFacingError, rawError: string, now: Date): Promise<boolean> {
  return changed(
    await owned(db, id, owner)
      .set({ status: 'failed', error: JSON.stringify(error), last_error: rawError, finished_at: now, ...FREE })
      .executeTakeFirst(),
  );
}

export async function requeue(db: Db, id: string, owner: string, rawError: string, runAt: Date): Promise<boolean> {
  return changed(
    await owned(db, id, owner)
      .set({ status: 'queued', last_error: rawError, run_at: runAt, ...FREE })
      .executeTakeFirst(),
  );
}

/** The worker gives the job back before its end (graceful stop): queued again at once, the attempt not counted; false when no longer the owner's. */
export async function handBack(db: Db, id: string, owner: string, now: Date): Promise<boolean> {
  return changed(
    await owned(db, id, owner)
      .set((eb) => ({ status: 'queued', run_at: now, attempts: eb.fn('greatest', [eb('attempts', '-', 1), eb.lit(0)]), last_error: 'handed back: its worker stopped', ...FREE }))
      .executeTakeFirst(),
  );
}

/** Renews the lease (and stores the progress, when given); false when the job is no longer the owner's. */
export async function renewLease(db: Db, id: string, owner: string, now: Date, leaseMs: number, progress?: unknown): Promise<boolean> {
  const set = { heartbeat_at: now, lease_until: new Date(now.getTime() + leaseMs), ...(progress !== undefined ? { progress: JSON.stringify(progress) } : {}) };
  return changed(await owned(db, id, owner).set(set).executeTakeFirst());
}

export async function findJobRow(db: Db, id: string) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'status', 'attempts', 'max_attempts', 'result', 'error', 'progress', 'created_at', 'finished_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Running jobs whose lease lapsed before `now` (their worker died or froze): back to queued, or failed when no attempt is left. */
export async function releaseLapsed(db: Db, now: Date, lost: { raw: string; error: UserFacingError }): Promise<number> {
  const lapsed = db.updateTable('jobs').where('status', '=', 'running').where('lease_until', '<', now);
  const requeued = await lapsed
    .set({ status: 'queued', run_at: now, last_error: lost.raw, ...FREE })
    .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
    .executeTakeFirst();
  const failed = await lapsed
    .set({ status: 'failed', error: JSON.stringify(lost.error), last_error: lost.raw, finished_at: now, ...FREE })
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  return Number(requeued.numUpdatedRows) + Number(failed.numUpdatedRows);
}
