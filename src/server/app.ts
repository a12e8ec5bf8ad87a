/**
 * Fastify composition only: builds the app from a ready context, mounts each
 * module's routes, the health endpoint and the web shell. No rules here.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { VERSION, type AppContext } from '../core/index.js';
import { archiveRoutes, imagesRoutes } from '../archive/index.js';
import { auditRoutes } from '../audit/index.js';
import { access, authRoutes, bookInScope, csrfHook, installAccess, LIST, NONE, seesEverything, usersRoutes, type DeclaredRoute } from '../auth/index.js';
import { entryRoutes } from '../entry/index.js';
import { extractsRoutes } from '../extracts/index.js';
import { homeRoutes } from '../home/index.js';
import { linkageRoutes } from '../linkage/index.js';
import { ocrRoutes } from '../ocr/index.js';
import { searchRoutes } from '../search/index.js';
import { qcAcceptanceRoutes, qcEntryPolicy, qcKeyingRoutes } from '../qc/index.js';
import { bundlesRoutes, exportsRoutes, importsRoutes } from '../exchange/index.js';
import { uploadRoutes } from '../ingest/index.js';
import { plansRoutes } from '../plans/index.js';
import { popdbRoutes } from '../popdb/index.js';
import { registersRoutes } from '../registers/index.js';
import { unitsRoutes } from '../units/index.js';
import { installErrorHandler } from './errors.js';
import { registerSecurityHeaders } from './security-headers.js';
import { startWorker } from './jobs.js';
import { jobsRoutes } from './jobs.routes.js';
import { mountWeb, registerCompression } from './web.js';

/** Where `npm run build:web` puts the SPA: <repo>/dist/web (seen from dist/server/server or src/server). */
export function defaultWebRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../web'), path.resolve(here, '../../dist/web')];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}

export interface BuildAppOptions {
  webRoot?: string;
  /** Run the background job worker while the app is up (serve, browser tests); HTTP tests call runJobs instead. */
  worker?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access declaration, in registration order (the route-table test walks it). */
    declaredRoutes: readonly DeclaredRoute[];
  }
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  // X-Forwarded-* are believed only from the proxies HOTICH_TRUST_PROXY names (default: none).
  const app = Fastify({
    // Fastify's own logger: the process's pino (request loggers carry the request id); silent when the context's log is.
    loggerInstance: (ctx.log.pino ?? pino({ level: 'silent' })) as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
  });
  logRequests(app);
  installErrorHandler(app);
  await registerSecurityHeaders(app);
  await registerCompression(app);
  // Cookie-authenticated mutations from another origin are refused before anything else looks at them.
  app.addHook('onRequest', csrfHook(ctx));
  // From here on every /api and /iiif route must declare its gate and target (route-access.ts).
  app.decorate('declaredRoutes', installAccess(app, ctx));
  await app.register(authRoutes, { ctx });
  await app.register(usersRoutes);
  // With a read replica: its state and lag (ok / lagging: reads go to the primary / down), what this process served where.
  app.get('/api/health', access('public', NONE), async () => ({
    status: 'ok',
    version: VERSION,
    database: ctx.store.backend,
    time: ctx.clock().toISOString(),
    ...(ctx.store.replica ? { replica: await ctx.store.replica.status() } : {}),
  }));
  await app.register(registersRoutes, { clock: ctx.clock });
  await app.register(unitsRoutes, { ctx });
  await app.register(archiveRoutes);
  await app.register(imagesRoutes);
  await app.register(bundlesRoutes);
  await app.register(exportsRoutes);
  await app.register(importsRoutes);
  await app.register(entryRoutes, { policy: qcEntryPolicy() });
  await app.register(searchRoutes);
  await app.register(linkageRoutes);
  await app.register(qcKeyingRoutes);
  await app.register(qcAcceptanceRoutes);
  await app.register(uploadRoutes, { ctx });
  await app.register(jobsRoutes);
  await app.register(extractsRoutes, { ctx });
  await app.register(plansRoutes);
  await app.register(homeRoutes);
  await app.register(popdbRoutes);
  await app.register(ocrRoutes);
  await app.register(auditRoutes, {
    ctx,
    route: access('audit.view', LIST),
    scopeOf: async (req) => ({ bookVisible: (column) => bookInScope(req.ctx.actor, column), seesEverything: await seesEverything(ctx.store.db, req.ctx.actor) }),
  });
  if (opts.worker) runWorker(app, ctx);
  await mountWeb(app, opts.webRoot ?? defaultWebRoot());
  return app;
}

/** Every answer names its request (x-request-id, as in the log); failures are logged with it, the rest at debug level. */
function logRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const entry = { method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) req.log.error(entry, 'request failed');
    else req.log.debug(entry, 'request');
  });
}

/** One job worker from the moment the app is ready until it closes. */
function runWorker(app: FastifyInstance, ctx: AppContext): void {
  let worker: ReturnType<typeof startWorker> | undefined;
  app.addHook('onReady', async () => {
    const leaseMs = ctx.config.jobLeaseMs;
    worker = startWorker(ctx, { leaseMs, heartbeatMs: Math.max(50, Math.floor(leaseMs / 3)), staleCheckMs: Math.max(100, Math.floor(leaseMs / 2)) });
  });
  app.addHook('onClose', async () => {
    await worker?.stop({ handBack: true });
  });
}
