/**
 * HTTP face of keying: records of a book (create, list), one record (read,
 * save, complete, reopen, history). Errors are the typed errors of the
 * services; the server maps them to HTTP. The acting user comes from the
 * auth layer when present (req.user). A keying pass (src/qc) is read and
 * written by its keyer only (record-access). The server may hand in an
 * EntryPolicy (the qc module's): it then decides how a record is created in
 * a book and may refuse writes to a record; entry itself knows no QC mode.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission } from '../auth/index.js';
import type { AppContext } from '../core/index.js';
import { IdParams, type CreateRecordInput } from './entry.schema.js';
import { completeRecord, createRecord, reopenRecord, saveRecord } from './keying.service.js';
import { assertCanWrite, type Viewer } from './record-access.js';
import type { RecordView } from './record-view.js';
import { recordNotFound } from './record-writer.js';
import { findRecord } from './records.repo.js';
import { getRecordView, listBookRecords, recordHistory } from './records.service.js';
import type { RecordRow } from '../store/index.js';

export type WriteOp = 'save' | 'complete' | 'reopen';

export interface EntryPolicy {
  /** Replaces createRecord for POST /api/books/:id/records (e.g. a double-keyed book: a registration and the caller's pass A). */
  createRecord?(ctx: AppContext, input: CreateRecordInput): Promise<RecordView>;
  /** Runs before a save, completion or reopening of `row` by `viewer` through entry's routes; throw to refuse. */
  beforeWrite?(ctx: AppContext, row: RecordRow, viewer: Viewer | undefined, op: WriteOp): Promise<void>;
}

/** The signed-in user's id, once the auth module sets req.user. */
const actorOf = (req: FastifyRequest) => (req as { user?: { id: string } }).user?.id;
const viewerOf = (req: FastifyRequest): Viewer | undefined => req.user && { id: req.user.id, role: req.user.role };

const idOf = (req: FastifyRequest) => IdParams.parse(req.params).id;

/**
 * The JSON body with the id of the path and the acting user laid over it (a
 * client cannot choose either); the service validates the whole with Zod.
 */
function inputOf<T>(req: FastifyRequest, idKey: 'bookId' | 'recordId'): T {
  const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
  return { ...body, [idKey]: idOf(req), actorId: actorOf(req) } as T;
}

export async function entryRoutes(app: FastifyInstance, opts: { ctx: AppContext; policy?: EntryPolicy }): Promise<void> {
  const { ctx, policy = {} } = opts;
  const key = { preHandler: requirePermission('records.key') };
  const create = policy.createRecord ?? createRecord;
  /** Refuses a write the viewer may not make (someone else's pass, or the policy's rule). */
  const writable = async (req: FastifyRequest, op: WriteOp): Promise<void> => {
    const row = await findRecord(ctx.store.db, idOf(req));
    if (!row) throw recordNotFound(idOf(req));
    await assertCanWrite(ctx, row, viewerOf(req));
    await policy.beforeWrite?.(ctx, row, viewerOf(req), op);
  };
  app.post('/api/books/:id/records', key, async (req, reply) => reply.status(201).send(await create(ctx, inputOf(req, 'bookId'))));
  app.get('/api/books/:id/records', async (req) => listBookRecords(ctx, idOf(req)));
  app.get('/api/records/:id', async (req) => getRecordView(ctx, idOf(req), viewerOf(req)));
  app.put('/api/records/:id', key, async (req) => (await writable(req, 'save'), saveRecord(ctx, inputOf(req, 'recordId'))));
  app.post('/api/records/:id/complete', key, async (req) => (await writable(req, 'complete'), completeRecord(ctx, inputOf(req, 'recordId'))));
  app.post('/api/records/:id/reopen', key, async (req) => (await writable(req, 'reopen'), reopenRecord(ctx, inputOf(req, 'recordId'))));
  app.get('/api/records/:id/history', async (req) => recordHistory(ctx, idOf(req), viewerOf(req)));
}
