/** HTTP face of the home pages: GET /api/home → HomeView (home.service.ts), within the caller's scope. */
import type { FastifyInstance } from 'fastify';
import { access, LIST } from '../auth/index.js';
import { getHome } from './home.service.js';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/home', access('books.read', LIST), async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return getHome(req.ctx);
  });
}
