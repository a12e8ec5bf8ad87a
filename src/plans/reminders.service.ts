/**
 * Reminders: for each responsible organization, the stages of packages in
 * the reader's scope that are due within N days and not done, or late,
 * most delayed first. Built on the same progress figures as the dashboard.
 */
import type { ActorContext } from '../auth/index.js';
import { daysBetween, type StageStatus } from './forecast.js';
import { mailStatus } from './mail-status.js';
import { getProgress } from './progress.service.js';
import type { Stage } from './stages.js';

export interface ReminderItem {
  packageId: string;
  unitId: string;
  unitName: string;
  stage: Stage;
  label: string;
  deadline: string;
  /** Days until the deadline (negative: past it). */
  daysLeft: number;
  done: number;
  total: number;
  percent: number | null;
  forecast: string | null;
  status: StageStatus;
  delayDays: number;
  person: string;
}

export interface OrganizationReminders {
  organizationId: string | null;
  organizationName: string;
  items: ReminderItem[];
}

export interface RemindersView {
  today: string;
  days: number;
  organizations: OrganizationReminders[];
  /** Whether reminders can also go out by e-mail (HOTICH_SMTP_URL); when not, `message` says so. */
  mail: { configured: boolean; message?: string };
}

export async function listReminders(ctx: ActorContext, q: { days?: number; campaignId?: string | undefined } = {}): Promise<RemindersView> {
  const days = Math.max(0, Math.min(365, Math.trunc(q.days ?? 7)));
  const p = await getProgress(ctx, { campaignId: q.campaignId });
  const byOrg = new Map<string, OrganizationReminders>();
  for (const pkg of p.packages)
    for (const s of pkg.stages) {
      if (!s.deadline || s.status === 'done' || s.total === 0) continue;
      const daysLeft = daysBetween(p.today, s.deadline);
      if (daysLeft > days && s.status !== 'late') continue;
      const key = s.organizationId ?? '';
      const group = byOrg.get(key) ?? { organizationId: s.organizationId, organizationName: s.organizationName ?? 'Chưa giao đơn vị', items: [] };
      group.items.push({
        packageId: pkg.package.id,
        unitId: pkg.package.unitId,
        unitName: pkg.unitName,
        stage: s.stage,
        label: s.label,
        deadline: s.deadline,
        daysLeft,
        done: s.done,
        total: s.total,
        percent: s.percent,
        forecast: s.forecast,
        status: s.status,
        delayDays: s.delayDays,
        person: s.person,
      });
      byOrg.set(key, group);
    }
  const organizations = [...byOrg.values()].map((g) => ({ ...g, items: g.items.sort((a, b) => b.delayDays - a.delayDays || a.daysLeft - b.daysLeft) }));
  return { today: p.today, days, mail: mailStatus(ctx), organizations: organizations.sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'vi')) };
}
