/**
 * The content of "Báo cáo tiến độ số hóa sổ hộ tịch" (pure): one row per
 * district then its communes (units the packages lie within, in the reader's
 * scope), with books, pages, cases (registrations) and fields planned and
 * done, percent, the deadline, the responsible organization, the delay and a
 * note. Done = books handed over, pages scanned, cases keyed (first pass),
 * fields keyed; the period column is what was keyed in the last 7 (week) or
 * 28 (month) days.
 */
import { STATUS_LABELS } from './forecast.js';
import type { PackageProgress, ProgressView, Rollup } from './progress.service.js';

export type ReportPeriod = 'week' | 'month';

export interface ReportRow {
  level: 'district' | 'commune' | 'total';
  unit: string;
  books: [number, number];
  pages: [number, number];
  cases: [number, number];
  fields: [number, number];
  casesInPeriod: number;
  percent: number | null;
  deadline: string | null;
  organization: string;
  delayDays: number;
  note: string;
}

export interface ReportContent {
  title: string;
  issuer: string;
  periodLabel: string;
  today: string;
  rows: ReportRow[];
}

const figure = (r: Rollup, stage: string): [number, number] => {
  const s = r.stages.find((x) => x.stage === stage)!;
  return [s.total, s.done];
};
const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

function rowOf(r: Rollup, level: ReportRow['level'], packages: readonly PackageProgress[], period: ReportPeriod): ReportRow {
  const mine = packages.filter((p) => r.packageIds.includes(p.package.id));
  const key1 = r.stages.find((s) => s.stage === 'key1')!;
  const deadlines = mine
    .flatMap((p) => p.stages.map((s) => s.deadline))
    .filter((d): d is string => !!d)
    .sort();
  const orgs = [...new Set(mine.flatMap((p) => p.stages.map((s) => s.organizationName)).filter((o): o is string => !!o))];
  const notes = [STATUS_LABELS[r.status], ...mine.map((p) => p.package.note).filter(Boolean)];
  return {
    level,
    unit: r.name,
    books: [figure(r, 'inventory')[0], figure(r, 'handover')[1]],
    pages: figure(r, 'scan'),
    cases: figure(r, 'key1'),
    fields: [r.fields.planned, r.fields.done],
    casesInPeriod: Math.round(period === 'week' ? key1.rate7 * 7 : key1.rate28 * 28),
    percent: r.fields.planned > 0 ? Math.round((r.fields.done / r.fields.planned) * 1000) / 10 : null,
    deadline: deadlines.at(-1) ?? null,
    organization: orgs.join('; '),
    delayDays: r.delayDays,
    note: notes.join('. '),
  };
}

export function reportContent(p: ProgressView, period: ReportPeriod, issuer: string): ReportContent {
  const units = p.units.filter((u) => u.packages > 0);
  const rows: ReportRow[] = [];
  const districts = units.filter((u) => u.level === 'district');
  for (const d of districts) {
    rows.push(rowOf(d, 'district', p.packages, period));
    for (const c of units.filter((u) => u.level === 'commune' && u.parentId === d.id)) rows.push(rowOf(c, 'commune', p.packages, period));
  }
  const placed = new Set(rows.map((r) => r.unit));
  for (const c of units.filter((u) => u.level === 'commune' && !placed.has(u.name))) rows.push(rowOf(c, 'commune', p.packages, period));
  rows.push(rowOf(p.total, 'total', p.packages, period));
  const periodLabel = period === 'week' ? `Kỳ báo cáo: tuần đến ngày ${vnDate(p.today)} (7 ngày)` : `Kỳ báo cáo: tháng đến ngày ${vnDate(p.today)} (28 ngày)`;
  return { title: 'BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH', issuer, periodLabel, today: p.today, rows };
}

export const REPORT_HEADERS = [
  'Đơn vị',
  'Số quyển kế hoạch',
  'Số quyển đã bàn giao',
  'Số trang kế hoạch',
  'Số trang đã quét',
  'Số trường hợp kế hoạch',
  'Số trường hợp đã nhập',
  'Số trường kế hoạch',
  'Số trường đã nhập',
  'Tỷ lệ (%)',
  'Nhập trong kỳ (trường hợp)',
  'Thời hạn',
  'Đơn vị chịu trách nhiệm',
  'Số ngày chậm',
  'Ghi chú',
] as const;

export const reportCells = (r: ReportRow): (string | number)[] => [
  r.level === 'commune' ? `    ${r.unit}` : r.level === 'total' ? 'Tổng cộng' : r.unit,
  r.books[0],
  r.books[1],
  r.pages[0],
  r.pages[1],
  r.cases[0],
  r.cases[1],
  r.fields[0],
  r.fields[1],
  r.percent ?? '',
  r.casesInPeriod,
  vnDate(r.deadline),
  r.organization,
  r.delayDays,
  r.note,
];
