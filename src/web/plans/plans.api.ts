/**
 * The campaign dashboard's calls to /api/plans (server types imported as
 * types only) and the Vietnamese labels it shows. The plan upload (the xlsx
 * as the raw body) and the progress report are background jobs: 202 { jobId },
 * followed at /api/jobs/:id, their files at /api/jobs/:id/file.
 */
import { ApiError, followJob, getJson, jobOutcome, startJob } from '../shared/index.js';
import type {
  BurnupSeries,
  CampaignView,
  OrganizationReminders,
  KeyerThroughputRow,
  OrganizationThroughput,
  RemindersView,
  PackageProgress,
  PackageView,
  PlanChange,
  PlanImportProgress,
  ProgressView,
  ReportProgress,
  Rollup,
  StageStatus,
} from '../../plans/index.js';

export type { KeyerThroughputRow, OrganizationThroughput };
export type { BurnupSeries, CampaignView, OrganizationReminders, PackageProgress, PackageView, PlanChange, PlanImportProgress, ProgressView, ReportProgress, Rollup, StageStatus };
export type StageProgress = Rollup['stages'][number];

export const STATUS_LABELS: Record<StageStatus, string> = {
  done: 'Hoàn thành',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  late: 'Chậm tiến độ',
  no_deadline: 'Chưa có thời hạn',
};
export const MEASURE_LABELS: Record<StageProgress['measure'], string> = { books: 'quyển', pages: 'trang', registrations: 'trường hợp', fields: 'trường' };
export const LEVEL_LABELS: Record<string, string> = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };

const qs = (q: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(q)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export const listCampaigns = () => getJson<CampaignView[]>('/api/plans/campaigns');
export const getProgress = (campaignId: string, unitId?: string, signal?: AbortSignal) => getJson<ProgressView>(`/api/plans/progress?${qs({ campaignId, unitId })}`, signal);
export const getBurnup = (campaignId: string, unitId?: string, signal?: AbortSignal) => getJson<{ today: string; series: BurnupSeries[] }>(`/api/plans/burnup?${qs({ campaignId, unitId })}`, signal);
export const getReminders = (campaignId: string, days: number, signal?: AbortSignal) => getJson<RemindersView>(`/api/plans/reminders?${qs({ campaignId, days })}`, signal);

export const getKeyers = (signal?: AbortSignal) => getJson<{ today: string; keyers: KeyerThroughputRow[]; organizations: OrganizationThroughput[] }>('/api/plans/keyers', signal);

export interface ReminderMailOutcome {
  queued: { organizationName: string; to: string[] }[];
  skipped: { organizationName: string; reason: string }[];
}

/** Queues the reminders' e-mails (a job lists them and queues one message per organization with an address; each is sent and retried by its own job). */
export async function sendReminderMail(campaignId: string, days: number): Promise<ReminderMailOutcome> {
  return jobOutcome<ReminderMailOutcome>(await startJob(`/api/plans/reminders/mail?${qs({ campaignId, days })}`), 'Không gửi được nhắc việc.');
}

export const templateUrl = (campaignId: string) => `/api/plans/campaigns/${campaignId}/template.xlsx`;
export const planUrl = (campaignId: string) => `/api/plans/campaigns/${campaignId}/plan.xlsx`;

export interface RowErrors {
  row: number;
  errors: string[];
}
export type ImportOutcome = { ok: true; added: number; changed: number } | { ok: false; message: string; rows: RowErrors[]; errorFileUrl: string };

const jobFileUrl = (jobId: string) => `/api/jobs/${jobId}/file`;

/** Uploads a filled plan; the server imports it as a job: imported whole, or refused whole with the row-level errors and the file back with a "Lỗi" column. */
export async function uploadPlan(campaignId: string, file: File, onProgress: (p: PlanImportProgress) => void): Promise<ImportOutcome> {
  const jobId = await startJob(`/api/plans/campaigns/${campaignId}/import?${qs({ filename: file.name })}`, file);
  const job = (await followJob(jobId, { onProgress: (p) => onProgress(p as PlanImportProgress) }))!;
  if (job.status === 'done') return { ok: true, ...(job.result as { added: number; changed: number }) };
  const details = job.error?.details as { rows?: RowErrors[] } | undefined;
  if (job.error?.code === 'plan_import.rows' && details?.rows) return { ok: false, message: job.error.message, rows: details.rows, errorFileUrl: jobFileUrl(jobId) };
  throw new ApiError(0, job.error?.code ?? 'job.failed', job.error?.message ?? 'Nhập kế hoạch không thành công.');
}

/** Makes the progress report as a job and answers the URL of its file once made. */
export async function makeReport(format: 'xlsx' | 'pdf', q: { campaignId: string; unitId?: string | undefined; period: 'week' | 'month' }, onProgress: (p: ReportProgress) => void): Promise<string> {
  const jobId = await startJob(`/api/plans/report.${format}?${qs(q)}`);
  await jobOutcome(jobId, 'Không tạo được báo cáo.', (p) => onProgress(p as ReportProgress));
  return jobFileUrl(jobId);
}

/** Lets the browser download a file by its URL (the server names it). */
export function downloadUrl(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Formats an ISO day as dd/mm/yyyy. */
export const viDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');
export const viNumber = (n: number) => n.toLocaleString('vi-VN');
