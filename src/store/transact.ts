/**
 * One transaction, whether or not the caller is already inside one: a
 * service that writes atomically calls `transact(ctx.store.db, fn)`; when its
 * caller handed it a context whose db is a transaction (an import creating
 * books and records all-or-nothing), fn joins that transaction instead of
 * opening a nested one (which Kysely refuses).
 * `transactRetrying` runs the whole transaction again when PostgreSQL rolled
 * it back for a deadlock (40P01) or a serialization failure (40001): a
 * several-process deployment can meet one where two writers lock the same
 * rows or audit chains in different orders (the save paths lock in one
 * order; this is the safety net). Only for functions that do nothing
 * outside the database: they may run more than once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** SQLSTATE 40P01 (deadlock detected) or 40001 (serialization failure): the transaction was rolled back whole and may run again. */
export const isRetryableConflict = (e: unknown): boolean => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
};

export const RETRY_ATTEMPTS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function transact<T>(db: Kysely<Database>, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}

/** The same, for services that take a whole context: `fn` gets the context with its db set to the transaction. */
export function transactContext<C extends { store: { db: Kysely<Database> } }, T>(ctx: C, fn: (txCtx: C) => Promise<T>): Promise<T> {
  return transact(ctx.store.db, (tx) => fn({ ...ctx, store: { ...ctx.store, db: tx } }));
}

/** Where a retry is told (the app's Logger fits): a deadlock is worth an operator's look even when the retry saves it. */
export interface RetryLog {
  warn(msg: string, data?: Record<string, unknown>): void;
}

/** transact, run again (at most RETRY_ATTEMPTS in all, after a short random pause) when the database rolled it back for a deadlock or a serialization failure; each retry is logged. Inside a caller's transaction: no retry (the caller's transaction is the one that failed). */
export async function transactRetrying<T>(db: Kysely<Database>, log: RetryLog, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (e) {
      if (attempt >= RETRY_ATTEMPTS || !isRetryableConflict(e)) throw e;
      log.warn('transaction rolled back by a lock conflict: run again', { code: (e as { code: string }).code, attempt });
      await sleep(5 + Math.random() * 20 * attempt);
    }
  }
}
