/**
 * HTTP: exporting a book to the MoJ (queued as a background job: 202 with
 * the job id, followed at GET /api/jobs/:id), listing its exports,
 * downloading their files (streamed from the blob store) and signing off the
 * warnings report.
 * Exporting and downloading need exports.download; the report may also be
 * downloaded, and signed off, by a reviewer (records.review).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, on } from '../auth/index.js';
import { attachment, NAME_CASES } from '../core/index.js';
import { startExport } from './export-job.js';
import { listExports, openExportFile, signOffExport } from './export-signoff.service.js';

const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const FileParams = z.object({ id: z.uuid('Mã lần xuất không hợp lệ.'), name: z.string().min(1).max(300) });
const ExportInput = z.object({
  nameCase: z.enum(NAME_CASES, { message: 'Kiểu chữ họ tên phải là title, upper hoặc keep.' }).optional(),
  namePattern: z.string().max(200, 'Mẫu tên tệp tối đa 200 ký tự.').optional(),
});
const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  report: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  manifest: 'application/json; charset=utf-8',
} as const;

export async function exportsRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/books/:id/exports', access('exports.download', on.book()), async (req, reply) => {
    const input = ExportInput.parse(req.body ?? {});
    return reply.status(202).send(await startExport(req.ctx, { ...input, bookId: IdParams.parse(req.params).id }));
  });
  app.get('/api/books/:id/exports', access('books.read', on.book()), async (req) => listExports(req.ctx, IdParams.parse(req.params).id));
  app.post('/api/exports/:id/sign-off', access('records.review', on.export()), async (req) => signOffExport(req.ctx, IdParams.parse(req.params).id, req.body));
  // The report may be read by a reviewer; the data files need exports.download (checked by openExportFile).
  app.get('/api/exports/:id/files/:name', access(['exports.download', 'records.review'], on.export()), async (req, reply) => {
    const { id, name } = FileParams.parse(req.params);
    const file = await openExportFile(req.ctx, id, name);
    return reply
      .type(CONTENT_TYPES[file.kind])
      .header('Content-Length', file.bytes)
      .header('Content-Disposition', attachment(file.name))
      .header('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
      .header('Cache-Control', 'private, no-store')
      .send(file.open());
  });
}
