/** HTTP: one registration's PDF, and the zip of a book's registration PDFs (streamed). */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bookView, getBook } from '../archive/index.js';
import type { AppContext } from '../core/index.js';
import { bookFilePrefix, recordPdf, writeBookPdfZip } from './bundles.service.js';
import { attachment } from './attachment.js';

const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

export async function bundlesRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.get('/api/records/:id/pdf', async (req, reply) => {
    const { name, pdf } = await recordPdf(ctx, IdParams.parse(req.params).id);
    return reply.type('application/pdf').header('Content-Disposition', attachment(name)).send(pdf);
  });
  app.get('/api/books/:id/registrations.zip', async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const book = bookView(await getBook(ctx, id));
    const stream = new PassThrough();
    writeBookPdfZip(ctx, id, stream).catch((e: Error) => {
      ctx.log.error('zip failed', { bookId: id, message: e.message });
      stream.destroy(e);
    });
    return reply.type('application/zip').header('Content-Disposition', attachment(`${bookFilePrefix(ctx, book)}.zip`)).send(stream);
  });
}
