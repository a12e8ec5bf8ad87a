/**
 * HTTP face of the keying side of QC: the book's QC mode, keying passes
 * (claim, work queue, completion + comparison), arbitration, peer review and
 * book checks. The acting user always comes from the session (req.user),
 * never from the body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requirePermission } from '../auth/index.js';
import { NotFound, type AppContext } from '../core/index.js';
import { assertCanWrite, findRecord, getRecordView, type Viewer } from '../entry/index.js';
import type { RecordRow } from '../store/index.js';
import { decide, getArbitrationItem, nextArbitration } from './arbitration.service.js';
import { getBookChecks, resolveBookCheck } from './book-checks.service.js';
import { compareBook } from './compare.service.js';
import { claimPass, completePass, keyingQueue, passFields } from './passes.service.js';
import { getQcSetting, setQcMode } from './qc-mode.js';
import { reviewQueue, verifyRecord } from './review.service.js';

const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const DisagreementParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'Mã điểm khác biệt không hợp lệ.') });
const NextQuery = z.object({ bookId: z.uuid('Mã sổ không hợp lệ.').optional() });

const idOf = (req: FastifyRequest) => IdParams.parse(req.params).id;
/** The signed-in user (the auth hook guarantees one on /api routes). */
const userOf = (req: FastifyRequest): Viewer => ({ id: req.user!.id, role: req.user!.role });
const bodyOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

export async function qcKeyingRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const perm = (p: Parameters<typeof requirePermission>[0]) => ({ preHandler: requirePermission(p) });

  app.get('/api/books/:id/qc-mode', async (req) => getQcSetting(ctx, idOf(req)));
  app.put('/api/books/:id/qc-mode', perm('qc.plan'), async (req) => setQcMode(ctx, { ...bodyOf(req), bookId: idOf(req), actorId: userOf(req).id } as never));

  app.get('/api/books/:id/keying-queue', perm('records.key'), async (req) => keyingQueue(ctx, idOf(req), userOf(req).id));
  app.post('/api/records/:id/keyings', perm('records.key'), async (req) =>
    claimPass(ctx, { ...bodyOf(req), registrationId: idOf(req), actorId: userOf(req).id } as never));
  /** The pass of the path, when the caller may write it (entry's record-access rule). */
  const ownPass = async (req: FastifyRequest): Promise<RecordRow> => {
    const row = await findRecord(ctx.store.db, idOf(req));
    if (!row || row.keying_of === null) throw new NotFound('qc.pass_not_found', `Không tìm thấy lần nhập độc lập ${idOf(req)}.`);
    await assertCanWrite(ctx, row, userOf(req));
    return row;
  };
  app.get('/api/qc/passes/:id/fields', perm('records.key'), async (req) => ({ fields: await passFields(ctx, await getRecordView(ctx, (await ownPass(req)).id)) }));
  app.post('/api/qc/passes/:id/complete', perm('records.key'), async (req) =>
    completePass(ctx, { ...bodyOf(req), recordId: (await ownPass(req)).id, actorId: userOf(req).id } as never));
  app.post('/api/books/:id/compare', perm('qc.arbitrate'), async (req) => compareBook(ctx, idOf(req)));

  app.get('/api/qc/arbitration/next', perm('qc.arbitrate'), async (req) => nextArbitration(ctx, userOf(req).id, NextQuery.parse(req.query).bookId));
  app.get('/api/qc/disagreements/:id', perm('qc.arbitrate'), async (req) => getArbitrationItem(ctx, DisagreementParams.parse(req.params).id, userOf(req).id));
  app.post('/api/qc/disagreements/:id/decide', perm('qc.arbitrate'), async (req) =>
    decide(ctx, { ...bodyOf(req), disagreementId: DisagreementParams.parse(req.params).id, actorId: userOf(req).id } as never));

  app.get('/api/books/:id/review-queue', perm('records.review'), async (req) => reviewQueue(ctx, idOf(req)));
  app.post('/api/records/:id/verify', perm('records.review'), async (req) => verifyRecord(ctx, { ...bodyOf(req), recordId: idOf(req), actorId: userOf(req).id } as never));

  app.get('/api/books/:id/checks', async (req) => getBookChecks(ctx, idOf(req)));
  app.post('/api/books/:id/checks', perm('records.review'), async (req) =>
    resolveBookCheck(ctx, { ...bodyOf(req), bookId: idOf(req), actorId: userOf(req).id } as never));
}
