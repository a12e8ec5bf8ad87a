/**
 * The session cookie, read and written by hand (no cookie dependency):
 * `hotich_session`, HttpOnly, SameSite=Strict (never sent with a request
 * another site starts, links included; see also csrf.hook.ts), Path=/,
 * Secure over HTTPS. It
 * has no Max-Age: it lives with the browser session, and the server's
 * idle and absolute expiry decide how long it is worth anything.
 */
export const SESSION_COOKIE = 'hotich_session';

/** Cookie header → name/value map; the first of repeated names wins; malformed pairs are skipped. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
