/**
 * Queries on login_attempts. A reservation runs in one transaction that
 * first takes advisory locks on the login and on the address (always in
 * that order, so two reservations never wait on each other in a circle),
 * then counts and inserts: concurrent sign-ins of one login or from one
 * address, in any process, are counted one after the other.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export type AttemptKey = { kind: 'login'; value: string } | { kind: 'address'; value: string };

/** Holds, until the transaction ends, the lock of one login or one address (the same in every process). */
export async function lockKey(tx: Transaction<Database>, key: AttemptKey): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`hotich.login-attempts.${key.kind}:${key.value}`}, 0))`.execute(tx);
}

/**
 * The times of the most recent `limit` attempts of this key since `since`
 * that count against it (not succeeded; for a login, not cleared), newest first.
 */
export async function recentCounted(db: Db, key: AttemptKey, since: Date, limit: number): Promise<Date[]> {
  let q = db.selectFrom('login_attempts').select('at').where('at', '>', since).where('outcome', '<>', 'succeeded');
  q = key.kind === 'login' ? q.where('login', '=', key.value).where('cleared', '=', false) : q.where('address', '=', key.value);
  const rows = await q.orderBy('at', 'desc').limit(limit).execute();
  return rows.map((r) => r.at);
}

export async function insertAttempt(db: Db, a: { login: string; address: string | null; at: Date }): Promise<string> {
  const row = await db.insertInto('login_attempts').values(a).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setOutcome(db: Db, id: string, outcome: 'failed' | 'succeeded'): Promise<void> {
  await db.updateTable('login_attempts').set({ outcome }).where('id', '=', id).execute();
}

/** Stops the earlier attempts of this login from counting against it (they still count against their address). */
export async function clearLogin(db: Db, login: string): Promise<void> {
  await db.updateTable('login_attempts').set({ cleared: true }).where('login', '=', login).where('cleared', '=', false).execute();
}

export async function deleteOlderThan(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
