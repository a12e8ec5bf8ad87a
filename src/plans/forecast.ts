/**
 * Throughput and forecast of one stage, from its daily amounts (pure).
 * rate7/rate28 = amount over the last 7/28 days (today included) / days.
 * The forecast divides what remains by the 7-day rate; its range uses the
 * spread of the last 28 daily amounts (mean ± one standard deviation, the
 * slow end never below a tenth of the mean), so a constant throughput gives
 * one exact date. Status against the deadline: done; late (deadline passed,
 * or even the fast end of the forecast misses it); at_risk (the expected
 * date or the slow end misses it, or nothing was done in 28 days); on_track.
 */
export type StageStatus = 'done' | 'on_track' | 'at_risk' | 'late' | 'no_deadline';

export const STATUS_LABELS = {
  done: 'Hoàn thành',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  late: 'Chậm tiến độ',
  no_deadline: 'Chưa có thời hạn',
} as const satisfies Record<StageStatus, string>;

export interface StageFigures {
  done: number;
  total: number;
  /** 0..100, one decimal; null when there is no total. */
  percent: number | null;
  rate7: number;
  rate28: number;
  /** ISO day the stage should finish at the 7-day rate; null when done or nothing is moving. */
  forecast: string | null;
  forecastEarliest: string | null;
  forecastLatest: string | null;
  status: StageStatus;
  /** Days past the deadline (today, or the forecast); 0 when not late. */
  delayDays: number;
}

const DAY_MS = 86_400_000;
export const addDays = (isoDay: string, n: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const windows = new Map<string, string[]>();
/** The last 28 days ending today, newest first (memoized: dashboards judge hundreds of stages against one today). */
function windowDays(today: string): string[] {
  let days = windows.get(today);
  if (!days) {
    days = Array.from({ length: 28 }, (_, i) => addDays(today, -i));
    if (windows.size > 64) windows.clear();
    windows.set(today, days);
  }
  return days;
}

/** The last 28 daily amounts ending today, newest first (missing days are 0). */
function window(daily: ReadonlyMap<string, number> | undefined, today: string): number[] {
  if (!daily || daily.size === 0) return new Array<number>(28).fill(0);
  return windowDays(today).map((d) => daily.get(d) ?? 0);
}

/** Daily amounts by ISO day, or already as the last 28 days ending today (index 0 = today; what the dashboard passes). */
export type DailyInput = { daily: ReadonlyMap<string, number>; last28?: undefined } | { last28: ArrayLike<number>; daily?: undefined };

const finish = (today: string, remaining: number, rate: number) => (rate > 0 ? addDays(today, Math.ceil(remaining / rate - 1e-9)) : null);

export function stageFigures(input: { done: number; total: number; today: string; deadline: string | null } & DailyInput): StageFigures {
  const { done, total, today, deadline } = input;
  const last28 = input.last28 ? Array.from(input.last28) : window(input.daily, today);
  const rate7 = last28.slice(0, 7).reduce((a, b) => a + b, 0) / 7;
  const mean = last28.reduce((a, b) => a + b, 0) / 28;
  const sd = Math.sqrt(last28.reduce((a, b) => a + (b - mean) ** 2, 0) / 28);
  const remaining = Math.max(0, total - done);
  const isDone = total > 0 && remaining === 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : null;
  const forecast = isDone ? null : finish(today, remaining, rate7);
  const forecastEarliest = isDone ? null : finish(today, remaining, Math.max(rate7, mean + sd));
  const forecastLatest = isDone ? null : finish(today, remaining, Math.min(rate7, Math.max(mean - sd, mean / 10)));
  const base = { done, total, percent, rate7: round2(rate7), rate28: round2(mean), forecast, forecastEarliest, forecastLatest };
  return { ...base, ...judge(isDone, today, deadline, forecast, forecastEarliest, forecastLatest) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function judge(isDone: boolean, today: string, deadline: string | null, mid: string | null, early: string | null, late: string | null): { status: StageStatus; delayDays: number } {
  if (isDone) return { status: 'done', delayDays: 0 };
  if (!deadline) return { status: 'no_deadline', delayDays: 0 };
  if (today > deadline) return { status: 'late', delayDays: daysBetween(deadline, mid && mid > today ? mid : today) };
  if (!mid || !early) return { status: 'at_risk', delayDays: 0 };
  if (early > deadline) return { status: 'late', delayDays: daysBetween(deadline, mid) };
  if (mid > deadline || (late !== null && late > deadline)) return { status: 'at_risk', delayDays: Math.max(0, daysBetween(deadline, mid)) };
  return { status: 'on_track', delayDays: 0 };
}
