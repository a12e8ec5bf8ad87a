/**
 * Fastify plumbing for access: `installAccess(app, ctx)` must run before any
 * route is registered. It
 *  - refuses to register a route under /api or /iiif that declares no access
 *    (route-access.ts), so nothing is reachable by default;
 *  - on each request to a declared route: a public route passes; otherwise
 *    the session (Bearer header first, else the cookie) must name a live user
 *    (401), whose role must pass the route's gate (403); then `req.user` is
 *    the user and `req.ctx` the app context with her as `ctx.actor`.
 * Reading `req.ctx` on a request without a signed-in user throws 401, so a
 * handler cannot act without an actor.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { fromPino, type AppContext } from '../core/index.js';
import { userActor, withActor, type ActorContext, forbidden } from './actor.js';
import { loginRequired } from './auth.errors.js';
import { parseCookies, SESSION_COOKIE } from './cookies.js';
import { can, type Permission } from './roles.js';
import type { Gate, RouteAccess } from './route-access.js';
import { authenticateSession, rememberWrite } from './sessions.service.js';
import type { AuthUser } from './users.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by the access hook on non-public routes. */
    user?: AuthUser;
    /** The app context acting as the signed-in user (throws 401 when there is none). */
    readonly ctx: ActorContext;
  }
}

/** Path prefixes whose routes must declare their access. */
export const PROTECTED_PREFIXES = ['/api/', '/iiif/'] as const;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isProtected = (url: string) => PROTECTED_PREFIXES.some((p) => url.startsWith(p));

/** The session token of a request: the Bearer header wins over the cookie. */
export function tokenFromRequest(req: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return parseCookies(req.headers.cookie).get(SESSION_COOKIE) || undefined;
}

/** True when the gate lets this user through (a list of permissions: any of them). */
export function passesGate(user: AuthUser, gate: Gate): boolean {
  if (gate === 'signed-in') return true;
  if (gate === 'public') return true;
  const perms: readonly Permission[] = typeof gate === 'string' ? [gate] : gate;
  return perms.some((p) => can(user, p));
}

const firstPermission = (gate: Gate): Permission => (typeof gate === 'string' ? gate : gate[0]!) as Permission;

/** Every route registered so far, with its declaration (the route-table test walks it). */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export function installAccess(app: FastifyInstance, ctx: AppContext): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  const contexts = new WeakMap<FastifyRequest, ActorContext>();
  const sessions = new WeakMap<FastifyRequest, string>();
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest) {
      const c = contexts.get(this);
      if (!c) throw loginRequired();
      return c;
    },
  });
  app.addHook('onRoute', (r: RouteOptions) => {
    const access = r.config?.access;
    const methods = ([] as string[]).concat(r.method);
    for (const method of methods) routes.push({ method, url: r.url, access });
    if (isProtected(r.url) && !access) throw new Error(`Route ${methods.join(',')} ${r.url} declares no access (route-access.ts).`);
  });
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access.gate === 'public') return;
    const session = await authenticateSession(ctx, tokenFromRequest(req));
    if (!session) throw loginRequired();
    const user = session.user;
    sessions.set(req, session.sessionId);
    if (!passesGate(user, access.gate)) throw forbidden(firstPermission(access.gate));
    req.user = user;
    // The request's services log through the request's logger (its lines carry the request id).
    const log = fromPino(req.log, ctx.log.pino);
    contexts.set(req, { ...withActor({ ...ctx, log }, userActor(user), { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' }), readAfter: session.lastWriteLsn });
  });
  // Read-your-writes with a replica: a successful write request moves its session's WAL position before the answer leaves.
  if (ctx.store.replica) {
    app.addHook('onSend', async (req, reply, payload) => {
      const id = sessions.get(req);
      if (id && !READ_METHODS.has(req.method) && reply.statusCode < 400) await rememberWrite(ctx, id);
      return payload;
    });
  }
  return routes;
}
