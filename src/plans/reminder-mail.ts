/**
 * Reminders by e-mail (optional: only when HOTICH_SMTP_URL is set).
 * - startReminderMail (POST /api/plans/reminders/mail, plans.manage): checks
 *   the permission and that mail is configured, queues 'plans.reminders'.
 * - the 'plans.reminders' job lists the reminders as the user who asked (her
 *   scope at run time) and queues ONE 'plans.reminder.mail' job per
 *   responsible organization with at least one address; organizations
 *   without an address are named in its result (skipped), never dropped
 *   silently.
 * - the 'plans.reminder.mail' job sends one message; an SMTP failure is
 *   retried with backoff by the job runner (last_error kept) and ends as a
 *   failed job after its attempts.
 * Recipients (no schema change: users and organizations hold no address):
 * the e-mail addresses written in the stages' "người chịu trách nhiệm"
 * (e.g. "Nguyễn Văn An <an@xa.vn>") of that organization's reminders.
 */
import { actorIdOf, assertPermission, contextOfUser, type ActorContext } from '../auth/index.js';
import { enqueueJob, Invalid, sendMail, type Handler } from '../core/index.js';
import { STATUS_LABELS } from './forecast.js';
import { MAIL_NOT_CONFIGURED, mailStatus } from './mail-status.js';
import { listReminders, type OrganizationReminders, type ReminderItem } from './reminders.service.js';

export const PLANS_REMINDERS_JOB = 'plans.reminders';
export const PLANS_REMINDER_MAIL_JOB = 'plans.reminder.mail';
export const REMINDER_MAIL_ATTEMPTS = 6;

export interface PlansRemindersJob {
  days: number;
  campaignId?: string;
  actorId: string | null;
}

export interface PlansReminderMailJob {
  organizationName: string;
  to: string[];
  subject: string;
  text: string;
}

export { MAIL_NOT_CONFIGURED, mailStatus };

export async function startReminderMail(ctx: ActorContext, q: { days?: number; campaignId?: string | undefined }): Promise<{ jobId: string }> {
  assertPermission(ctx.actor, 'plans.manage');
  if (!ctx.config.mail) throw new Invalid('mail.not_configured', MAIL_NOT_CONFIGURED);
  const payload: PlansRemindersJob = { days: q.days ?? 7, actorId: actorIdOf(ctx.actor), ...(q.campaignId ? { campaignId: q.campaignId } : {}) };
  return { jobId: await enqueueJob<{ [PLANS_REMINDERS_JOB]: PlansRemindersJob }, typeof PLANS_REMINDERS_JOB>(ctx, PLANS_REMINDERS_JOB, payload) };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const viDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'chưa dự báo được');

/** The addresses written in the items' "người chịu trách nhiệm", lower-cased, once each. */
export function recipientsOf(org: OrganizationReminders): string[] {
  return [...new Set(org.items.flatMap((i) => i.person.match(EMAIL) ?? []).map((a) => a.toLowerCase()))].sort();
}

function itemLine(i: ReminderItem, n: number, link: string): string {
  const when = i.daysLeft < 0 ? `đã quá hạn ${-i.daysLeft} ngày` : i.daysLeft === 0 ? 'đến hạn hôm nay' : `còn ${i.daysLeft} ngày`;
  const percent = i.percent === null ? '' : ` (${String(i.percent).replace('.', ',')} %)`;
  return [
    `${n}. ${i.unitName} — ${i.label}: thời hạn ${viDate(i.deadline)}, ${when}; tình trạng: ${STATUS_LABELS[i.status]}.`,
    `   Đã làm ${i.done}/${i.total}${percent}; dự kiến xong: ${viDate(i.forecast)}.`,
    `   Người chịu trách nhiệm: ${i.person || 'chưa giao'}.`,
    `   Xem: ${link}`,
  ].join('\n');
}

/** The Vietnamese message for one organization (who, which package and stage, deadline, link). */
export function reminderMessage(publicUrl: string, today: string, days: number, org: OrganizationReminders): { subject: string; text: string } {
  const late = org.items.filter((i) => i.daysLeft < 0).length;
  const due = org.items.length - late;
  const link = (unitId: string) => `${publicUrl}/#/plans?unit=${encodeURIComponent(unitId)}`;
  const subject = `[hotich] Nhắc việc số hóa sổ hộ tịch: ${late} việc quá hạn, ${due} việc sắp đến hạn — ${org.organizationName}`;
  const text = [
    `Kính gửi: ${org.organizationName}`,
    '',
    `Theo kế hoạch số hóa sổ hộ tịch, tính đến ngày ${viDate(today)} đơn vị có ${org.items.length} việc đã quá hạn hoặc đến hạn trong ${days} ngày tới:`,
    '',
    ...org.items.map((i, k) => itemLine(i, k + 1, link(i.unitId))),
    '',
    `Xem toàn bộ tiến độ: ${publicUrl}/#/plans`,
    '',
    'Thư này do hệ thống hotich gửi tự động; số liệu tính từ dữ liệu số hóa, không do ai nhập tay.',
  ].join('\n');
  return { subject, text };
}

export const runRemindersJob: Handler<PlansRemindersJob, { queued: { organizationName: string; to: string[]; jobId: string }[]; skipped: { organizationName: string; reason: string }[] }> = async (
  ctx,
  p,
) => {
  const actorCtx = await contextOfUser(ctx, p.actorId, 'job:plans-reminders');
  const r = await listReminders(actorCtx, { days: p.days, campaignId: p.campaignId });
  const queued = [];
  const skipped = [];
  for (const org of r.organizations) {
    const to = recipientsOf(org);
    if (to.length === 0) {
      skipped.push({ organizationName: org.organizationName, reason: 'Chưa có địa chỉ e-mail trong mục người chịu trách nhiệm của các việc được nhắc.' });
      continue;
    }
    const payload: PlansReminderMailJob = { organizationName: org.organizationName, to, ...reminderMessage(ctx.config.publicUrl, r.today, r.days, org) };
    const jobId = await enqueueJob<{ [PLANS_REMINDER_MAIL_JOB]: PlansReminderMailJob }, typeof PLANS_REMINDER_MAIL_JOB>(ctx, PLANS_REMINDER_MAIL_JOB, payload, {
      maxAttempts: REMINDER_MAIL_ATTEMPTS,
    });
    queued.push({ organizationName: org.organizationName, to, jobId });
  }
  return { queued, skipped };
};

export const runReminderMailJob: Handler<PlansReminderMailJob, { messageId: string; accepted: string[] }> = async (ctx, p) => {
  if (!ctx.config.mail) throw new Invalid('mail.not_configured', MAIL_NOT_CONFIGURED);
  return sendMail(ctx.config.mail, { to: p.to, subject: p.subject, text: p.text });
};
