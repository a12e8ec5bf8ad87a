/**
 * HTTP face of sign-in: POST /api/auth/login (sets the session cookie and
 * also answers the token, for non-browser clients; throttled per login and
 * per client address, 429 with Retry-After), POST /api/auth/logout (ends the
 * session, clears the cookie), POST /api/auth/logout-all (ends every session
 * of the signed-in user, everywhere), GET /api/auth/me.
 * Login and me answer the user with `permissions`: what the user's role may
 * do, computed from PERMISSIONS (roles.ts) — the web app hides the actions
 * not listed there, and keeps no permission map of its own.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/index.js';
import { loginRequired } from './auth.errors.js';
import { tokenFromRequest } from './auth.hook.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { permissionsOf, type Permission } from './roles.js';
import { login, logout, logoutEverywhere } from './sessions.service.js';
import type { LoginInput } from './user.schema.js';
import type { AuthUser } from './users.service.js';

/** The signed-in user as login and me answer it: the user plus every permission of its role. */
export interface SessionUser extends AuthUser {
  permissions: Permission[];
}

const sessionUser = (user: AuthUser): SessionUser => ({ ...user, permissions: permissionsOf(user.role) });

const secure = (req: FastifyRequest): boolean => req.protocol === 'https';

export async function authRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.post('/api/auth/login', async (req, reply) => {
    const r = await login(ctx, (req.body ?? {}) as LoginInput, { address: req.ip });
    reply.header('set-cookie', sessionCookie(r.token, secure(req))).header('cache-control', 'no-store');
    return { ...r, user: sessionUser(r.user) };
  });
  app.post('/api/auth/logout', async (req, reply) => {
    await logout(ctx, tokenFromRequest(req));
    return reply.header('set-cookie', clearedSessionCookie(secure(req))).status(204).send();
  });
  app.post('/api/auth/logout-all', async (req, reply) => {
    if (!req.user) throw loginRequired();
    const sessionsEnded = await logoutEverywhere(ctx, req.user);
    return reply.header('set-cookie', clearedSessionCookie(secure(req))).header('cache-control', 'no-store').send({ sessionsEnded });
  });
  app.get('/api/auth/me', async (req, reply) => {
    const user = req.user;
    if (!user) throw loginRequired();
    reply.header('cache-control', 'no-store');
    return { user: sessionUser(user) };
  });
}
