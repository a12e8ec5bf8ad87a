/** The in-memory lock after 10 failed sign-ins of one login within 15 minutes. */
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + min * 60_000);

describe('login throttle', () => {
  it('locks a login after 10 failures in 15 minutes, in Vietnamese', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 9; i++) t.fail('lan', at(i));
    expect(t.lockedFor('lan', at(9))).toBe(0);
    t.fail('lan', at(9));
    expect(t.lockedFor('lan', at(9))).toBe(6 * 60_000);
    expect(() => t.assertOpen('lan', at(9))).toThrow(/^Tạm khóa đăng nhập.*6 phút/);
    expect(t.lockedFor('other', at(9))).toBe(0);
  });

  it('opens again once the oldest failure leaves the window', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 10; i++) t.fail('lan', at(i));
    expect(t.lockedFor('lan', at(14.9))).toBeGreaterThan(0);
    expect(t.lockedFor('lan', at(15))).toBe(0);
  });

  it('does not lock failures spread over more than 15 minutes', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 30; i++) t.fail('lan', at(i * 2));
    expect(t.lockedFor('lan', at(60))).toBe(0);
  });

  it('forgets the failures after a success', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 9; i++) t.fail('lan', at(0));
    t.succeed('lan');
    t.fail('lan', at(1));
    expect(t.lockedFor('lan', at(1))).toBe(0);
  });

  it('tracks a bounded number of logins', () => {
    const t = new LoginThrottle({ maxFailures: 2, windowMs: 60_000, maxTracked: 3 });
    for (const l of ['a', 'b', 'c', 'd', 'e']) t.fail(l, at(0));
    t.fail('e', at(0));
    expect(t.lockedFor('e', at(0))).toBeGreaterThan(0);
    t.fail('a', at(0));
    expect(t.lockedFor('a', at(0))).toBe(0); // 'a' was forgotten, this is its first failure again
  });
});
