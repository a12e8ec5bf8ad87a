/**
 * HTTP face of keying: records of a book (create, list), one record (read,
 * save, complete, reopen, history). Errors are the typed errors of the
 * services; the server maps them to HTTP. The acting user comes from the
 * auth layer when present (req.user).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission } from '../auth/index.js';
import type { AppContext } from '../core/index.js';
import { IdParams } from './entry.schema.js';
import { completeRecord, createRecord, reopenRecord, saveRecord } from './keying.service.js';
import { getRecordView, listBookRecords, recordHistory } from './records.service.js';

/** The signed-in user's id, once the auth module sets req.user. */
const actorOf = (req: FastifyRequest) => (req as { user?: { id: string } }).user?.id;

const idOf = (req: FastifyRequest) => IdParams.parse(req.params).id;

/**
 * The JSON body with the id of the path and the acting user laid over it (a
 * client cannot choose either); the service validates the whole with Zod.
 */
function inputOf<T>(req: FastifyRequest, idKey: 'bookId' | 'recordId'): T {
  const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
  return { ...body, [idKey]: idOf(req), actorId: actorOf(req) } as T;
}

export async function entryRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const key = { preHandler: requirePermission('records.key') };
  app.post('/api/books/:id/records', key, async (req, reply) => reply.status(201).send(await createRecord(ctx, inputOf(req, 'bookId'))));
  app.get('/api/books/:id/records', async (req) => listBookRecords(ctx, idOf(req)));
  app.get('/api/records/:id', async (req) => getRecordView(ctx, idOf(req)));
  app.put('/api/records/:id', key, async (req) => saveRecord(ctx, inputOf(req, 'recordId')));
  app.post('/api/records/:id/complete', key, async (req) => completeRecord(ctx, inputOf(req, 'recordId')));
  app.post('/api/records/:id/reopen', key, async (req) => reopenRecord(ctx, inputOf(req, 'recordId')));
  app.get('/api/records/:id/history', async (req) => recordHistory(ctx, idOf(req)));
}
