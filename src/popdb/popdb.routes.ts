/**
 * HTTP face of the population-DB comparison. Every route declares its
 * permission and target; scope is enforced in the queries (popdb.repo).
 * POST /api/popdb/imports takes the returned file as the raw body with
 * ?filename=… and answers 202 { jobId } (GET /api/jobs/:id follows it; its
 * result is the batch). Batches, their error report and correction list;
 * the conflict queue and the officer's decision. GET /api/popdb/progress
 * ?unitId= answers ComparisonProgressView (the campaign dashboard's panel:
 * the unit and the units below it, sent / returned / by class / decided /
 * open, within the reader's scope).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, CREATE, LIST, on } from '../auth/index.js';
import { Invalid, parseWith } from '../core/index.js';
import { correctionsXlsx, getBatch, getBatchErrorReport, listPopdbBatches } from './popdb-batches.service.js';
import { decideConflict, getConflict, listConflicts } from './popdb-conflicts.service.js';
import { startPopdbImport } from './popdb-job.js';
import { comparisonProgress } from './popdb-progress.service.js';
import { MAX_FILE_BYTES } from './popdb-read.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BODY_TYPES = ['application/octet-stream', 'text/csv', XLSX_MIME, 'application/vnd.ms-excel'];
const ImportQuery = z.object({ filename: z.string({ message: 'Cần tên tệp (?filename=…).' }).trim().min(1, 'Cần tên tệp (?filename=…).').max(255, 'Tên tệp tối đa 255 ký tự.') });
const ProgressQuery = z.object({ unitId: z.string().min(3, 'Mã đơn vị không hợp lệ.').max(100, 'Mã đơn vị không hợp lệ.').optional() });
const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const id = (params: unknown) => parseWith(IdParams, params, 'popdb.invalid').id;

/** RFC 6266 attachment with an ASCII fallback and the UTF-8 name. */
const attachment = (name: string) =>
  `attachment; filename="${name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function popdbRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(BODY_TYPES, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
  const read = access('popdb.compare', on.popdb_batch());
  app.post('/api/popdb/imports', { ...access('popdb.compare', CREATE), bodyLimit: MAX_FILE_BYTES }, async (req, reply) => {
    const q = parseWith(ImportQuery, req.query, 'popdb.invalid');
    if (!Buffer.isBuffer(req.body)) throw new Invalid('popdb.no_body', 'Cần gửi nội dung tệp (Content-Type: application/octet-stream) cùng tên tệp (?filename=…).', 'file');
    return reply.status(202).send(await startPopdbImport(req.ctx, { fileName: q.filename, bytes: req.body }));
  });
  app.get('/api/popdb/batches', access('popdb.compare', LIST), async (req) => listPopdbBatches(req.ctx));
  app.get('/api/popdb/batches/:id', read, async (req) => getBatch(req.ctx, id(req.params)));
  app.get('/api/popdb/batches/:id/error-report.xlsx', read, async (req, reply) => {
    const { name, bytes } = await getBatchErrorReport(req.ctx, id(req.params));
    return reply.type(XLSX_MIME).header('Content-Disposition', attachment(name)).send(bytes);
  });
  app.get('/api/popdb/batches/:id/corrections.xlsx', read, async (req, reply) => {
    const { name, bytes } = await correctionsXlsx(req.ctx, id(req.params));
    return reply.type(XLSX_MIME).header('Content-Disposition', attachment(name)).send(bytes);
  });
  app.get('/api/popdb/progress', access('popdb.compare', LIST), async (req) => comparisonProgress(req.ctx, parseWith(ProgressQuery, req.query, 'popdb.invalid')));
  app.get('/api/popdb/conflicts', access('popdb.compare', LIST), async (req) => listConflicts(req.ctx, req.query as Record<string, string>));
  app.get('/api/popdb/conflicts/:id', access('popdb.compare', on.popdb_row()), async (req) => getConflict(req.ctx, id(req.params)));
  app.post('/api/popdb/conflicts/:id/decide', access('popdb.decide', on.popdb_row()), async (req) => decideConflict(req.ctx, id(req.params), req.body as never));
}
