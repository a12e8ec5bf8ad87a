/**
 * HTTP face of sampled acceptance and keyer accuracy:
 *   POST /api/qc/lots                      create a lot (qc.plan or qc.accept)
 *   GET  /api/qc/lots                      list lots (reports.view or records.review)
 *   GET  /api/qc/lots/:id                  lot, progress, findings, proposed decision
 *   GET  /api/qc/lots/:id/sample           the sampled registrations (records.review)
 *   GET  /api/qc/lots/:id/sample/:recordId one sampled registration with its fields
 *   POST /api/qc/lots/:id/checks           the checks of one registration (records.review)
 *   POST /api/qc/lots/:id/decision         record the decision (qc.accept)
 *   GET  /api/qc/lots/:id/report.pdf|.xlsx the acceptance report
 *   GET  /api/qc/keyers                    keyer accuracy: all (reports.view), else only one's own (records.key)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, Forbidden, PERMISSION_LABELS, requirePermission, type Permission } from '../auth/index.js';
import type { AppContext } from '../core/index.js';
import { listKeyerAccuracy } from './keyer-accuracy.service.js';
import { getSampledRecord, listSample, submitChecks } from './lot-checks.service.js';
import { decideSampledLot } from './lot-decision.service.js';
import { createLot, getLot, listLotViews } from './lot.service.js';
import { lotReportPdf, lotReportXlsx } from './report.service.js';

const LotParams = z.object({ id: z.uuid('Mã lô không hợp lệ.') });
const SampleParams = LotParams.extend({ recordId: z.uuid('Mã bản ghi không hợp lệ.') });
const actorOf = (req: FastifyRequest) => req.user?.id ?? null;
const lotId = (req: FastifyRequest) => LotParams.parse(req.params).id;
const body = (req: FastifyRequest) => (typeof req.body === 'object' && req.body !== null ? req.body : {});

const forbidden = (p: Permission) => new Forbidden('auth.forbidden', `Bạn không có quyền ${PERMISSION_LABELS[p]}.`, { permission: p });

/** Allowed when the user holds any of the permissions. */
function requireAny(...perms: Permission[]) {
  return async (req: FastifyRequest) => {
    if (!perms.some((p) => can(req.user, p))) throw forbidden(perms[0]!);
  };
}

function download(reply: FastifyReply, name: string, type: string, bytes: Uint8Array) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(Buffer.from(bytes));
}

export async function qcAcceptanceRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const review = { preHandler: requirePermission('records.review') };
  const view = { preHandler: requireAny('reports.view', 'records.review') };
  app.post('/api/qc/lots', { preHandler: requireAny('qc.plan', 'qc.accept') }, async (req, reply) => reply.status(201).send(await createLot(ctx, body(req) as never, actorOf(req))));
  app.get('/api/qc/lots', view, async () => listLotViews(ctx));
  app.get('/api/qc/lots/:id', view, async (req) => getLot(ctx, lotId(req)));
  app.get('/api/qc/lots/:id/sample', review, async (req) => listSample(ctx, lotId(req)));
  app.get('/api/qc/lots/:id/sample/:recordId', review, async (req) => { const p = SampleParams.parse(req.params); return getSampledRecord(ctx, p.id, p.recordId); });
  app.post('/api/qc/lots/:id/checks', review, async (req) => submitChecks(ctx, lotId(req), body(req) as never, actorOf(req)));
  app.post('/api/qc/lots/:id/decision', { preHandler: requirePermission('qc.accept') }, async (req) => decideSampledLot(ctx, lotId(req), body(req) as never, actorOf(req)!));
  app.get('/api/qc/lots/:id/report.pdf', view, async (req, reply) => download(reply, `nghiem-thu-${lotId(req)}.pdf`, 'application/pdf', await lotReportPdf(ctx, lotId(req))));
  app.get('/api/qc/lots/:id/report.xlsx', view, async (req, reply) => download(reply, `nghiem-thu-${lotId(req)}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await lotReportXlsx(ctx, lotId(req))));
  app.get('/api/qc/keyers', async (req) => {
    if (can(req.user, 'reports.view')) return listKeyerAccuracy(ctx);
    if (can(req.user, 'records.key') && req.user) return listKeyerAccuracy(ctx, { onlyKeyer: req.user.id });
    throw forbidden('reports.view');
  });
}
