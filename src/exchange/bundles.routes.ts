/** HTTP: one registration's PDF, and the zip of a book's registration PDFs (streamed). */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, on } from '../auth/index.js';
import { bookZipDownload, recordPdf, writeBookPdfZip } from './bundles.service.js';
import { attachment } from '../core/index.js';

const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

/** Bulk personal data: records.download (admin, planner, officer), in scope, logged. */
export async function bundlesRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/records/:id/pdf', access('records.download', on.record()), async (req, reply) => {
    const { name, pdf } = await recordPdf(req.ctx, IdParams.parse(req.params).id);
    return reply.type('application/pdf').header('Content-Disposition', attachment(name)).header('Cache-Control', 'private, no-store').send(pdf);
  });
  app.get('/api/books/:id/registrations.zip', access('records.download', on.book()), async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const name = await bookZipDownload(req.ctx, id);
    const stream = new PassThrough();
    writeBookPdfZip(req.ctx, id, stream).catch((e: Error) => {
      req.ctx.log.error('zip failed', { bookId: id, message: e.message });
      stream.destroy(e);
    });
    return reply.type('application/zip').header('Content-Disposition', attachment(name)).header('Cache-Control', 'private, no-store').send(stream);
  });
}
