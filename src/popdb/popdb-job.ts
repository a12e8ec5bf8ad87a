/**
 * Importing a result file as a background job (kind 'popdb.import'), the way
 * src/exchange runs its imports: startPopdbImport does the cheap checks in
 * the request (permission, not empty, not imported before), stores the file
 * as a blob and queues the job (the request answers 202 { jobId });
 * runPopdbImportJob (wired in server/jobs.ts) reads the blob back and runs
 * importPopdbFile as the user who asked, reporting its progress into the
 * jobs row. Its answer is the batch view (imported, or failed with the
 * error report); a file-level problem fails the job with its typed error.
 */
import { createHash } from 'node:crypto';
import { actorIdOf, assertPermission, contextOfUser, type ActorContext } from '../auth/index.js';
import { enqueueJob, Invalid, type Handler } from '../core/index.js';
import { importPopdbFile, refuseIfPopdbImported, type PopdbImportInput } from './popdb-import.service.js';
import { MAX_FILE_BYTES } from './popdb-read.js';
import type { PopdbBatchView } from './popdb-view.js';

export const POPDB_IMPORT_JOB = 'popdb.import';

export interface PopdbImportJob {
  fileName: string;
  /** sha256 of the uploaded file in the blob store. */
  blob: string;
  /** Who asked: only they (or an admin) may follow the job; it runs as them. */
  actorId: string | null;
}

export async function startPopdbImport(ctx: ActorContext, input: PopdbImportInput): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'popdb.compare');
  if (input.bytes.length === 0) throw new Invalid('popdb.empty', 'Tệp trống.', 'file');
  if (input.bytes.length > MAX_FILE_BYTES) throw new Invalid('popdb.file_too_large', 'Tệp quá lớn (tối đa 20 MB); hãy tách theo xã.', 'file');
  await refuseIfPopdbImported(ctx, createHash('sha256').update(input.bytes).digest('hex'));
  const { sha256 } = await ctx.blobs.put(input.bytes);
  const payload: PopdbImportJob = { fileName: input.fileName, blob: sha256, actorId: actorIdOf(ctx.actor) };
  return { jobId: await enqueueJob<{ [POPDB_IMPORT_JOB]: PopdbImportJob }, typeof POPDB_IMPORT_JOB>(ctx, POPDB_IMPORT_JOB, payload) };
}

export const runPopdbImportJob: Handler<PopdbImportJob, PopdbBatchView> = async (ctx, p, job) => {
  const actorCtx = await contextOfUser(ctx, p.actorId, 'job:popdb');
  const { view } = await importPopdbFile(actorCtx, { fileName: p.fileName, bytes: await ctx.blobs.get(p.blob) }, { progress: job.progress, signal: job.signal });
  return view;
};
