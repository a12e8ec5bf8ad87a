/**
 * HTTP face of sign-in: POST /api/auth/login (sets the session cookie and
 * also answers the token, for non-browser clients; throttled per login and
 * per client address, 429 with Retry-After), POST /api/auth/logout (ends the
 * session, clears the cookie), POST /api/auth/logout-all (ends every session
 * of the signed-in user, everywhere), GET /api/auth/me.
 * Login and me answer the user with `permissions` (me also with her grants and organization): what the user's role may
 * do, computed from PERMISSIONS (roles.ts) — the web app hides the actions
 * not listed there, and keeps no permission map of its own.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/index.js';
import { tokenFromRequest } from './auth.hook.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { permissionsOf, type Permission } from './roles.js';
import { login, logout, logoutEverywhere } from './sessions.service.js';
import type { LoginInput } from './user.schema.js';
import type { AuthUser } from './users.service.js';
import { listGrantViews, type GrantView } from './grants.service.js';
import { access, NONE, SELF } from './route-access.js';
import { getOrganization } from './organizations.service.js';

/** The signed-in user as login and me answer it: the user plus every permission of its role (and, from me, her grants). */
export interface SessionUser extends AuthUser {
  permissions: Permission[];
  grants?: GrantView[];
  /** From me: the agency the user works for (the web app's header). */
  organization?: { id: string; name: string } | null;
}

const sessionUser = (user: AuthUser, grants?: GrantView[]): SessionUser => ({ ...user, permissions: permissionsOf(user.role), ...(grants ? { grants } : {}) });

const secure = (req: FastifyRequest): boolean => req.protocol === 'https';

export async function authRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.post('/api/auth/login', access('public', NONE), async (req, reply) => {
    const r = await login(ctx, (req.body ?? {}) as LoginInput, { address: req.ip });
    reply.header('set-cookie', sessionCookie(r.token, secure(req))).header('cache-control', 'no-store');
    return { ...r, user: sessionUser(r.user) };
  });
  app.post('/api/auth/logout', access('public', SELF), async (req, reply) => {
    await logout(ctx, tokenFromRequest(req));
    return reply
      .header('set-cookie', clearedSessionCookie(secure(req)))
      .status(204)
      .send();
  });
  app.post('/api/auth/logout-all', access('signed-in', SELF), async (req, reply) => {
    const sessionsEnded = await logoutEverywhere(ctx, req.user!);
    return reply
      .header('set-cookie', clearedSessionCookie(secure(req)))
      .header('cache-control', 'no-store')
      .send({ sessionsEnded });
  });
  app.get('/api/auth/me', access('signed-in', SELF), async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const orgId = req.user!.organizationId;
    const organization = orgId
      ? await getOrganization(req.ctx, orgId).then(
          (o) => ({ id: o.id, name: o.name }),
          () => null,
        )
      : null;
    return { user: { ...sessionUser(req.user!, await listGrantViews(req.ctx, [req.user!.id])), organization } };
  });
}
