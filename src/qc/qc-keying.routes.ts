/**
 * HTTP face of the keying side of QC: the book's QC mode, keying passes
 * (claim, work queue, completion + comparison), arbitration, peer review and
 * book checks. The acting user is always the request's context (req.ctx),
 * never the body; each route declares its gate and target.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, LIST, on } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { assertCanWrite, findRecord, getRecordView } from '../entry/index.js';
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
const disagreementOf = (req: FastifyRequest) => DisagreementParams.parse(req.params).id;
const bodyOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

/** The pass of the path, when the caller may write it (in scope, and her own). */
async function ownPass(req: FastifyRequest): Promise<RecordRow> {
  const row = await findRecord(req.ctx.store.db, req.ctx.actor, idOf(req));
  if (!row || row.keying_of === null) throw new NotFound('qc.pass_not_found', `Không tìm thấy lần nhập độc lập ${idOf(req)}.`);
  await assertCanWrite(req.ctx.store.db, req.ctx.actor, row);
  return row;
}

export async function qcKeyingRoutes(app: FastifyInstance): Promise<void> {
  const book = on.book();
  app.get('/api/books/:id/qc-mode', access('books.read', book), async (req) => getQcSetting(req.ctx, idOf(req)));
  app.put('/api/books/:id/qc-mode', access('qc.plan', book), async (req) => setQcMode(req.ctx, { ...bodyOf(req), bookId: idOf(req) } as never));

  app.get('/api/books/:id/keying-queue', access('records.key', book), async (req) => keyingQueue(req.ctx, idOf(req)));
  app.post('/api/records/:id/keyings', access('records.key', on.record()), async (req) => claimPass(req.ctx, { ...bodyOf(req), registrationId: idOf(req) } as never));
  app.get('/api/qc/passes/:id/fields', access('records.key', on.pass()), async (req) => ({ fields: await passFields(req.ctx, await getRecordView(req.ctx, (await ownPass(req)).id)) }));
  app.post('/api/qc/passes/:id/complete', access('records.key', on.pass()), async (req) => completePass(req.ctx, { ...bodyOf(req), recordId: (await ownPass(req)).id } as never));
  app.post('/api/books/:id/compare', access('qc.arbitrate', book), async (req) => compareBook(req.ctx, idOf(req)));

  app.get('/api/qc/arbitration/next', access('qc.arbitrate', LIST), async (req) => nextArbitration(req.ctx, NextQuery.parse(req.query).bookId));
  app.get('/api/qc/disagreements/:id', access('qc.arbitrate', on.disagreement()), async (req) => getArbitrationItem(req.ctx, disagreementOf(req)));
  app.post('/api/qc/disagreements/:id/decide', access('qc.arbitrate', on.disagreement()), async (req) => decide(req.ctx, { ...bodyOf(req), disagreementId: disagreementOf(req) } as never));

  app.get('/api/books/:id/review-queue', access('records.review', book), async (req) => reviewQueue(req.ctx, idOf(req)));
  app.post('/api/records/:id/verify', access('records.review', on.record()), async (req) => verifyRecord(req.ctx, { ...bodyOf(req), recordId: idOf(req) } as never));

  app.get('/api/books/:id/checks', access('books.read', book), async (req) => getBookChecks(req.ctx, idOf(req)));
  app.post('/api/books/:id/checks', access('records.review', book), async (req) => resolveBookCheck(req.ctx, { ...bodyOf(req), bookId: idOf(req) } as never));
}
