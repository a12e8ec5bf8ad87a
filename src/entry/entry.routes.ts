/**
 * HTTP face of keying: records of a book (create, list in windows), one record (read,
 * save, complete, reopen, history). Errors are the typed errors of the
 * services; the server maps them to HTTP. The acting user is the request's
 * context (req.ctx); the services check her permission and scope inside
 * their transactions. The server may hand in an EntryPolicy (the qc
 * module's): it then decides how a record is created in a book and guards
 * writes to a record (run on the locked row); entry itself knows no QC mode.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access, on, type ActorContext } from '../auth/index.js';
import { IdParams, type CreateRecordInput } from './entry.schema.js';
import { completeRecord, createRecord, reopenRecord, saveRecord, type WriteGuard } from './keying.service.js';
import type { RecordView } from './record-view.js';
import { getRecordView, listBookRecordsPage, recordHistory } from './records.service.js';
import { bookHistory, recordTimeline } from './history.service.js';

export interface EntryPolicy {
  /** Replaces createRecord for POST /api/books/:id/records (e.g. a double-keyed book: a registration and the caller's pass A). */
  createRecord?(ctx: ActorContext, input: CreateRecordInput): Promise<RecordView>;
  /** Runs on the locked record inside a save, completion or reopening through entry's routes; throw to refuse. */
  guardWrite?: WriteGuard;
}

const idOf = (req: FastifyRequest) => IdParams.parse(req.params).id;

/** The JSON body with the id of the path laid over it (a client cannot choose it); the service validates the whole with Zod. */
function inputOf<T>(req: FastifyRequest, idKey: 'bookId' | 'recordId'): T {
  const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
  return { ...body, [idKey]: idOf(req) } as T;
}

export async function entryRoutes(app: FastifyInstance, opts: { policy?: EntryPolicy }): Promise<void> {
  const { policy = {} } = opts;
  const create = policy.createRecord ?? createRecord;
  const guarded = { guard: policy.guardWrite };
  const record = on.record();
  app.post('/api/books/:id/records', access('records.key', on.book()), async (req, reply) => reply.status(201).send(await create(req.ctx, inputOf(req, 'bookId'))));
  app.get('/api/books/:id/records', access('records.read', on.book()), async (req) => listBookRecordsPage(req.ctx, idOf(req), req.query));
  app.get('/api/records/:id', access('records.read', record), async (req) => getRecordView(req.ctx, idOf(req)));
  app.put('/api/records/:id', access(['records.key', 'records.review'], record), async (req) => saveRecord(req.ctx, inputOf(req, 'recordId'), guarded));
  app.post('/api/records/:id/complete', access('records.key', record), async (req) => completeRecord(req.ctx, inputOf(req, 'recordId'), guarded));
  app.post('/api/records/:id/reopen', access(['records.key', 'records.review'], record), async (req) => reopenRecord(req.ctx, inputOf(req, 'recordId'), guarded));
  app.get('/api/records/:id/history', access('records.read', record), async (req) => recordHistory(req.ctx, idOf(req)));
  // History panels (who, when, what, why): the book's (its entity actions + corrections of its registrations) and one registration's.
  app.get('/api/books/:id/history', access('books.read', on.book()), async (req) => bookHistory(req.ctx, idOf(req)));
  app.get('/api/records/:id/timeline', access('records.read', record), async (req) => recordTimeline(req.ctx, idOf(req)));
}
