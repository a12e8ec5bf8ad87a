/**
 * "Báo cáo tiến độ số hóa sổ hộ tịch" for a unit (province, district or
 * commune; an id or a code) and a period (week, month), as xlsx or PDF,
 * within the reader's scope (built on getProgress).
 */
import { assertPermission, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { getProgress } from './progress.service.js';
import { reportContent, type ReportContent, type ReportPeriod } from './report-content.js';
import { reportPdf, reportXlsx } from './report-files.js';

export interface ReportQuery {
  period: ReportPeriod;
  unit?: string | undefined;
  campaignId?: string | undefined;
}

async function unitIdOf(ctx: ActorContext, unit: string): Promise<string> {
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

export async function progressReport(ctx: ActorContext, q: ReportQuery, format: 'xlsx' | 'pdf'): Promise<Buffer> {
  const c = await progressReportContent(ctx, q);
  return format === 'pdf' ? reportPdf(c) : reportXlsx(c);
}
