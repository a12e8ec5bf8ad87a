/**
 * HTTP of linkage: the candidate queue (within the reviewer's scope: both
 * records' books), one candidate with its explanation, a decision on it, and
 * queuing a run for a unit (a job: GET /api/jobs/:id shows its progress).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access, CREATE, LIST, on } from '../auth/index.js';
import { decideCandidate, getCandidate, listCandidates, startLinkage } from './linkage.service.js';

const Id = z.object({ id: z.string() });

export async function linkageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/linkage/candidates', access('records.review', LIST), async (req) => listCandidates(req.ctx, req.query));
  app.get('/api/linkage/candidates/:id', access('records.review', on.link_candidate()), async (req) => getCandidate(req.ctx, Id.parse(req.params).id));
  app.post('/api/linkage/candidates/:id/decision', access('records.review', on.link_candidate()), async (req) => decideCandidate(req.ctx, Id.parse(req.params).id, req.body));
  app.post('/api/linkage/runs', access('records.review', CREATE), async (req, reply) => reply.status(202).send(await startLinkage(req.ctx, req.body)));
}
