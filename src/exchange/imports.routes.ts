/**
 * HTTP face of the import. POST /api/imports takes the file as the raw body
 * (Content-Type application/octet-stream, text/csv or the xlsx type) with
 * ?filename=…[&bookId=…][&fixEncoding=1]; after the cheap checks (a table
 * file, the book in scope, not imported before: the usual typed errors
 * 400/404/409) it stores the file and answers 202 { jobId }. GET
 * /api/jobs/:id follows the job (progress: rows read, checked, written); its
 * result is the import (status imported, or failed with errorReportUrl).
 * GET /api/imports/:id and /api/imports/:id/error-report.xlsx read them back.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, CREATE, on } from '../auth/index.js';
import { attachment, Invalid } from '../core/index.js';
import { getImport, getImportErrorReport } from './import.service.js';
import { startImport } from './import-job.js';
import { IMPORT_LIMITS } from './import-zip.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BODY_TYPES = ['application/octet-stream', 'text/csv', XLSX_MIME, 'application/vnd.ms-excel'];

const ImportQuery = z.object({
  filename: z.string({ message: 'Cần tên tệp (?filename=…).' }).trim().min(1, 'Cần tên tệp (?filename=…).').max(255, 'Tên tệp tối đa 255 ký tự.'),
  bookId: z
    .uuid('Mã quyển sổ không hợp lệ.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** 1: apply the legacy-font and look-alike conversions the error report offered. */
  fixEncoding: z.enum(['0', '1'], { message: 'fixEncoding phải là 0 hoặc 1.' }).optional(),
});
const IdParams = z.object({ id: z.uuid('Mã lần nhập không hợp lệ.') });

export async function importsRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(BODY_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.fileBytes }, (_req, body, done) => done(null, body));
  const read = access('records.read', on.import());
  app.post('/api/imports', { ...access('imports.run', CREATE), bodyLimit: IMPORT_LIMITS.fileBytes }, async (req, reply) => {
    const q = ImportQuery.parse(req.query);
    if (!Buffer.isBuffer(req.body)) throw new Invalid('import.no_body', 'Cần gửi nội dung tệp (Content-Type: application/octet-stream) cùng tên tệp (?filename=…).', 'file');
    const started = await startImport(req.ctx, { fileName: q.filename, bytes: req.body, bookId: q.bookId, fixEncoding: q.fixEncoding === '1' });
    return reply.status(202).send(started);
  });
  app.get('/api/imports/:id', read, async (req) => getImport(req.ctx, IdParams.parse(req.params).id));
  app.get('/api/imports/:id/error-report.xlsx', read, async (req, reply) => {
    const { name, bytes } = await getImportErrorReport(req.ctx, IdParams.parse(req.params).id);
    return reply.type(XLSX_MIME).header('Content-Disposition', attachment(name)).send(bytes);
  });
}
