/**
 * Sign-in sessions. A token is 32 random bytes (base64url) handed to the
 * client once; only its sha256 is stored. A session ends after
 * `config.auth.sessionIdleMs` without use (each use moves the idle expiry,
 * written at most once a minute) and at the latest `sessionMaxMs` after
 * sign-in, however much it is used. Unknown login, wrong password and
 * disabled user get one and the same answer, after the same scrypt work, so
 * logins cannot be enumerated; every check is first reserved with the
 * throttle (login-throttle.service.ts), so floods are refused before hashing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendEntityAction } from '../audit/index.js';
import type { AppContext } from '../core/index.js';
import type { UserRow } from '../store/index.js';
import { badCredentials } from './auth.errors.js';
import { attemptFailed, attemptSucceeded, reserveAttempt } from './login-throttle.service.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { LoginInput, parseInput } from './user.schema.js';
import { userView, type AuthUser } from './users.service.js';
import * as sessions from './sessions.repo.js';
import * as users from './users.repo.js';

/** A session's last_seen_at/expires_at are rewritten at most this often. */
const TOUCH_EVERY_MS = 60_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface LoginResult {
  token: string;
  user: AuthUser;
  /** When the session ends if it is not used (moves with each use). */
  expiresAt: string;
  /** When the session ends however it is used. */
  absoluteExpiresAt: string;
}

/** Where a sign-in comes from: the client address over HTTP (per-address throttle); absent for the CLI and tests. */
export interface LoginClient {
  address?: string | undefined;
}

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

let dummy: Promise<string> | undefined;
/** A hash of a random password, verified against when the login is unknown (same cost as a real check). */
const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(24).toString('base64')));

async function checkCredentials(ctx: AppContext, login: string, password: string): Promise<UserRow | undefined> {
  const row = await users.findUserByLogin(ctx.store.db, login);
  const stored = row?.password_hash ?? (await dummyHash());
  const ok = await verifyPassword(password, stored);
  return ok && row && row.password_hash && !row.disabled_at ? row : undefined;
}

export async function login(ctx: AppContext, input: LoginInput, client: LoginClient = {}): Promise<LoginResult> {
  const { login: name, password } = parseInput(LoginInput, input);
  const ticket = await reserveAttempt(ctx, name, client.address);
  const row = await checkCredentials(ctx, name, password);
  if (!row) {
    await attemptFailed(ctx, ticket);
    ctx.log.warn('login failed', { login: name, address: client.address });
    throw badCredentials();
  }
  await attemptSucceeded(ctx, ticket);
  if (needsRehash(row.password_hash ?? '')) await users.setPasswordHash(ctx.store.db, row.id, await hashPassword(password));
  return openSession(ctx, row);
}

/** The idle expiry after a use at `now`: never past the absolute end. */
const idleExpiry = (ctx: AppContext, now: Date, absolute: Date): Date => new Date(Math.min(now.getTime() + ctx.config.auth.sessionIdleMs, absolute.getTime()));

async function openSession(ctx: AppContext, row: UserRow): Promise<LoginResult> {
  const token = newToken();
  const now = ctx.clock();
  const absoluteExpiresAt = new Date(now.getTime() + ctx.config.auth.sessionMaxMs);
  const expiresAt = idleExpiry(ctx, now, absoluteExpiresAt);
  await sessions.insertSession(ctx.store.db, { userId: row.id, tokenHash: hashToken(token), now, expiresAt, absoluteExpiresAt });
  return { token, user: userView(row), expiresAt: expiresAt.toISOString(), absoluteExpiresAt: absoluteExpiresAt.toISOString() };
}

/** The signed-in user of this token, or undefined (no token, malformed, unknown, revoked, idle too long, past its end, user disabled). */
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<AuthUser | undefined> {
  return (await authenticateSession(ctx, token))?.user;
}

/** The live session of a token: its user, its id and the WAL position of its last write (read-your-writes). */
export async function authenticateSession(ctx: AppContext, token: string | undefined): Promise<{ user: AuthUser; sessionId: string; lastWriteLsn: string | null } | undefined> {
  if (!token || !TOKEN_SHAPE.test(token)) return undefined;
  const now = ctx.clock();
  const live = await sessions.findLiveSession(ctx.store.db, hashToken(token), now);
  if (!live) return undefined;
  if (now.getTime() - live.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await sessions.touchSession(ctx.store.db, live.sessionId, now, idleExpiry(ctx, now, live.absoluteExpiresAt));
  }
  return { user: userView(live.user), sessionId: live.sessionId, lastWriteLsn: live.lastWriteLsn };
}

/** After a successful write request of this session, when a read replica is configured: remember the primary's WAL position. */
export async function rememberWrite(ctx: AppContext, sessionId: string): Promise<void> {
  await sessions.recordWritePosition(ctx.store.db, sessionId);
}

/** Ends the session of this token. Unknown or already ended tokens change nothing. */
export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token || !TOKEN_SHAPE.test(token)) return;
  await sessions.revokeByTokenHash(ctx.store.db, hashToken(token), ctx.clock());
}

/** "Sign out everywhere": ends every session of this user (this one included) and records it; answers how many ended. */
export async function logoutEverywhere(ctx: AppContext, user: Pick<AuthUser, 'id'>): Promise<number> {
  return ctx.store.db.transaction().execute(async (tx) => {
    const ended = await sessions.revokeAllOfUser(tx, user.id, ctx.clock());
    await appendEntityAction(tx, { entityType: 'user', entityId: user.id, kind: 'sessions.logout_all', actorId: user.id, payload: { sessionsEnded: ended } });
    return ended;
  });
}
