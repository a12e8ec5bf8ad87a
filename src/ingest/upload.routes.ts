/**
 * Resumable uploads (the tus protocol, @tus/server) at /api/uploads: a
 * browser or phone sends a file in chunks and resumes after a dropped
 * connection. Metadata must name the book (`bookId`) and the file
 * (`filename`). When the last chunk arrives the file is ingested into the
 * book and the answer carries the ingest summary as JSON; the partial upload
 * is then deleted.
 * Access, checked here before tus sees the request: creating an upload needs
 * scans.upload and a book in the caller's scope; the server writes the
 * caller's id into the upload's metadata (`ownerId`, whatever the client
 * sent), and only that user (or an admin) may resume, read or cancel it —
 * anyone else gets 404, as if the upload did not exist. The ingest at the end
 * runs as the owner, with her scope at that moment.
 * Several web processes: the partial uploads and the locks that keep two
 * requests from writing one upload live where every process reaches them
 * (upload-store.ts): in the S3 bucket with a lease row per upload in the
 * database when the blob store is S3, else in the shared uploads folder
 * (HOTICH_UPLOADS_DIR) with lock files beside them. So an upload begun on
 * one process is resumed and finished on another.
 */
import { Server, type DataStore, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getBook } from '../archive/index.js';
import { access, actorIdOf, contextOfUser, CREATE, on, type ActorContext } from '../auth/index.js';
import { isAppError, NotFound, type AppContext } from '../core/index.js';
import { ingestFiles } from './ingest.service.js';
import { uploadStorage, type UploadStorage } from './upload-store.js';

export const UPLOAD_PATH = '/api/uploads';
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const fail = (status: number, message: string) => ({ status_code: status, body: JSON.stringify({ error: { code: 'upload.invalid', message } }) });

function uploadServer(ctx: AppContext, storage: UploadStorage): Server {
  return new Server({
    path: UPLOAD_PATH,
    datastore: storage.store,
    locker: storage.locker,
    maxSize: MAX_UPLOAD_BYTES,
    // Location URLs follow X-Forwarded-* only when the app trusts a proxy (HOTICH_TRUST_PROXY), as req.protocol/req.host do.
    respectForwardedHeaders: ctx.config.trustProxy !== false,
    async onUploadCreate(_req, upload) {
      if (!upload.metadata?.filename) throw fail(400, 'Thiếu tên tệp (metadata "filename").');
      return {};
    },
    async onUploadFinish(_req, upload) {
      return { status_code: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await ingestUpload(ctx, storage, upload)) };
    },
  });
}

async function ingestUpload(ctx: AppContext, storage: UploadStorage, upload: Upload) {
  try {
    const owner = await contextOfUser(ctx, upload.metadata?.ownerId ?? null, 'upload');
    const bytes = await storage.read(upload.id);
    return await ingestFiles(owner, upload.metadata!.bookId!, [{ name: upload.metadata!.filename!, bytes }]);
  } catch (e) {
    throw isAppError(e) ? fail(400, e.message) : e;
  } finally {
    await storage.discard(upload.id);
  }
}

/** tus Upload-Metadata: comma-separated `key base64value` pairs. */
function parseMetadata(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key) out.set(key, value ? Buffer.from(value, 'base64').toString('utf8') : '');
  }
  return out;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A new upload: the book must be in the caller's scope; the metadata gets the caller as owner (a client-sent ownerId is dropped). */
async function admitCreate(req: FastifyRequest): Promise<void> {
  const meta = parseMetadata(req.headers['upload-metadata'] as string | undefined);
  const bookId = meta.get('bookId') ?? '';
  try {
    await getBook(req.ctx, bookId);
  } catch {
    throw new NotFound('upload.book_not_found', `Không tìm thấy quyển sổ "${bookId}" để nhận tệp tải lên.`);
  }
  meta.set('ownerId', actorIdOf(req.ctx.actor) ?? '');
  setRequestHeader(req, 'upload-metadata', [...meta].map(([k, v]) => (v === '' ? k : `${k} ${b64(v)}`)).join(','));
}

/** Replaces a header of the raw request in both of Node's views of it (tus reads rawHeaders). */
function setRequestHeader(req: FastifyRequest, name: string, value: string): void {
  req.raw.headers[name] = value;
  const raw = req.raw.rawHeaders;
  const at = raw.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name);
  if (at >= 0) raw[at + 1] = value;
  else raw.push(name, value);
}

/** An existing upload: only its owner (or an admin) may touch it. */
async function admitExisting(ctx: ActorContext, store: DataStore, id: string): Promise<void> {
  const notFound = new NotFound('upload.not_found', 'Không tìm thấy tệp đang tải lên này.');
  let upload: Upload;
  try {
    upload = await store.getUpload(id);
  } catch {
    throw notFound;
  }
  const mine = upload.metadata?.ownerId !== undefined && upload.metadata.ownerId === actorIdOf(ctx.actor);
  if (!mine && !(ctx.actor.kind === 'user' && ctx.actor.role === 'admin')) throw notFound;
}

export async function uploadRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  // Shared by every web process of the installation (the S3 bucket or HOTICH_UPLOADS_DIR): the upload's bytes and state live there, nowhere else.
  const storage = uploadStorage(opts.ctx);
  const tus = uploadServer(opts.ctx, storage);
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const handle = (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    void tus.handle(req.raw, reply.raw);
  };
  app.all(UPLOAD_PATH, access('scans.upload', CREATE), async (req, reply) => {
    if (req.method === 'POST') await admitCreate(req);
    handle(req, reply);
  });
  app.all(`${UPLOAD_PATH}/:uploadId`, access('scans.upload', on.upload('uploadId')), async (req, reply) => {
    await admitExisting(req.ctx, storage.store, (req.params as { uploadId: string }).uploadId);
    handle(req, reply);
  });
}
