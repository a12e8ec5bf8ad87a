/**
 * The burn-up series of a campaign (or of one unit within it): for each
 * stage, the cumulative amount done at the end of each day that saw work,
 * next to the planned total and the deadline, plus the forecast from the
 * progress figures — what the dashboard's chart draws.
 */
import { assertPermission, readTolerant, type ActorContext } from '../auth/index.js';
import { getProgress, type ProgressQuery } from './progress.service.js';
import * as repo from './progress.repo.js';
import { STAGE_INFO, STAGES, type Stage } from './stages.js';

export interface BurnupSeries {
  stage: Stage;
  label: string;
  total: number;
  deadline: string | null;
  forecast: string | null;
  forecastEarliest: string | null;
  forecastLatest: string | null;
  /** [day, cumulative done] in day order. */
  points: [string, number][];
}

export async function getBurnup(ctx: ActorContext, q: ProgressQuery = {}): Promise<{ today: string; series: BurnupSeries[] }> {
  assertPermission(ctx.actor, 'plans.read');
  const progress = await getProgress(ctx, q);
  const rows = await readTolerant(ctx, (db) =>
    repo.historyByPackage(
      db,
      progress.packages.map((p) => p.package.id),
    ),
  );
  const series = STAGES.map((stage) => {
    const perDay = new Map<string, number>();
    for (const r of rows) if (r.stage === stage) perDay.set(r.day, (perDay.get(r.day) ?? 0) + Number(r.qty));
    let sum = 0;
    const points = [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([d, n]): [string, number] => [d, (sum += n)]);
    const fig = progress.total.stages.find((s) => s.stage === stage)!;
    return {
      stage,
      label: STAGE_INFO[stage].label,
      total: fig.total,
      deadline: fig.deadline,
      forecast: fig.forecast,
      forecastEarliest: fig.forecastEarliest,
      forecastLatest: fig.forecastLatest,
      points,
    };
  });
  return { today: progress.today, series };
}
