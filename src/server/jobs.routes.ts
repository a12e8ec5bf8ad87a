/**
 * HTTP: GET /api/jobs/:id — the state of a background job
 * ({ id, kind, status, result?, error? }). Only the user who asked
 * (payload.actorId) or an admin may see it; anyone else gets the same 404 as
 * for a job that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getJob, NotFound, type AppContext, type JobView } from '../core/index.js';

const JobParams = z.object({ id: z.string().regex(/^[0-9]{1,18}$/, 'Mã công việc không hợp lệ.') });

const actorOf = (payload: unknown): unknown => (typeof payload === 'object' && payload !== null ? (payload as { actorId?: unknown }).actorId : undefined);

export async function jobsRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  app.get('/api/jobs/:id', async (req): Promise<JobView> => {
    const { payload, ...view } = await getJob(opts.ctx, JobParams.parse(req.params).id);
    const mine = req.user !== undefined && (req.user.role === 'admin' || actorOf(payload) === req.user.id);
    if (!mine) throw new NotFound('job.not_found', `Không tìm thấy công việc #${view.id}.`, { id: view.id });
    return view;
  });
}
