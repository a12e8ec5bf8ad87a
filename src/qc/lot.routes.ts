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
import { access, actorCan, actorIdOf, CREATE, forbidden, LIST, on } from '../auth/index.js';
import { attachment } from '../core/index.js';
import { listKeyerAccuracy } from './keyer-accuracy.service.js';
import { machineAccuracy } from './machine-accuracy.service.js';
import { getSampledRecord, listSample, submitChecks } from './lot-checks.service.js';
import { decideSampledLot } from './lot-decision.service.js';
import { createLot, getLot, listLotViews } from './lot.service.js';
import { lotReportPdf, lotReportXlsx } from './report.service.js';

const LotParams = z.object({ id: z.uuid('Mã lô không hợp lệ.') });
const SampleParams = LotParams.extend({ recordId: z.uuid('Mã bản ghi không hợp lệ.') });
const lotId = (req: FastifyRequest) => LotParams.parse(req.params).id;
const body = (req: FastifyRequest) => (typeof req.body === 'object' && req.body !== null ? req.body : {});

function download(reply: FastifyReply, name: string, type: string, bytes: Uint8Array) {
  return reply.header('content-type', type).header('content-disposition', attachment(name)).send(Buffer.from(bytes));
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function qcAcceptanceRoutes(app: FastifyInstance): Promise<void> {
  const view = ['reports.view', 'records.review'] as const;
  const lot = on.lot();
  app.post('/api/qc/lots', access(['qc.plan', 'qc.accept'], CREATE), async (req, reply) => reply.status(201).send(await createLot(req.ctx, body(req) as never)));
  app.get('/api/qc/lots', access(view, LIST), async (req) => listLotViews(req.ctx));
  app.get('/api/qc/lots/:id', access(view, lot), async (req) => getLot(req.ctx, lotId(req)));
  app.get('/api/qc/lots/:id/sample', access('records.review', lot), async (req) => listSample(req.ctx, lotId(req)));
  app.get('/api/qc/lots/:id/sample/:recordId', access('records.review', lot), async (req) => {
    const p = SampleParams.parse(req.params);
    return getSampledRecord(req.ctx, p.id, p.recordId);
  });
  app.post('/api/qc/lots/:id/checks', access('records.review', lot), async (req) => submitChecks(req.ctx, lotId(req), body(req) as never));
  app.post('/api/qc/lots/:id/decision', access('qc.accept', lot), async (req) => decideSampledLot(req.ctx, lotId(req), body(req) as never));
  app.get('/api/qc/lots/:id/report.pdf', access(view, lot), async (req, reply) => download(reply, `nghiem-thu-${lotId(req)}.pdf`, 'application/pdf', await lotReportPdf(req.ctx, lotId(req))));
  app.get('/api/qc/lots/:id/report.xlsx', access(view, lot), async (req, reply) => download(reply, `nghiem-thu-${lotId(req)}.xlsx`, XLSX, await lotReportXlsx(req.ctx, lotId(req))));
  // The machine's accuracy per field kind (src/ocr), next to the keyers': over the completed registrations in scope.
  app.get('/api/qc/machine', access('reports.view', LIST), async (req) => machineAccuracy(req.ctx));
  app.get('/api/qc/keyers', access(['reports.view', 'records.key'], LIST), async (req) => {
    if (actorCan(req.ctx.actor, 'reports.view')) return listKeyerAccuracy(req.ctx);
    const me = actorIdOf(req.ctx.actor);
    if (me) return listKeyerAccuracy(req.ctx, { onlyKeyer: me });
    throw forbidden('reports.view');
  });
}
