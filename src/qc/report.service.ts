/** Builds an acceptance report of a lot (content shared by PDF and xlsx). */
import type { ActorContext } from '../auth/index.js';
import { getTemplate } from '../registers/index.js';
import { listSample } from './lot-checks.service.js';
import { getLot } from './lot.service.js';
import { reportContent, type ReportContent } from './report-content.js';
import { renderReportPdf } from './report-pdf.js';
import { renderReportXlsx } from './report-xlsx.js';

async function contentOf(ctx: ActorContext, lotId: string): Promise<ReportContent> {
  const lot = await getLot(ctx, lotId);
  const sample = await listSample(ctx, lotId);
  const labels = new Map<string, string>();
  for (const templateId of new Set(sample.map((s) => s.templateId))) {
    for (const f of getTemplate(templateId).fields) labels.set(f.key, `${f.label} [${f.key}]`);
  }
  return reportContent(lot, sample, (k) => labels.get(k) ?? k);
}

export async function lotReportPdf(ctx: ActorContext, lotId: string): Promise<Uint8Array> {
  return renderReportPdf(await contentOf(ctx, lotId));
}

export async function lotReportXlsx(ctx: ActorContext, lotId: string): Promise<Buffer> {
  return renderReportXlsx(await contentOf(ctx, lotId));
}
