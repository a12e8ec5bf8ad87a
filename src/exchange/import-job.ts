/**
 * Importing as a background job (kind 'import.file'). startImport does the
 * cheap checks inside the request — permission, the file is a table (xlsx or
 * CSV by its first bytes), the chosen book is in scope, the same content was
 * not imported before — stores the upload as a blob and queues the job; the
 * request answers 202 { jobId } at once. runImportJob (wired in
 * server/jobs.ts) reads the blob back and runs importFile as the user who
 * asked, reporting its progress (rows read, checked, written) into the jobs
 * row; its answer is the ImportView, imported or failed (all or nothing, the
 * row-level report and error xlsx as before). A file-level problem found later
 * (header, bomb, wrong register type) fails the job with its typed error.
 * After an import that wrote, the planner's statistics of the tables that
 * grew are refreshed (store refreshStatistics): a province's first big
 * import would otherwise be planned as the empty tables it found.
 */
import { createHash, randomUUID } from 'node:crypto';
import { getBook } from '../archive/index.js';
import { actorIdOf, assertPermission, contextOfUser, type ActorContext } from '../auth/index.js';
import { enqueueJob, type Handler } from '../core/index.js';
import { refreshStatistics } from '../store/index.js';
import { importFile, refuseIfImported, type ImportFileInput } from './import.service.js';
import { sniffImportFile } from './import-sniff.js';
import type { ImportView } from './import-view.js';

export const IMPORT_FILE_JOB = 'import.file';

export interface ImportFileJob {
  fileName: string;
  /** sha256 of the uploaded file, stored in the blob store. */
  blob: string;
  bookId?: string;
  fixEncoding: boolean;
  /** Who asked: only they (or an admin) may follow the job; it runs as them, with their scope at run time. */
  actorId: string | null;
  /** The import's id, the same for every attempt (a retry goes on with the hidden books an interrupted one left). */
  importId?: string;
}

export async function startImport(ctx: ActorContext, input: ImportFileInput): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'imports.run');
  sniffImportFile(input.fileName, input.bytes);
  if (input.bookId) await getBook(ctx, input.bookId);
  await refuseIfImported(ctx, createHash('sha256').update(input.bytes).digest('hex'));
  const { sha256 } = await ctx.blobs.put(input.bytes);
  const payload: ImportFileJob = {
    fileName: input.fileName,
    blob: sha256,
    fixEncoding: input.fixEncoding === true,
    actorId: actorIdOf(ctx.actor),
    importId: randomUUID(),
    ...(input.bookId ? { bookId: input.bookId } : {}),
  };
  return { jobId: await enqueueJob<{ [IMPORT_FILE_JOB]: ImportFileJob }, typeof IMPORT_FILE_JOB>(ctx, IMPORT_FILE_JOB, payload) };
}

export const runImportJob: Handler<ImportFileJob, ImportView> = async (ctx, p, job) => {
  const actorCtx = await contextOfUser(ctx, p.actorId, 'job:import');
  const bytes = await ctx.blobs.get(p.blob);
  const input = { fileName: p.fileName, bytes, bookId: p.bookId, fixEncoding: p.fixEncoding };
  const { view } = await importFile(actorCtx, input, { progress: job.progress, signal: job.signal, importId: p.importId });
  if (view.status === 'imported') await refreshStatistics(ctx.store.db);
  return view;
};
