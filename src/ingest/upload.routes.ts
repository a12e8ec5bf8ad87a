/**
 * Resumable uploads (the tus protocol, @tus/server) at /api/uploads: a
 * browser or phone sends a file in chunks and resumes after a dropped
 * connection. Metadata must name the book (`bookId`) and the file
 * (`filename`). When the last chunk arrives the file is ingested into the
 * book and the answer carries the ingest summary as JSON; the partial upload
 * is then deleted.
 */
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getBook } from '../archive/index.js';
import { requirePermission } from '../auth/index.js';
import { isAppError, type AppContext } from '../core/index.js';
import { ingestFiles } from './ingest.service.js';

export const UPLOAD_PATH = '/api/uploads';
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const fail = (status: number, message: string) => ({ status_code: status, body: JSON.stringify({ error: { code: 'upload.invalid', message } }) });

function uploadServer(ctx: AppContext, dir: string): Server {
  return new Server({
    path: UPLOAD_PATH,
    datastore: new FileStore({ directory: dir }),
    maxSize: MAX_UPLOAD_BYTES,
    // Location URLs follow X-Forwarded-* only when the app trusts a proxy (HOTICH_TRUST_PROXY), as req.protocol/req.host do.
    respectForwardedHeaders: ctx.config.trustProxy !== false,
    async onUploadCreate(_req, upload) {
      const bookId = upload.metadata?.bookId ?? '';
      if (!upload.metadata?.filename) throw fail(400, 'Thiếu tên tệp (metadata "filename").');
      try {
        await getBook(ctx, bookId);
      } catch {
        throw fail(400, `Không tìm thấy quyển sổ "${bookId}" để nhận tệp tải lên.`);
      }
      return {};
    },
    async onUploadFinish(_req, upload) {
      return { status_code: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await ingestUpload(ctx, dir, upload)) };
    },
  });
}

async function ingestUpload(ctx: AppContext, dir: string, upload: Upload) {
  const file = path.join(dir, upload.id);
  try {
    const bytes = await readFile(file);
    return await ingestFiles(ctx, upload.metadata!.bookId!, [{ name: upload.metadata!.filename!, bytes }]);
  } catch (e) {
    throw isAppError(e) ? fail(400, e.message) : e;
  } finally {
    await rm(file, { force: true });
    await rm(`${file}.json`, { force: true });
  }
}

export async function uploadRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const dir = path.join(opts.ctx.config.dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  const tus = uploadServer(opts.ctx, dir);
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const handle = (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    void tus.handle(req.raw, reply.raw);
  };
  const upload = { preHandler: requirePermission('scans.upload') };
  app.all(UPLOAD_PATH, upload, handle);
  app.all(`${UPLOAD_PATH}/*`, upload, handle);
}
