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

/** Days since 1970-01-01 of an ISO day (memoized: a dashboard asks about the same few days thousands of times). */
const epochDays = new Map<string, number>();
function epochDayOf(isoDay: string): number {
  let n = epochDays.get(isoDay);
  if (n === undefined) {
    n = Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
    if (epochDays.size > 4096) epochDays.clear();
    epochDays.set(isoDay, n);
  }
  return n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** The ISO day of a day number since 1970-01-01 (proleptic Gregorian, civil-from-days arithmetic, no Date). */
function isoOfEpochDay(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

export const addDays = (isoDay: string, n: number) => isoOfEpochDay(epochDayOf(isoDay) + n);
export const daysBetween = (from: string, to: string) => epochDayOf(to) - epochDayOf(from);

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

const NO_DAYS: readonly number[] = Array.from({ length: 28 }, () => 0);
/** The last 28 daily amounts ending today, newest first (missing days are 0). */
function window(daily: ReadonlyMap<string, number> | undefined, today: string): readonly number[] {
  if (!daily || daily.size === 0) return NO_DAYS;
  return windowDays(today).map((d) => daily.get(d) ?? 0);
}

/** Daily amounts by ISO day, or already as the last 28 days ending today (index 0 = today; what the dashboard passes). */
export type DailyInput = { daily: ReadonlyMap<string, number>; last28?: undefined } | { last28: readonly number[]; daily?: undefined };

const finish = (today: string, remaining: number, rate: number) => (rate > 0 ? addDays(today, Math.ceil(remaining / rate - 1e-9)) : null);

/** rate7, mean and standard deviation of the 28 daily amounts (summed in day order, newest first). */
function spread(last28: readonly number[]): { rate7: number; mean: number; sd: number } {
  let sum7 = 0;
  let sum = 0;
  for (let i = 0; i < 28; i++) {
    const x = last28[i] ?? 0;
    if (i < 7) sum7 += x;
    sum += x;
  }
  const mean = sum / 28;
  let sq = 0;
  for (let i = 0; i < 28; i++) sq += ((last28[i] ?? 0) - mean) ** 2;
  return { rate7: sum7 / 7, mean, sd: Math.sqrt(sq / 28) };
}

export function stageFigures(input: { done: number; total: number; today: string; deadline: string | null } & DailyInput): StageFigures {
  const { done, total, today, deadline } = input;
  const { rate7, mean, sd } = spread(input.last28 ?? window(input.daily, today));
  const remaining = Math.max(0, total - done);
  const isDone = total > 0 && remaining === 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : null;
  const forecast = isDone ? null : finish(today, remaining, rate7);
  const forecastEarliest = isDone ? null : finish(today, remaining, Math.max(rate7, mean + sd));
  const forecastLatest = isDone ? null : finish(today, remaining, Math.min(rate7, Math.max(mean - sd, mean / 10)));
  const { status, delayDays } = judge(isDone, today, deadline, forecast, forecastEarliest, forecastLatest);
  return { done, total, percent, rate7: round2(rate7), rate28: round2(mean), forecast, forecastEarliest, forecastLatest, status, delayDays };
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
