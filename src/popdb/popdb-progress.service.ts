/**
 * How far the comparison with the population database has come, per unit,
 * for the campaign dashboard: the unit being viewed and the units directly
 * below it (or the top-level units), each with the registrations sent,
 * returned, by class (same, differs, not found, ID conflict) and the
 * differences decided or still open. Counted from the popdb tables over the
 * books the reader sees, scope and counts in one statement
 * (popdb-progress.repo.ts). A unit below that the reader neither sees nor
 * has figures in is left out.
 */
import { assertPermission, readTolerant, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { comparisonRows, type ComparisonRow } from './popdb-progress.repo.js';

export interface ComparisonFigures {
  unitId: string;
  name: string;
  level: string;
  /** Registrations listed in a match-key file (or come back in a result file). */
  sent: number;
  /** Registrations with a result from the population side. */
  returned: number;
  /** By the class of each registration's latest result. */
  same: number;
  differs: number;
  notFound: number;
  idConflict: number;
  /** Differences and ID conflicts (result rows) the officer decided, and those waiting. */
  decided: number;
  open: number;
}

export interface ComparisonProgressView {
  /** The unit asked for; null when none was asked (the top-level units are the rows). */
  unit: ComparisonFigures | null;
  /** The units directly below it that the reader sees or has figures in. */
  units: ComparisonFigures[];
}

const figuresOf = (r: ComparisonRow): ComparisonFigures => ({
  unitId: r.id,
  name: `${r.kind} ${r.name}`,
  level: r.level,
  sent: r.sent,
  returned: r.returned,
  same: r.same,
  differs: r.differs,
  notFound: r.not_found,
  idConflict: r.id_conflict,
  decided: r.decided,
  open: r.open,
});

export async function comparisonProgress(ctx: ActorContext, q: { unitId?: string | undefined } = {}): Promise<ComparisonProgressView> {
  assertPermission(ctx.actor, 'popdb.compare');
  const rows = await readTolerant(ctx, (db) => comparisonRows(db, ctx.actor, q.unitId ?? null));
  const focus = rows.find((r) => r.focus);
  if (q.unitId && !focus) throw new NotFound('unit.not_found', `Không tìm thấy đơn vị ${q.unitId}.`);
  return {
    unit: focus ? figuresOf(focus) : null,
    units: rows.filter((r) => !r.focus && (r.visible || r.sent > 0)).map(figuresOf),
  };
}
