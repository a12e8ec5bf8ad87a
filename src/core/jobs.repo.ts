/**
 * The `jobs` table's queries (Kysely only, no rules). Claiming is ONE
 * statement: UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1),
 * so two workers on PostgreSQL never take the same row; on PGlite (one
 * serialized session) the statement is its own transaction. Times come from
 * ctx.clock, never from now(), so tests decide what is due.
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
  const inserted = await db.insertInto('jobs')
    .values({ kind: row.kind, payload: JSON.stringify(row.payload), run_at: row.runAt, ...(row.maxAttempts ? { max_attempts: row.maxAttempts } : {}) })
    .returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Takes the oldest due queued job (of the given kinds), marks it running and counts the attempt; undefined when none is due. */
export async function claimDueJob(db: Db, workerId: string, now: Date, kinds: readonly string[]) {
  if (kinds.length === 0) return undefined;
  const due = db.selectFrom('jobs').select('id')
    .where('status', '=', 'queued').where('run_at', '<=', now).where('kind', 'in', kinds)
    .orderBy('run_at').orderBy('id').limit(1).forUpdate().skipLocked();
  return db.updateTable('jobs')
    .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), locked_by: workerId, locked_at: now }))
    .where('id', '=', due).where('status', '=', 'queued')
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .executeTakeFirst();
}

export async function markDone(db: Db, id: string, result: unknown, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', result: JSON.stringify(result ?? null), finished_at: now, locked_by: null, locked_at: null })
    .where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: string, error: UserFacingError, rawError: string, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'failed', error: JSON.stringify(error), last_error: rawError, finished_at: now, locked_by: null, locked_at: null })
    .where('id', '=', id).execute();
}

export async function requeue(db: Db, id: string, rawError: string, runAt: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'queued', last_error: rawError, run_at: runAt, locked_by: null, locked_at: null })
    .where('id', '=', id).execute();
}

export async function findJobRow(db: Db, id: string) {
  return db.selectFrom('jobs').select(['id', 'kind', 'payload', 'status', 'attempts', 'max_attempts', 'result', 'error', 'created_at', 'finished_at'])
    .where('id', '=', id).executeTakeFirst();
}

/** Jobs left running by a worker that vanished (locked before `cutoff`): back to queued, or failed when no attempt is left. */
export async function releaseStale(db: Db, cutoff: Date, now: Date, lost: { raw: string; error: UserFacingError }): Promise<number> {
  const stale = db.updateTable('jobs').where('status', '=', 'running').where('locked_at', '<', cutoff);
  const requeued = await stale.set({ status: 'queued', run_at: now, last_error: lost.raw, locked_by: null, locked_at: null })
    .where((eb) => eb('attempts', '<', eb.ref('max_attempts'))).executeTakeFirst();
  const failed = await stale.set({ status: 'failed', error: JSON.stringify(lost.error), last_error: lost.raw, finished_at: now, locked_by: null, locked_at: null })
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts'))).executeTakeFirst();
  return Number(requeued.numUpdatedRows) + Number(failed.numUpdatedRows);
}
