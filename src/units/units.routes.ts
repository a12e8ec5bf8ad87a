/**
 * HTTP face of the units: resolve place text (GET /api/units/resolve?q=&asOf=)
 * and autocomplete for the keying form (GET /api/units/lookup?q=&level=).
 */
import type { FastifyInstance } from 'fastify';
import { access, NONE } from '../auth/index.js';
import type { AppContext } from '../core/index.js';
import { LookupQuery, ResolveQuery } from './units.schema.js';
import { lookup, resolvePlaceText } from './units.service.js';

export async function unitsRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.get('/api/units/resolve', access('signed-in', NONE), async (req) => {
    const { q, asOf, limit } = ResolveQuery.parse(req.query);
    return resolvePlaceText(ctx, q, { ...(asOf ? { asOf } : {}), ...(limit ? { limit } : {}) });
  });
  app.get('/api/units/lookup', access('signed-in', NONE), async (req) => {
    const { q, ...rest } = LookupQuery.parse(req.query);
    return lookup(ctx, q, rest);
  });
}
