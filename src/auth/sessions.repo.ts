/** Queries on sessions. Tokens arrive here already hashed. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, UserRow } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface LiveSession {
  sessionId: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  /** 0023: the WAL position after this session's last write (read replica only). */
  lastWriteLsn: string | null;
  user: UserRow;
}

export interface NewSession {
  userId: string;
  tokenHash: string;
  now: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ user_id: s.userId, token_hash: s.tokenHash, created_at: s.now, last_seen_at: s.now, expires_at: s.expiresAt, absolute_expires_at: s.absoluteExpiresAt })
    .execute();
}

/** The session of this token hash if it is not revoked, neither idle expiry nor absolute end has passed, and its user is not disabled. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.absolute_expires_at as session_absolute_expires_at',
      'sessions.last_write_lsn as session_last_write_lsn',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.absolute_expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_last_seen_at, session_absolute_expires_at, session_last_write_lsn, ...user } = row;
  return { sessionId: session_id, lastSeenAt: session_last_seen_at, absoluteExpiresAt: session_absolute_expires_at, lastWriteLsn: session_last_write_lsn, user };
}

/** Remembers the primary's WAL position after a write of this session (read-your-writes with a replica). */
export async function recordWritePosition(db: Db, id: string): Promise<void> {
  await sql`update sessions set last_write_lsn = pg_current_wal_lsn()::text where id = ${id}`.execute(db);
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeByTokenHash(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of the user (those already expired stay as they are); answers how many. */
export async function revokeAllOfUser(db: Db, userId: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
