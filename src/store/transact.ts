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

/** The same, for services that take a whole context: `fn` gets the context with its db set to the transaction. */
export function transactContext<C extends { store: { db: Kysely<Database> } }, T>(ctx: C, fn: (txCtx: C) => Promise<T>): Promise<T> {
  return transact(ctx.store.db, (tx) => fn({ ...ctx, store: { ...ctx.store, db: tx } }));
}
