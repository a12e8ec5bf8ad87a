/**
 * The burn-up chart's geometry (pure, tested): the day range, the scales, and
 * the polylines of done, plan (0 at the start to the total at the deadline)
 * and forecast (from today's done to the total at the forecast date, with the
 * range as a triangle between the earliest and latest dates).
 */
import type { BurnupSeries } from './plans.api.js';

const DAY_MS = 86_400_000;
export const dayNo = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}
export const BOX: Box = { width: 640, height: 260, left: 56, right: 16, top: 12, bottom: 34 };

export interface Geometry {
  from: number;
  to: number;
  yMax: number;
  x(day: string | number): number;
  y(v: number): number;
  done: string;
  plan: string | null;
  forecast: string | null;
  range: string | null;
  today: number;
  lastDone: number;
  xTicks: string[];
  yTicks: number[];
}

const pts = (list: [number, number][]) => list.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ');

export function burnupGeometry(s: BurnupSeries, today: string, box: Box = BOX): Geometry {
  const t = dayNo(today);
  const days = [t, ...s.points.map(([d]) => dayNo(d)), ...[s.deadline].filter((d): d is string => !!d).map(dayNo)];
  const from = Math.min(...days, t - 7);
  // The forecast widens the range up to twice the span so far (a far slow end is clipped, not squeezing the work done into a sliver).
  const forecastDays = [s.forecast, s.forecastLatest].filter((d): d is string => !!d).map(dayNo);
  const to = Math.max(...days, from + 7, Math.min(Math.max(...forecastDays, t), t + Math.max(14, 2 * (t - from))));
  const lastDone = s.points.at(-1)?.[1] ?? 0;
  const yMax = Math.max(1, s.total, lastDone);
  const x = (day: string | number) => box.left + (((typeof day === 'number' ? day : dayNo(day)) - from) / (to - from)) * (box.width - box.left - box.right);
  const y = (v: number) => box.top + (1 - v / yMax) * (box.height - box.top - box.bottom);
  const steps: [number, number][] = [[x(from), y(0)]];
  let prev = 0;
  for (const [d, v] of s.points) {
    steps.push([x(d), y(prev)], [x(d), y(v)]);
    prev = v;
  }
  steps.push([x(t), y(prev)]);
  const plan =
    s.deadline && s.total > 0
      ? pts([
          [x(from), y(0)],
          [x(s.deadline), y(s.total)],
          [x(to), y(s.total)],
        ])
      : null;
  const forecast = s.forecast
    ? pts([
        [x(t), y(lastDone)],
        [x(s.forecast), y(s.total)],
      ])
    : null;
  const range =
    s.forecastEarliest && s.forecastLatest && s.forecastEarliest !== s.forecastLatest
      ? pts([
          [x(t), y(lastDone)],
          [x(s.forecastEarliest), y(s.total)],
          [x(s.forecastLatest), y(s.total)],
        ])
      : null;
  const xTicks = Array.from({ length: 5 }, (_, i) => isoOf(Math.round(from + ((to - from) * i) / 4)));
  const yTicks = Array.from({ length: 5 }, (_, i) => Math.round((yMax * i) / 4));
  return { from, to, yMax, x, y, done: pts(steps), plan, forecast, range, today: t, lastDone, xTicks, yTicks };
}
