/**
 * The sign-in throttle, kept in the database so that every app process
 * shares it. Each password check is an attempt RESERVED before the slow
 * scrypt check, atomically: when the login (HOTICH_LOGIN_MAX_FAILURES, 10)
 * or the client address (HOTICH_LOGIN_MAX_FAILURES_PER_ADDRESS, 30) already
 * has that many counted attempts within the window (15 minutes), the attempt
 * is refused at once — 429 with the wait — without checking the password,
 * even a right one. Unknown logins are counted the same way. A success
 * clears the login's count; the address keeps its failures.
 */
import { TooManyRequests, type AppContext } from '../core/index.js';
import * as repo from './login-attempts.repo.js';

/** Attempts are kept at least this long (for a look at recent attacks), longer if the window is. */
const KEEP_MS = 24 * 3600_000;

/** A reserved attempt: its password check may run; report how it ended. */
export interface AttemptTicket {
  id: string;
  login: string;
}

type LimitedKey = repo.AttemptKey & { limit: number };

export function loginLocked(waitMs: number): TooManyRequests {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new TooManyRequests('auth.locked', `Tạm khóa đăng nhập do nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`, Math.max(1, Math.ceil(waitMs / 1000)));
}

function keysOf(ctx: AppContext, login: string, address: string | undefined): LimitedKey[] {
  const { loginMaxFailures, addressMaxFailures } = ctx.config.auth;
  const keys: LimitedKey[] = [{ kind: 'login', value: login, limit: loginMaxFailures }];
  if (address) keys.push({ kind: 'address', value: address, limit: addressMaxFailures });
  return keys;
}

/**
 * Reserves one password check for this login from this address (undefined:
 * not over HTTP, only the login is counted), or throws auth.locked (429).
 */
export async function reserveAttempt(ctx: AppContext, login: string, address: string | undefined): Promise<AttemptTicket> {
  const now = ctx.clock().getTime();
  const windowMs = ctx.config.auth.loginWindowMs;
  const since = new Date(now - windowMs);
  const keys = keysOf(ctx, login, address);
  const result = await ctx.store.db.transaction().execute(async (tx): Promise<{ waitMs: number } | { id: string }> => {
    for (const key of keys) await repo.lockKey(tx, key);
    let waitMs = 0;
    for (const key of keys) {
      const counted = await repo.recentCounted(tx, key, since, key.limit);
      const oldest = counted[key.limit - 1];
      if (oldest) waitMs = Math.max(waitMs, oldest.getTime() + windowMs - now, 1);
    }
    if (waitMs > 0) return { waitMs };
    await repo.deleteOlderThan(tx, new Date(now - Math.max(KEEP_MS, windowMs)));
    return { id: await repo.insertAttempt(tx, { login, address: address ?? null, at: new Date(now) }) };
  });
  if ('waitMs' in result) throw loginLocked(result.waitMs);
  return { id: result.id, login };
}

export async function attemptFailed(ctx: AppContext, ticket: AttemptTicket): Promise<void> {
  await repo.setOutcome(ctx.store.db, ticket.id, 'failed');
}

/** The password was right: this attempt and the login's earlier failures stop counting against the login. */
export async function attemptSucceeded(ctx: AppContext, ticket: AttemptTicket): Promise<void> {
  await ctx.store.db.transaction().execute(async (tx) => {
    await repo.setOutcome(tx, ticket.id, 'succeeded');
    await repo.clearLogin(tx, ticket.login);
  });
}

/** Unlocks a login at once (an administrator set a new password); its address keeps its count. */
export async function clearLoginFailures(ctx: AppContext, login: string): Promise<void> {
  await repo.clearLogin(ctx.store.db, login);
}
