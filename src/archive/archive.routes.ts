/**
 * HTTP face of the inventory: books (create, list, read, change) and their
 * pages (list, reorder, mark missing/blank, insert a placeholder). Each route
 * declares its gate and target; the services keep to the caller's scope.
 */
import type { FastifyInstance } from 'fastify';
import { access, CREATE, LIST, on } from '../auth/index.js';
import { IdParams, PageParams } from './book.schema.js';
import { createBook, describeBook, getBook, listBooks, updateBook } from './books.service.js';
import { insertMissingPage, listPages, reorderPages, setPageStatus } from './pages.service.js';

export async function archiveRoutes(app: FastifyInstance): Promise<void> {
  const book = on.book();
  app.get('/api/books', access('books.read', LIST), async (req) => listBooks(req.ctx, req.query));
  app.post('/api/books', access('books.write', CREATE), async (req, reply) => reply.status(201).send(await createBook(req.ctx, req.body)));
  app.get('/api/books/:id', access('books.read', book), async (req) => describeBook(req.ctx, await getBook(req.ctx, IdParams.parse(req.params).id)));
  app.patch('/api/books/:id', access('books.write', book), async (req) => updateBook(req.ctx, IdParams.parse(req.params).id, req.body));
  app.get('/api/books/:id/pages', access('books.read', book), async (req) => listPages(req.ctx, IdParams.parse(req.params).id));
  app.put('/api/books/:id/pages/order', access('books.write', book), async (req) => reorderPages(req.ctx, IdParams.parse(req.params).id, req.body));
  app.post('/api/books/:id/pages/missing', access('books.write', book), async (req) => insertMissingPage(req.ctx, IdParams.parse(req.params).id, req.body));
  app.patch('/api/books/:id/pages/:pageId', access('books.write', book), async (req) => {
    const { id, pageId } = PageParams.parse(req.params);
    return setPageStatus(req.ctx, id, pageId, req.body);
  });
}
