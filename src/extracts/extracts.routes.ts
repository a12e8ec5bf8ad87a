/**
 * HTTP of certified copies: issue from a record (202 + a job: the PDF takes
 * over a second), the PDF, the list and the
 * issuance log, revoke; citizens' requests; the public verification (JSON
 * under /api/verify and the HTML page under /verify, both without sign-in).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, CREATE, LIST, on, type ActorContext } from '../auth/index.js';
import { attachment, NotFound, type AppContext } from '../core/index.js';
import { copyPdf, getCopy, revokeCopy, verifyUrlOf } from './copies.service.js';
import { startIssueCopy } from './issue-job.js';
import { issuanceLogXlsx } from './issuance-log.js';
import { listCopies } from './extracts.repo.js';
import { parse } from './parse.js';
import { createRequest, listRequestViews, markFound, refuseRequest } from './requests.service.js';
import { verifyCopy } from './verify.service.js';
import { VERIFY_PAGE_CSP, verifyNotFoundHtml, verifyPageHtml } from './verify-page.js';
import type { ExtractCopyRow } from '../store/index.js';

const Id = z.object({ id: z.string() });
const Period = z.object({
  unit: z.string({ message: 'Cần mã đơn vị (unit).' }).min(1, 'Cần mã đơn vị (unit).'),
  from: z.iso.date('Ngày bắt đầu (from) phải có dạng yyyy-mm-dd.'),
  to: z.iso.date('Ngày kết thúc (to) phải có dạng yyyy-mm-dd.'),
});
const ListQuery = z.object({ unit: z.string().optional(), recordId: z.string().optional(), status: z.string().optional() });

export function copyView(ctx: ActorContext, r: ExtractCopyRow) {
  return {
    id: r.id,
    number: r.number,
    recordId: r.record_id,
    bookId: r.book_id,
    issuingUnitId: r.issuing_unit_id,
    copyType: r.copy_type,
    copies: r.copies,
    issuedAt: r.issued_at.toISOString(),
    verifyUrl: verifyUrlOf(ctx, r.token),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokeReason: r.revoke_reason || null,
  };
}

export async function extractsRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  // The checks answer at once (400 with the reasons); issuing itself (PDF, signature: over a second) is a job followed at GET /api/jobs/:id.
  app.post('/api/records/:id/extracts', access('extracts.issue', CREATE), async (req, reply) => reply.status(202).send(await startIssueCopy(req.ctx, Id.parse(req.params).id, req.body as never)));
  app.get('/api/extracts', access('extracts.issue', LIST), async (req) => {
    const q = parse(ListQuery, req.query);
    return (await listCopies(req.ctx.store.db, req.ctx.actor, { unitId: q.unit, recordId: q.recordId })).map((r) => copyView(req.ctx, r));
  });
  app.get('/api/extracts/log.xlsx', access('extracts.issue', LIST), async (req, reply) => {
    const p = parse(Period, req.query);
    const xlsx = await issuanceLogXlsx(req.ctx, p.unit, p.from, p.to);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', attachment(`so-cap-ban-sao-${p.from}-${p.to}.xlsx`))
      .header('Cache-Control', 'private, no-store')
      .send(xlsx);
  });
  app.get('/api/extracts/:id', access('extracts.issue', on.extract()), async (req) => copyView(req.ctx, await getCopy(req.ctx, Id.parse(req.params).id)));
  app.get('/api/extracts/:id/pdf', access('extracts.issue', on.extract()), async (req, reply) => {
    const { pdf, name } = await copyPdf(req.ctx, Id.parse(req.params).id);
    return reply.type('application/pdf').header('Content-Disposition', attachment(name)).header('Cache-Control', 'private, no-store').send(pdf);
  });
  app.post('/api/extracts/:id/revoke', access('extracts.issue', on.extract()), async (req) => copyView(req.ctx, await revokeCopy(req.ctx, Id.parse(req.params).id, req.body)));
  app.post('/api/extract-requests', access('extracts.issue', CREATE), async (req, reply) => reply.status(201).send(await createRequest(req.ctx, req.body as never)));
  app.get('/api/extract-requests', access('extracts.issue', LIST), async (req) => {
    const q = parse(ListQuery, req.query);
    return listRequestViews(req.ctx, { ...(q.unit ? { unitId: q.unit } : {}), ...(q.status ? { status: q.status } : {}) });
  });
  app.post('/api/extract-requests/:id/found', access('extracts.issue', on.extractRequest()), async (req) => markFound(req.ctx, Id.parse(req.params).id, req.body));
  app.post('/api/extract-requests/:id/refuse', access('extracts.issue', on.extractRequest()), async (req) => refuseRequest(req.ctx, Id.parse(req.params).id, req.body));
  app.get('/api/verify/:token', access('public', { kind: 'none' }), async (req) => verifyCopy(opts.ctx, (req.params as { token: string }).token));
  app.get('/verify/:token', async (req, reply) => {
    reply.header('Content-Security-Policy', VERIFY_PAGE_CSP).header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    try {
      return reply.send(verifyPageHtml(await verifyCopy(opts.ctx, (req.params as { token: string }).token)));
    } catch (e) {
      if (e instanceof NotFound) return reply.status(404).send(verifyNotFoundHtml(e.message));
      throw e;
    }
  });
}
