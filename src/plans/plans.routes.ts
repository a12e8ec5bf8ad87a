/**
 * HTTP face of campaign plans and progress (JSON unless said otherwise).
 * Reading needs plans.read (admin, planner, officer) and answers within the
 * reader's scope; planning needs plans.manage (admin, planner).
 *   GET  /api/plans/campaigns                 [CampaignView]
 *   POST /api/plans/campaigns                 CampaignInput -> 201 CampaignView
 *   GET  /api/plans/campaigns/:id             CampaignView & { packages: [PackageView] }
 *   PUT  /api/plans/campaigns/:id             CampaignInput & { version, reason } -> CampaignView (409 stale)
 *   POST /api/plans/campaigns/:id/packages    PackageInput -> 201 PackageView (estimates default to the inventory)
 *   GET  /api/plans/packages/:id              PackageView (stages: all eight, in order)
 *   PUT  /api/plans/packages/:id              PackageInput & { version, reason } -> PackageView
 *   POST /api/plans/packages/:id/remove       { version, reason } -> 204
 *   GET  /api/plans/packages/:id/history      [PlanChange] (who, when, why, what)
 *   GET  /api/plans/progress?campaignId&unitId  ProgressView: total, packages (stages with done/total/percent/
 *                                             rate7/rate28/forecast range/status/delayDays), units (every unit the
 *                                             packages lie within: id, level, parentId -> drill-down), organizations
 *   GET  /api/plans/burnup?campaignId&unitId  { today, series: [{ stage, total, deadline, forecast*, points: [day, cumulative] }] }
 *   GET  /api/plans/reminders?days&campaignId { today, days, organizations: [{ organizationName, items (late first) }],
 *                                             mail: { configured, message? } (message: why no e-mail is sent) }
 *   POST /api/plans/reminders/mail?days&campaignId  -> 202 { jobId } (job 'plans.reminders': one 'plans.reminder.mail'
 *                                             job per organization with an address; 400 mail.not_configured without SMTP)
 *   GET  /api/plans/keyers                    { today, keyers: [{ name, organizationName, keyed7/28, perDay7/28, fields7/28,
 *                                             activeHours7/28, fieldsPerHour7/28, accuracy (src/qc) }], organizations: [{ organizationName,
 *                                             keyers, keyed7/28, perDay7/28, fields7/28, activeHours7/28, fieldsPerHour7/28 }] } (reader's
 *                                             scope; fields = registrations × the catalog's field count, active hours = keying
 *                                             sessions in the action log, fieldsPerHour null without active time)
 *   POST /api/plans/loads                     { loads: [{ bookId, loadedOn, batchRef }], source } -> { confirmed }
 *   GET  /api/plans/campaigns/:id/template.xlsx  the plan template (drop-downs of units and organizations)
 *   GET  /api/plans/campaigns/:id/plan.xlsx      the current plan in the same layout
 *   POST /api/plans/campaigns/:id/import?filename  xlsx body (octet-stream) -> 202 { jobId } (job 'plans.import',
 *                                             followed at GET /api/jobs/:id: progress rows checked/written; done ->
 *                                             { added, changed }; failed plan_import.rows -> error.details.rows =
 *                                             [{ row, errors }], nothing imported, and GET /api/jobs/:id/file gives the
 *                                             file back with a "Lỗi" column)
 *   POST /api/plans/report.xlsx|.pdf?period=week|month&unitId&campaignId  -> 202 { jobId } (job 'plans.report');
 *                                             done -> GET /api/jobs/:id/file: "Báo cáo tiến độ số hóa sổ hộ tịch"
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachment, Invalid } from '../core/index.js';
import { z } from 'zod';
import { access, CREATE, LIST, on } from '../auth/index.js';
import { getBurnup } from './burnup.service.js';
import { planExport, planTemplate } from './plan-files.service.js';
import { startPlanImport, startProgressReport } from './plan-jobs.js';
import { confirmLoads } from './loads.service.js';
import { addPackage, createCampaign, getCampaign, getPackage, listCampaigns, packageHistory, removePackage, updateCampaign, updatePackage } from './plan.service.js';
import { getProgress } from './progress.service.js';
import { listReminders } from './reminders.service.js';
import { startReminderMail } from './reminder-mail.js';
import { keyerThroughput } from './keyer-throughput.service.js';

const Id = z.object({ id: z.uuid('Mã không hợp lệ.') });
const idOf = (req: FastifyRequest) => Id.parse(req.params).id;
const body = (req: FastifyRequest) => (typeof req.body === 'object' && req.body !== null ? req.body : {}) as never;
const ProgressQ = z.object({ campaignId: z.uuid('Mã kế hoạch không hợp lệ.').optional(), unitId: z.string().min(3).max(100).optional() });
const RemindersQ = z.object({ campaignId: z.uuid('Mã kế hoạch không hợp lệ.').optional(), days: z.coerce.number().int().min(0).max(365).default(7) });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const download = (reply: FastifyReply, name: string, type: string, bytes: Uint8Array) => reply.header('content-type', type).header('content-disposition', attachment(name)).send(Buffer.from(bytes));
const fileBody = (req: FastifyRequest): Buffer => {
  if (!Buffer.isBuffer(req.body)) throw new Invalid('plan_import.no_body', 'Cần gửi tệp kế hoạch xlsx (Content-Type: application/octet-stream).', 'file');
  return req.body;
};
const ReportQ = z.object({
  period: z.enum(['week', 'month'], { message: 'Kỳ báo cáo phải là week hoặc month.' }).default('week'),
  unitId: z.string().min(2).max(100).optional(),
  campaignId: z.uuid('Mã kế hoạch không hợp lệ.').optional(),
});
const FileQ = z.object({ filename: z.string().max(300).default('kế hoạch.xlsx') });

export async function plansRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(['application/octet-stream', XLSX], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, b, done) => done(null, b));
  const campaign = on.campaign();
  const pkg = on.work_package();
  app.get('/api/plans/campaigns', access('plans.read', LIST), async (req) => listCampaigns(req.ctx));
  app.post('/api/plans/campaigns', access('plans.manage', CREATE), async (req, reply) => reply.status(201).send(await createCampaign(req.ctx, body(req))));
  app.get('/api/plans/campaigns/:id', access('plans.read', campaign), async (req) => getCampaign(req.ctx, idOf(req)));
  app.put('/api/plans/campaigns/:id', access('plans.manage', campaign), async (req) => updateCampaign(req.ctx, idOf(req), body(req)));
  app.post('/api/plans/campaigns/:id/packages', access('plans.manage', campaign), async (req, reply) => reply.status(201).send(await addPackage(req.ctx, idOf(req), body(req))));
  app.get('/api/plans/packages/:id', access('plans.read', pkg), async (req) => getPackage(req.ctx, idOf(req)));
  app.put('/api/plans/packages/:id', access('plans.manage', pkg), async (req) => updatePackage(req.ctx, idOf(req), body(req)));
  app.post('/api/plans/packages/:id/remove', access('plans.manage', pkg), async (req, reply) => {
    await removePackage(req.ctx, idOf(req), body(req));
    return reply.status(204).send();
  });
  app.get('/api/plans/packages/:id/history', access('plans.read', pkg), async (req) => packageHistory(req.ctx, idOf(req)));
  app.get('/api/plans/progress', access('plans.read', LIST), async (req) => getProgress(req.ctx, ProgressQ.parse(req.query)));
  app.get('/api/plans/burnup', access('plans.read', LIST), async (req) => getBurnup(req.ctx, ProgressQ.parse(req.query)));
  app.get('/api/plans/reminders', access('plans.read', LIST), async (req) => listReminders(req.ctx, RemindersQ.parse(req.query)));
  app.get('/api/plans/keyers', access('plans.read', LIST), async (req) => keyerThroughput(req.ctx));
  app.post('/api/plans/reminders/mail', access('plans.manage', CREATE), async (req, reply) => reply.status(202).send(await startReminderMail(req.ctx, RemindersQ.parse(req.query))));
  app.get('/api/plans/campaigns/:id/template.xlsx', access('plans.read', campaign), async (req, reply) => download(reply, 'mau-ke-hoach.xlsx', XLSX, await planTemplate(req.ctx, idOf(req))));
  app.get('/api/plans/campaigns/:id/plan.xlsx', access('plans.read', campaign), async (req, reply) => download(reply, 'ke-hoach.xlsx', XLSX, await planExport(req.ctx, idOf(req))));
  app.post('/api/plans/campaigns/:id/import', access('plans.manage', campaign), async (req, reply) =>
    reply.status(202).send(await startPlanImport(req.ctx, idOf(req), fileBody(req), FileQ.parse(req.query).filename)),
  );
  for (const format of ['xlsx', 'pdf'] as const) {
    app.post(`/api/plans/report.${format}`, access('plans.read', LIST), async (req, reply) => {
      const q = ReportQ.parse(req.query);
      return reply.status(202).send(await startProgressReport(req.ctx, { period: q.period, unit: q.unitId, campaignId: q.campaignId }, format));
    });
  }
  app.post('/api/plans/loads', access('plans.manage', CREATE), async (req) => confirmLoads(req.ctx, body(req)));
}
