/**
 * The plan's long work as background jobs (core jobs: lease, progress,
 * retries), wired in server/jobs.ts:
 * - 'plans.report': "Báo cáo tiến độ" as xlsx or PDF. startProgressReport
 *   checks the permission and the unit inside the request and queues; the
 *   job builds the report as the user who asked (her scope at run time),
 *   stores it as a blob and answers { file } (GET /api/jobs/:id/file).
 * - 'plans.import': a filled plan template. startPlanImport checks the
 *   permission, the campaign in scope and that the file is an xlsx (its first
 *   bytes), stores it and queues; the job imports it all or nothing
 *   (plan-import.ts), reporting rows checked and written. A refused file fails
 *   the job with plan_import.rows, its rows' errors and the file back with a
 *   "Lỗi" column (error.details.file).
 */
import { actorIdOf, assertPermission, contextOfUser, type ActorContext } from '../auth/index.js';
import { enqueueJob, Invalid, isAppError, NotFound, type Handler, type JobFile } from '../core/index.js';
import { importPlan, planErrorReport, type PlanImportProgress, type RowError } from './plan-import.js';
import * as repo from './plan.repo.js';
import { progressReport, unitIdOf, type ReportFormat, type ReportProgress, type ReportQuery } from './report.service.js';

export const PLANS_REPORT_JOB = 'plans.report';
export const PLANS_IMPORT_JOB = 'plans.import';

export interface PlansReportJob {
  period: ReportQuery['period'];
  /** The unit's id (resolved from an id or a code when queued). */
  unitId?: string;
  campaignId?: string;
  format: ReportFormat;
  actorId: string | null;
}

export interface PlansImportJob {
  campaignId: string;
  /** sha256 of the uploaded file in the blob store. */
  blob: string;
  fileName: string;
  actorId: string | null;
}

export type { PlanImportProgress, ReportProgress };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES = { xlsx: XLSX, pdf: 'application/pdf' } as const satisfies Record<ReportFormat, string>;

async function storedFile(ctx: ActorContext, bytes: Buffer, name: string, contentType: string): Promise<JobFile> {
  const { sha256 } = await ctx.blobs.put(bytes);
  return { sha256, name, contentType, size: bytes.length };
}

export async function startProgressReport(ctx: ActorContext, q: ReportQuery, format: ReportFormat): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'plans.read');
  if (q.campaignId && !(await repo.findCampaign(ctx.store.db, ctx.actor, q.campaignId))) throw new NotFound('campaign.not_found', 'Không tìm thấy kế hoạch trong phạm vi của bạn.');
  const payload: PlansReportJob = {
    period: q.period,
    format,
    actorId: actorIdOf(ctx.actor),
    ...(q.unit ? { unitId: await unitIdOf(ctx, q.unit) } : {}),
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
  };
  return { jobId: await enqueueJob<{ [PLANS_REPORT_JOB]: PlansReportJob }, typeof PLANS_REPORT_JOB>(ctx, PLANS_REPORT_JOB, payload) };
}

export const runProgressReportJob: Handler<PlansReportJob, { file: JobFile }> = async (ctx, p, job) => {
  const actorCtx = await contextOfUser(ctx, p.actorId, 'job:plans-report');
  const bytes = await progressReport(actorCtx, { period: p.period, unit: p.unitId, campaignId: p.campaignId }, p.format, job.progress);
  return { file: await storedFile(actorCtx, bytes, `bao-cao-tien-do.${p.format}`, CONTENT_TYPES[p.format]) };
};

const isXlsx = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

export async function startPlanImport(ctx: ActorContext, campaignId: string, bytes: Buffer, fileName: string): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'plans.manage');
  if (!(await repo.findCampaign(ctx.store.db, ctx.actor, campaignId))) throw new NotFound('campaign.not_found', `Không tìm thấy kế hoạch ${campaignId} trong phạm vi của bạn.`);
  if (!isXlsx(bytes)) throw new Invalid('plan_import.not_xlsx', 'Tệp không phải bảng tính xlsx.', 'file');
  const { sha256 } = await ctx.blobs.put(bytes);
  const payload: PlansImportJob = { campaignId, blob: sha256, fileName, actorId: actorIdOf(ctx.actor) };
  return { jobId: await enqueueJob<{ [PLANS_IMPORT_JOB]: PlansImportJob }, typeof PLANS_IMPORT_JOB>(ctx, PLANS_IMPORT_JOB, payload) };
}

const rowsOf = (e: unknown): RowError[] | undefined => (isAppError(e) && e.code === 'plan_import.rows' ? (e.details as { rows: RowError[] }).rows : undefined);

export const runPlanImportJob: Handler<PlansImportJob, { added: number; changed: number }> = async (ctx, p, job) => {
  const actorCtx = await contextOfUser(ctx, p.actorId, 'job:plans-import');
  const bytes = await ctx.blobs.get(p.blob);
  try {
    return await importPlan(actorCtx, p.campaignId, bytes, p.fileName, job.progress);
  } catch (e) {
    const rows = rowsOf(e);
    if (!rows || !isAppError(e)) throw e;
    const file = await storedFile(actorCtx, await planErrorReport(bytes, rows), 'ke-hoach-loi.xlsx', XLSX);
    throw new Invalid(e.code, e.message, 'file', { rows, file });
  }
};
