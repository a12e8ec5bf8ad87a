/**
 * GET /api/audit — the audit screen's rows (see AuditQuery for the filter),
 * newest first, a page at a time ({ items, next }). audit sits below auth, so
 * the server hands in `scopeOf(req)`: the signed-in actor's scope as SQL
 * (auth's bookInScope and seesEverything). The permission check (audit.view)
 * is the server's preHandler.
 */
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppContext } from '../core/index.js';
import type { AuditScope } from './audit-list.repo.js';
import { listAudit } from './audit-list.service.js';

export interface AuditRoutesOptions {
  ctx: AppContext;
  scopeOf: (req: FastifyRequest) => Promise<AuditScope>;
  /** Route options of GET /api/audit, e.g. { preHandler: requirePermission('audit.view') }. */
  route?: RouteShorthandOptions;
}

export async function auditRoutes(app: FastifyInstance, opts: AuditRoutesOptions): Promise<void> {
  const { ctx, scopeOf } = opts;
  app.get('/api/audit', opts.route ?? {}, async (req) => listAudit(ctx, await scopeOf(req), req.query));
}
