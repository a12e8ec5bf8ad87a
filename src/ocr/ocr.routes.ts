/**
 * HTTP of the OCR stage: start reading a book's pages (a job: 202 and its id),
 * the OCR state of a book's pages, the officer's "handwritten" mark on a page
 * (books.write; the page then goes to people only), the machine's reading of the
 * registration a keyer opens (pre-fill), machine accuracy per field kind of a
 * book, and re-setting the thresholds from measured accuracy (a job: 202 and
 * its id; GET /api/jobs/:id gives its progress and, done, { kinds }).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, NONE, on } from '../auth/index.js';
import { parseWith } from '../core/index.js';
import { calibrate } from './thresholds.js';
import { bookOcrPages, currentThresholds, machineSamples, markHandwritten, prefillFor, startBookOcr, startRecalibration } from './ocr.service.js';
import { getBook } from '../archive/index.js';

const Id = z.object({ id: z.string() });
const PageParams = z.object({ id: z.string(), pageId: z.string() });
const Mark = z.object({ handwritten: z.boolean({ message: 'handwritten phải là true hoặc false.' }) });
const Start = z.object({ pageIds: z.array(z.uuid('Mã trang không hợp lệ.')).optional() }).default({});

export async function ocrRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/books/:id/ocr', access('scans.upload', on.book('id')), async (req, reply) => {
    const book = await getBook(req.ctx, Id.parse(req.params).id);
    const body = parseWith(Start, req.body ?? {}, 'ocr.invalid');
    return reply.status(202).send(await startBookOcr(req.ctx, book.id, body.pageIds));
  });
  app.get('/api/books/:id/ocr/pages', access('books.read', on.book('id')), async (req) => bookOcrPages(req.ctx, Id.parse(req.params).id));
  app.put('/api/books/:id/pages/:pageId/handwritten', access('books.write', on.book('id')), async (req, reply) => {
    const p = PageParams.parse(req.params);
    await markHandwritten(req.ctx, p.id, p.pageId, parseWith(Mark, req.body, 'ocr.invalid').handwritten);
    return reply.status(204).send();
  });
  app.get('/api/records/:id/ocr', access('records.read', on.record('id')), async (req) => prefillFor(req.ctx, Id.parse(req.params).id));
  app.get('/api/books/:id/ocr/accuracy', access('records.review', on.book('id')), async (req) => {
    const book = await getBook(req.ctx, Id.parse(req.params).id);
    const thresholds = await currentThresholds(req.ctx);
    return { bookId: book.id, kinds: calibrate(await machineSamples(req.ctx, book.id)).map((k) => ({ ...k, threshold: thresholds[k.kind], suggested: k.threshold })) };
  });
  app.post('/api/ocr/thresholds', access('qc.plan', NONE), async (req, reply) => reply.status(202).send(await startRecalibration(req.ctx)));
}
