/**
 * The campaign dashboard's calls to /api/plans (server types imported as
 * types only) and the Vietnamese labels it shows. Plan upload sends the xlsx
 * as the raw body; a refused file answers 400 with the rows and their errors.
 */
import { ApiError, getJson } from '../shared/index.js';
import type { BurnupSeries, CampaignView, OrganizationReminders, PackageProgress, ProgressView, Rollup, StageStatus } from '../../plans/index.js';

export type { BurnupSeries, CampaignView, OrganizationReminders, PackageProgress, ProgressView, Rollup, StageStatus };
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
export const getReminders = (campaignId: string, days: number, signal?: AbortSignal) =>
  getJson<{ today: string; days: number; organizations: OrganizationReminders[] }>(`/api/plans/reminders?${qs({ campaignId, days })}`, signal);

export const reportUrl = (format: 'xlsx' | 'pdf', q: { campaignId: string; unitId?: string | undefined; period: 'week' | 'month' }) => `/api/plans/report.${format}?${qs(q)}`;
export const templateUrl = (campaignId: string) => `/api/plans/campaigns/${campaignId}/template.xlsx`;
export const planUrl = (campaignId: string) => `/api/plans/campaigns/${campaignId}/plan.xlsx`;

export interface RowErrors {
  row: number;
  errors: string[];
}
export type ImportOutcome = { ok: true; added: number; changed: number } | { ok: false; message: string; rows: RowErrors[] };

/** Uploads a filled plan: imported whole, or refused whole with the row-level errors. */
export async function uploadPlan(campaignId: string, file: File): Promise<ImportOutcome> {
  const res = await fetch(`/api/plans/campaigns/${campaignId}/import?${qs({ filename: file.name })}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, ...(body as { added: number; changed: number }) };
  const error = (body as { error?: { code?: string; message?: string; details?: { rows?: RowErrors[] } } } | undefined)?.error;
  if (res.status === 400 && error?.details?.rows) return { ok: false, message: error.message ?? 'Tệp kế hoạch có lỗi.', rows: error.details.rows };
  throw new ApiError(res.status, error?.code ?? '', error?.message ?? `Lỗi ${res.status} khi nhập tệp kế hoạch.`);
}

/** The same file checked only, returned with a "Lỗi" column (downloaded by the browser). */
export async function downloadErrorReport(campaignId: string, file: File): Promise<void> {
  const res = await fetch(`/api/plans/campaigns/${campaignId}/import-report.xlsx`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  if (!res.ok) throw new ApiError(res.status, '', `Lỗi ${res.status} khi tạo báo cáo lỗi.`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'ke-hoach-loi.xlsx';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Formats an ISO day as dd/mm/yyyy. */
export const viDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');
export const viNumber = (n: number) => n.toLocaleString('vi-VN');
