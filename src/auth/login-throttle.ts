/**
 * Per-login failure counter, in memory: after 10 failed sign-ins of one
 * login within 15 minutes, that login is refused (even with the right
 * password) until the oldest of those failures is 15 minutes old. Unknown
 * logins are counted the same way, so the lock reveals nothing. A success
 * clears the count. The counter belongs to one process and one database
 * (kept per ctx.store); with several app processes each counts on its own.
 */
import type { AppContext } from '../core/index.js';
import { Unauthorized } from './auth.errors.js';

export const THROTTLE_LIMITS = { maxFailures: 10, windowMs: 15 * 60_000, maxTracked: 10_000 } as const;

type Limits = { readonly maxFailures: number; readonly windowMs: number; readonly maxTracked: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: Limits = THROTTLE_LIMITS) {}

  /** Milliseconds until this login may try again; 0 when it is not locked. */
  lockedFor(login: string, now: Date): number {
    const recent = this.recent(login, now.getTime());
    if (recent.length < this.limits.maxFailures) return 0;
    const oldest = recent[recent.length - this.limits.maxFailures] ?? now.getTime();
    return Math.max(0, oldest + this.limits.windowMs - now.getTime());
  }

  /** Throws "Tạm khóa đăng nhập…" while the login is locked. */
  assertOpen(login: string, now: Date): void {
    const ms = this.lockedFor(login, now);
    if (ms === 0) return;
    const minutes = Math.max(1, Math.ceil(ms / 60_000));
    throw new Unauthorized(
      'auth.locked',
      `Tạm khóa đăng nhập do nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      { retryAfterSeconds: Math.ceil(ms / 1000) },
    );
  }

  fail(login: string, now: Date): void {
    const t = now.getTime();
    const times = [...this.recent(login, t), t].slice(-this.limits.maxFailures);
    this.failures.delete(login); // re-insert so Map order stays "least recently failed first"
    this.failures.set(login, times);
    if (this.failures.size > this.limits.maxTracked) this.prune(t);
  }

  succeed(login: string): void {
    this.failures.delete(login);
  }

  private recent(login: string, t: number): number[] {
    return (this.failures.get(login) ?? []).filter((x) => t - x < this.limits.windowMs);
  }

  /** Forgets stale logins; if still too many, the least recently failed ones. */
  private prune(t: number): void {
    for (const [login, times] of this.failures) if (times.every((x) => t - x >= this.limits.windowMs)) this.failures.delete(login);
    for (const login of this.failures.keys()) {
      if (this.failures.size <= this.limits.maxTracked) break;
      this.failures.delete(login);
    }
  }
}

const byStore = new WeakMap<object, LoginThrottle>();

/** The throttle of this context's database (one per store object, created on first use). */
export function throttleFor(ctx: AppContext): LoginThrottle {
  let t = byStore.get(ctx.store);
  if (!t) byStore.set(ctx.store, (t = new LoginThrottle()));
  return t;
}
