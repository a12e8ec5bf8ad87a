/** HTTP face of search: GET /api/search?q=…&type=&year=&from=&to=&unit=&so=&limit= (a list within the caller's view). */
import type { FastifyInstance } from 'fastify';
import { access, LIST } from '../auth/index.js';
import { searchPeople } from './search.service.js';
import type { SearchInput } from './search.schema.js';

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/search', access(['records.read', 'extracts.issue'], LIST), async (req) => searchPeople(req.ctx, req.query as SearchInput));
}
