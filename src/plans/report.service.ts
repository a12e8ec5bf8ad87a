/**
 * "Báo cáo tiến độ số hóa sổ hộ tịch" for a unit (province, district or
 * commune; an id or a code) and a period (week, month), as xlsx or PDF,
 * within the reader's scope (built on getProgress). The web and HTTP run it
 * as a job (plan-jobs.ts); the CLI calls it directly with a progress printer.
 */
import { assertPermission, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { getProgress } from './progress.service.js';
import { reportContent, type ReportContent, type ReportPeriod } from './report-content.js';
import { reportPdf, reportXlsx } from './report-files.js';

export type ReportFormat = 'xlsx' | 'pdf';

/** How far a report is (the job's progress): the figures read, then the file written. */
export interface ReportProgress {
  phase: 'reading' | 'writing' | 'done';
  rows: number;
}

export interface ReportQuery {
  period: ReportPeriod;
  unit?: string | undefined;
  campaignId?: string | undefined;
}

/** The unit's id from an id or a code (the newest scheme first); NotFound when neither. */
export async function unitIdOf(ctx: ActorContext, unit: string): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('admin_units')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', unit), eb('code', '=', unit)]))
    .orderBy((eb) => eb.case().when('id', '=', unit).then(0).else(1).end())
    .orderBy('scheme', 'desc')
    .executeTakeFirst();
  if (!row) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị hành chính "${unit}".`);
  return row.id;
}

export async function progressReportContent(ctx: ActorContext, q: ReportQuery): Promise<ReportContent> {
  assertPermission(ctx.actor, 'plans.read');
  const unitId = q.unit ? await unitIdOf(ctx, q.unit) : undefined;
  const p = await getProgress(ctx, { campaignId: q.campaignId, unitId });
  const province = p.units.find((u) => u.level === 'province');
  return reportContent(p, q.period, province?.name ?? 'Tỉnh');
}

export async function progressReport(ctx: ActorContext, q: ReportQuery, format: ReportFormat, onProgress: (p: ReportProgress) => void = () => undefined): Promise<Buffer> {
  onProgress({ phase: 'reading', rows: 0 });
  const c = await progressReportContent(ctx, q);
  onProgress({ phase: 'writing', rows: c.rows.length });
  const bytes = format === 'pdf' ? await reportPdf(c) : await reportXlsx(c);
  onProgress({ phase: 'done', rows: c.rows.length });
  return bytes;
}
