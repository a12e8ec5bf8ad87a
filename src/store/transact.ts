/**
 * One transaction, whether or not the caller is already inside one: a
 * service that writes atomically calls `transact(ctx.store.db, fn)`; when its
 * caller handed it a context whose db is a transaction (an import creating
 * books and records all-or-nothing), fn joins that transaction instead of
 * opening a nested one (which Kysely refuses).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export function transact<T>(db: Kysely<Database>, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
