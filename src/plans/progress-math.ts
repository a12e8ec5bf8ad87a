/**
 * Adding up stage progress (pure): a package's stage figures from its done,
 * total and daily amounts, and rollups (units, organizations) as exact sums
 * of the packages' amounts, judged against the latest deadline among them.
 */
import { stageFigures, type StageFigures, type StageStatus } from './forecast.js';
import { STAGE_INFO, STAGES, type Stage, type StageMeasure } from './stages.js';

/** The raw amounts of one stage of one package (or of a sum of packages). */
export interface StageAmounts {
  done: number;
  total: number;
  /** The amounts of the last 28 days, index 0 = today (days = today - day). */
  last28: Float64Array;
  deadline: string | null;
}

export interface StageProgress extends StageFigures {
  stage: Stage;
  label: string;
  measure: StageMeasure;
  deadline: string | null;
}

export const WINDOW_DAYS = 28;
export const emptyAmounts = (): StageAmounts => ({ done: 0, total: 0, last28: new Float64Array(WINDOW_DAYS), deadline: null });

export function addAmounts(into: StageAmounts, a: StageAmounts): void {
  into.done += a.done;
  into.total += a.total;
  for (let i = 0; i < WINDOW_DAYS; i++) into.last28[i]! += a.last28[i]!;
  if (a.deadline && (!into.deadline || a.deadline > into.deadline)) into.deadline = a.deadline;
}

export function stageProgress(stage: Stage, a: StageAmounts, today: string): StageProgress {
  return {
    stage,
    label: STAGE_INFO[stage].label,
    measure: STAGE_INFO[stage].measure,
    deadline: a.deadline,
    ...stageFigures({ done: a.done, total: a.total, last28: a.last28, deadline: a.deadline, today }),
  };
}

const SEVERITY: Record<StageStatus, number> = { late: 4, at_risk: 3, on_track: 2, no_deadline: 1, done: 0 };

/** The worst status among stages that have a total, and the longest delay. */
export function overall(stages: readonly StageProgress[]): { status: StageStatus; delayDays: number } {
  const counted = stages.filter((s) => s.total > 0);
  if (counted.length === 0) return { status: 'no_deadline', delayDays: 0 };
  const worst = counted.reduce((w, s) => (SEVERITY[s.status] > SEVERITY[w.status] ? s : w));
  return { status: worst.status, delayDays: Math.max(0, ...counted.map((s) => s.delayDays)) };
}

export type AmountsByStage = Record<Stage, StageAmounts>;
export const emptyByStage = (): AmountsByStage => Object.fromEntries(STAGES.map((s) => [s, emptyAmounts()])) as AmountsByStage;
