/** Queries on sessions. Tokens arrive here already hashed. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface LiveSession {
  sessionId: string;
  lastSeenAt: Date;
  user: UserRow;
}

export async function insertSession(db: Db, s: { userId: string; tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ user_id: s.userId, token_hash: s.tokenHash, created_at: s.now, last_seen_at: s.now, expires_at: s.expiresAt })
    .execute();
}

/** The session of this token hash if it is neither revoked nor expired and its user is not disabled. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.last_seen_at as session_last_seen_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_last_seen_at, ...user } = row;
  return { sessionId: session_id, lastSeenAt: session_last_seen_at, user };
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeByTokenHash(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function revokeAllOfUser(db: Db, userId: string, now: Date): Promise<number> {
  const r = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
