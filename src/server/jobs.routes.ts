/**
 * HTTP: GET /api/jobs/:id — the state of a background job
 * ({ id, kind, status, result?, error?, progress? }); GET /api/jobs/:id/file —
 * the file the job made (a report, or the error report of a refused file:
 * core/job-file.ts), 404 while it has none. Only the user who asked
 * (payload.actorId) or an admin may see a job, and only while the job's book
 * (payload.bookId, when it has one) is in her scope; anyone else gets the
 * same 404 as for a job that does not exist.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorIdOf, isBookVisible, on } from '../auth/index.js';
import { attachment, getJob, jobFileOf, NotFound, type JobView } from '../core/index.js';

const JobParams = z.object({ id: z.string().regex(/^[0-9]{1,18}$/, 'Mã công việc không hợp lệ.') });

const field = (payload: unknown, key: string): unknown => (typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined);

/** The job as its owner sees it (without its payload); the same 404 as an absent job for anyone else. */
async function ownJob(req: FastifyRequest): Promise<JobView> {
  const { actor, store } = req.ctx;
  const { payload, ...view } = await getJob(req.ctx, JobParams.parse(req.params).id);
  const notFound = new NotFound('job.not_found', `Không tìm thấy công việc #${view.id}.`, { id: view.id });
  const owner = (actor.kind === 'user' && actor.role === 'admin') || field(payload, 'actorId') === actorIdOf(actor);
  if (!owner) throw notFound;
  const bookId = field(payload, 'bookId');
  if (typeof bookId === 'string' && !(await isBookVisible(store.db, actor, bookId))) throw notFound;
  return view;
}

export async function jobsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/jobs/:id', access('signed-in', on.job()), async (req): Promise<JobView> => ownJob(req));
  app.get('/api/jobs/:id/file', access('signed-in', on.job()), async (req, reply) => {
    const view = await ownJob(req);
    const file = jobFileOf(view);
    if (!file) throw new NotFound('job.no_file', `Công việc #${view.id} chưa có tệp kết quả.`, { id: view.id });
    const name = file.name.replace(/[^\x20-\x7e]|"/g, '_');
    return reply
      .type(file.contentType)
      .header('content-disposition', attachment(name))
      .send(await req.ctx.blobs.get(file.sha256));
  });
}
