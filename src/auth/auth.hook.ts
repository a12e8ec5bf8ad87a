/**
 * Fastify plumbing for sign-in: `authHook` (onRequest) finds the user of the
 * request — `Authorization: Bearer <token>` first, else the session cookie —
 * on protected routes only, sets `req.user`, and refuses anonymous requests (401).
 * `requirePermission` (preHandler) refuses a signed-in user without the
 * permission (403). Protection is decided on the matched route's pattern,
 * not the raw URL, so %-encoded or doubled slashes cannot slip past it.
 */
import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { AppContext } from '../core/index.js';
import { Forbidden, loginRequired } from './auth.errors.js';
import { parseCookies, SESSION_COOKIE } from './cookies.js';
import { can, PERMISSION_LABELS, type Permission } from './roles.js';
import { authenticate } from './sessions.service.js';
import type { AuthUser } from './users.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by authHook; undefined for anonymous requests. */
    user?: AuthUser;
  }
}

/** Routes of this module that must stay reachable without a session. */
export const AUTH_PUBLIC_ROUTES = ['/api/auth/login', '/api/auth/logout'] as const;
export const DEFAULT_PROTECTED_PREFIXES = ['/api/', '/iiif/'] as const;

export interface AuthHookOptions {
  /** Routes anyone may call, besides AUTH_PUBLIC_ROUTES: a route pattern ('/api/health') or a prefix ending in '*' ('/api/public/*'). */
  public?: readonly string[];
  /** Path prefixes that need a signed-in user (default /api/ and /iiif/); anything else, e.g. the web shell, is open. */
  protected?: readonly string[];
}

/** The session token of a request: the Bearer header wins over the cookie. */
export function tokenFromRequest(req: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return parseCookies(req.headers.cookie).get(SESSION_COOKIE) || undefined;
}

/** The matched route's pattern; for unmatched requests the decoded path without query. */
function routePath(req: FastifyRequest): string {
  if (req.routeOptions.url) return req.routeOptions.url;
  const raw = req.url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw).replace(/\/{2,}/g, '/');
  } catch {
    return raw;
  }
}

function isListed(list: readonly string[], path: string): boolean {
  return list.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p));
}

export function authHook(ctx: AppContext, opts: AuthHookOptions = {}): onRequestAsyncHookHandler {
  const open = [...AUTH_PUBLIC_ROUTES, ...(opts.public ?? [])];
  const prefixes = opts.protected ?? DEFAULT_PROTECTED_PREFIXES;
  return async (req) => {
    // Open routes (web shell, its assets, login, health) need no session: no lookup, no write.
    const path = routePath(req);
    if (!prefixes.some((p) => path.startsWith(p)) || isListed(open, path)) return;
    const user = await authenticate(ctx, tokenFromRequest(req));
    if (!user) throw loginRequired();
    req.user = user;
  };
}

/** preHandler for one route: `app.post('/api/users', { preHandler: requirePermission('users.manage') }, …)`. */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async (req) => {
    if (!req.user) throw loginRequired();
    if (!can(req.user, permission)) {
      throw new Forbidden('auth.forbidden', `Bạn không có quyền ${PERMISSION_LABELS[permission]}.`, { permission });
    }
  };
}
