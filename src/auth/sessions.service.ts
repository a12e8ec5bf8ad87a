/**
 * Sign-in sessions. A token is 32 random bytes (base64url) handed to the
 * client once; only its sha256 is stored. Sessions slide: each use moves the
 * expiry to 12 hours after it (written at most once a minute). Unknown
 * login, wrong password and disabled user get one and the same answer, after
 * the same scrypt work, so logins cannot be enumerated.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../core/index.js';
import type { UserRow } from '../store/index.js';
import { badCredentials } from './auth.errors.js';
import { throttleFor } from './login-throttle.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { LoginInput, parseInput } from './user.schema.js';
import { userView, type AuthUser } from './users.service.js';
import * as sessions from './sessions.repo.js';
import * as users from './users.repo.js';

export const SESSION_TTL_MS = 12 * 3600_000;
/** A session's last_seen_at/expires_at are rewritten at most this often. */
const TOUCH_EVERY_MS = 60_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface LoginResult {
  token: string;
  user: AuthUser;
  expiresAt: string;
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

export async function login(ctx: AppContext, input: LoginInput): Promise<LoginResult> {
  const { login: name, password } = parseInput(LoginInput, input);
  const throttle = throttleFor(ctx);
  throttle.assertOpen(name, ctx.clock());
  const row = await checkCredentials(ctx, name, password);
  if (!row) {
    throttle.fail(name, ctx.clock());
    ctx.log.warn('login failed', { login: name });
    throw badCredentials();
  }
  throttle.succeed(name);
  if (needsRehash(row.password_hash ?? '')) await users.setPasswordHash(ctx.store.db, row.id, await hashPassword(password));
  return openSession(ctx, row);
}

async function openSession(ctx: AppContext, row: UserRow): Promise<LoginResult> {
  const token = newToken();
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await sessions.insertSession(ctx.store.db, { userId: row.id, tokenHash: hashToken(token), now, expiresAt });
  return { token, user: userView(row), expiresAt: expiresAt.toISOString() };
}

/** The signed-in user of this token, or undefined (no token, malformed, unknown, revoked, expired, user disabled). */
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<AuthUser | undefined> {
  if (!token || !TOKEN_SHAPE.test(token)) return undefined;
  const now = ctx.clock();
  const live = await sessions.findLiveSession(ctx.store.db, hashToken(token), now);
  if (!live) return undefined;
  if (now.getTime() - live.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await sessions.touchSession(ctx.store.db, live.sessionId, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return userView(live.user);
}

/** Ends the session of this token. Unknown or already ended tokens change nothing. */
export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token || !TOKEN_SHAPE.test(token)) return;
  await sessions.revokeByTokenHash(ctx.store.db, hashToken(token), ctx.clock());
}
