/**
 * Exporting as a background job (kind 'export.book'): startExport does the
 * cheap checks inside the request (the book exists, the name pattern parses)
 * and queues the job; runExportJob is its handler (wired in server/jobs.ts)
 * and simply runs createExport. The gate's refusal (Invalid export.blocked)
 * is a typed error, so the job fails at once with its Vietnamese message and
 * its problems list; the answer of a finished job is the ExportView.
 */
import { getBook } from '../archive/index.js';
import { actorIdOf, assertPermission, contextOfUser, type ActorContext } from '../auth/index.js';
import { enqueueJob, type Handler, type NameCase } from '../core/index.js';
import { checkNamePattern } from './export-names.js';
import { createExport } from './export.service.js';
import type { ExportView } from './export-view.js';

export const EXPORT_BOOK_JOB = 'export.book';

export interface ExportBookJob {
  bookId: string;
  namePattern?: string;
  nameCase?: NameCase;
  /** Who asked: only they (or an admin) may follow the job; the job runs as them, with their scope at run time. */
  actorId: string | null;
}

export async function startExport(ctx: ActorContext, options: Omit<ExportBookJob, 'actorId'>): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'exports.download');
  await getBook(ctx, options.bookId);
  if (options.namePattern !== undefined) checkNamePattern(options.namePattern);
  const payload: ExportBookJob = { ...options, actorId: actorIdOf(ctx.actor) };
  const jobId = await enqueueJob<{ [EXPORT_BOOK_JOB]: ExportBookJob }, typeof EXPORT_BOOK_JOB>(ctx, EXPORT_BOOK_JOB, payload);
  return { jobId };
}

export const runExportJob: Handler<ExportBookJob, ExportView> = async (ctx, p) =>
  createExport(await contextOfUser(ctx, p.actorId, 'job:export'), p.bookId, {
    ...(p.namePattern !== undefined ? { namePattern: p.namePattern } : {}),
    ...(p.nameCase ? { nameCase: p.nameCase } : {}),
  });
