/**
 * HTTP face of the inventory: books (create, list, read, change) and their
 * pages (list, reorder, mark missing/blank, insert a placeholder).
 */
import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../auth/index.js';
import type { AppContext } from '../core/index.js';
import { IdParams, PageParams } from './book.schema.js';
import { bookView, createBook, getBook, listBooks, updateBook } from './books.service.js';
import { insertMissingPage, listPages, reorderPages, setPageStatus } from './pages.service.js';

export async function archiveRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const write = { preHandler: requirePermission('books.write') };
  app.get('/api/books', async () => listBooks(ctx));
  app.post('/api/books', write, async (req, reply) => reply.status(201).send(await createBook(ctx, req.body)));
  app.get('/api/books/:id', async (req) => bookView(await getBook(ctx, IdParams.parse(req.params).id)));
  app.patch('/api/books/:id', write, async (req) => updateBook(ctx, IdParams.parse(req.params).id, req.body));
  app.get('/api/books/:id/pages', async (req) => listPages(ctx, IdParams.parse(req.params).id));
  app.put('/api/books/:id/pages/order', write, async (req) => reorderPages(ctx, IdParams.parse(req.params).id, req.body));
  app.post('/api/books/:id/pages/missing', write, async (req) => insertMissingPage(ctx, IdParams.parse(req.params).id, req.body));
  app.patch('/api/books/:id/pages/:pageId', write, async (req) => {
    const { id, pageId } = PageParams.parse(req.params);
    return setPageStatus(ctx, id, pageId, req.body);
  });
}
