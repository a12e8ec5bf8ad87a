/** Reading the Cookie header by hand and writing the session cookie. */
import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, parseCookies, sessionCookie } from './cookies.js';

describe('cookies', () => {
  it('reads names and values, the first of repeated names winning', () => {
    const c = parseCookies('a=1; hotich_session=abc_-DEF; b="q%20r"; hotich_session=later; junk; =x; __proto__=p');
    expect(c.get('hotich_session')).toBe('abc_-DEF');
    expect(c.get('b')).toBe('q r');
    expect(c.get('a')).toBe('1');
    expect(c.get('__proto__')).toBe('p');
    expect(c.has('junk')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('bad=%E0%A4%A').get('bad')).toBe('%E0%A4%A');
  });

  it('writes an HttpOnly, SameSite=Strict cookie, Secure over HTTPS only', () => {
    expect(sessionCookie('tok', false)).toBe('hotich_session=tok; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('tok', true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toContain('Max-Age=0');
  });
});
