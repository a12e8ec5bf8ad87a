/**
 * Issuing a certified copy as a background job (kind 'extract.issue').
 * Measured on the shared 2-core development machine (load average about
 * 25 while several sessions ran tests): renderCopyPdf of a birth copy took
 * 1.48 s median (max 2.1 s) unsigned and 1.64 s median (max 2.9 s) with a
 * PAdES signature, the first copy of a process 3.6 s (fonts loaded and
 * subset). Over a second, so the request only runs the checks (checkIssue:
 * permission, scope, layout, eligibility — a refusal still answers 400 at
 * once) and queues the job; the job runs issueCopy as the officer who asked,
 * with her scope at run time, reporting its steps as progress. The answer of
 * a finished job is the IssuedCopy. The web follows GET /api/jobs/:id; the
 * CLI (`hotich extracts issue`) runs issueCopy itself and prints the steps.
 */
import { actorIdOf, contextOfUser, type ActorContext } from '../auth/index.js';
import { enqueueJob, type Handler } from '../core/index.js';
import { checkIssue, issueCopy, type IssuedCopy } from './copies.service.js';
import type { IssueCopyInput } from './extracts.schema.js';

export const ISSUE_COPY_JOB = 'extract.issue';

export interface IssueCopyJob {
  recordId: string;
  input: IssueCopyInput;
  /** Who asked: the job runs as them (scope at run time); only they (or an admin) may follow it. */
  actorId: string | null;
}

export async function startIssueCopy(ctx: ActorContext, recordId: string, input: IssueCopyInput): Promise<{ jobId: string }> {
  const { i } = await checkIssue(ctx, recordId, input);
  const payload: IssueCopyJob = { recordId, input: i, actorId: actorIdOf(ctx.actor) };
  // One attempt: a job that committed its copy but lost its lease before finishing must not issue a second copy on retry.
  return { jobId: await enqueueJob<{ [ISSUE_COPY_JOB]: IssueCopyJob }, typeof ISSUE_COPY_JOB>(ctx, ISSUE_COPY_JOB, payload, { maxAttempts: 1 }) };
}

export const runIssueCopyJob: Handler<IssueCopyJob, IssuedCopy> = async (ctx, p, job) =>
  issueCopy(await contextOfUser(ctx, p.actorId, 'job:extract'), p.recordId, p.input, (step) => job.progress(step));
