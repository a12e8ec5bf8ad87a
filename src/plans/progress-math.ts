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
  last28: number[];
  deadline: string | null;
}

export interface StageProgress extends StageFigures {
  stage: Stage;
  label: string;
  measure: StageMeasure;
  deadline: string | null;
}

export const WINDOW_DAYS = 28;
/** 28 zeros as a plain packed array (thousands are made per dashboard read: small typed arrays cost far more to allocate and collect). */
function zeros(): number[] {
  const a: number[] = [];
  for (let i = 0; i < WINDOW_DAYS; i++) a.push(0);
  return a;
}
export const emptyAmounts = (): StageAmounts => ({ done: 0, total: 0, last28: zeros(), deadline: null });

export function addAmounts(into: StageAmounts, a: StageAmounts): void {
  into.done += a.done;
  into.total += a.total;
  for (let i = 0; i < WINDOW_DAYS; i++) into.last28[i]! += a.last28[i]!;
  if (a.deadline && (!into.deadline || a.deadline > into.deadline)) into.deadline = a.deadline;
}

export function stageProgress(stage: Stage, a: StageAmounts, today: string): StageProgress {
  const f = stageFigures({ done: a.done, total: a.total, last28: a.last28, deadline: a.deadline, today });
  const info = STAGE_INFO[stage];
  // Spelled out rather than spread: a province's dashboard makes a few thousand of these.
  return {
    stage,
    label: info.label,
    measure: info.measure,
    deadline: a.deadline,
    done: f.done,
    total: f.total,
    percent: f.percent,
    rate7: f.rate7,
    rate28: f.rate28,
    forecast: f.forecast,
    forecastEarliest: f.forecastEarliest,
    forecastLatest: f.forecastLatest,
    status: f.status,
    delayDays: f.delayDays,
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
