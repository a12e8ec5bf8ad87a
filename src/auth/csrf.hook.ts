/**
 * Cross-site request forgery guard (onRequest, registered before authHook).
 * A mutating request (POST, PUT, PATCH, DELETE: tus's POST, PATCH and DELETE
 * on /api/uploads included) that the session COOKIE would authenticate must
 * come from the app's own pages: its Origin header — or, without one, its
 * Referer — must be the origin the request came to (scheme and Host as
 * Fastify sees them, so X-Forwarded-Proto/-Host count only when trustProxy
 * is configured). Neither header: refused too. A Bearer-token request is not
 * checked (a page of another site cannot add that header without CORS, which
 * /api does not grant). Sign-in is checked when it names a foreign origin
 * (login CSRF) and passes without one (scripts, the CLI's tools).
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AppContext } from '../core/index.js';
import { Forbidden } from './auth.errors.js';
import { parseCookies, SESSION_COOKIE } from './cookies.js';

export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOGIN_ROUTE = '/api/auth/login';
const BEARER = /^Bearer\s+\S+\s*$/i;

export const CSRF_REFUSED = 'Yêu cầu bị từ chối vì không được gửi từ chính trang của hệ thống. Vui lòng tải lại trang rồi thử lại.';

/** True when the session cookie (not a Bearer header) is what would sign this request in. */
export function isCookieAuthenticated(req: FastifyRequest): boolean {
  if (BEARER.test(req.headers.authorization ?? '')) return false;
  return !!parseCookies(req.headers.cookie).get(SESSION_COOKIE);
}

const originOf = (url: string): string => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : 'null';
  } catch {
    return 'null';
  }
};

/** The origin this request came to: `${protocol}://${host}`, normalised (lower case, default port dropped). */
export function ownOrigin(req: FastifyRequest): string {
  return originOf(`${req.protocol}://${req.host}`);
}

/** The origin the browser says the request comes from: Origin, else the Referer's origin; undefined when neither is sent. */
export function claimedOrigin(req: FastifyRequest): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = req.headers.referer;
  return referer ? originOf(referer) : undefined;
}

export function csrfHook(ctx: AppContext): onRequestAsyncHookHandler {
  return async (req) => {
    if (!MUTATING_METHODS.has(req.method)) return;
    const claimed = claimedOrigin(req);
    const own = ownOrigin(req);
    if (claimed !== undefined && claimed !== 'null' && claimed === own) return;
    const cookie = isCookieAuthenticated(req);
    if (!cookie && (req.routeOptions.url !== LOGIN_ROUTE || claimed === undefined)) return;
    ctx.log.warn('csrf refused', { method: req.method, url: req.url, origin: req.headers.origin, referer: req.headers.referer, expected: own });
    throw new Forbidden('auth.csrf', CSRF_REFUSED);
  };
}
