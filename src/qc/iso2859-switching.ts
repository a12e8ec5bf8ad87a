/**
 * ISO 2859-1 switching rules (QC.md §1.5) as a pure replay of the decided
 * lots of one supplier (here: the lots of one administrative unit), oldest
 * first. Start on normal.
 * - normal → tightened: 2 of 5 or fewer consecutive lots not accepted;
 * - tightened → normal: 5 consecutive lots accepted;
 * - tightened → discontinued: 5 lots (cumulative) not accepted on tightened;
 * - normal → reduced: switching score ≥ 30 and the authority agrees
 *   (`reducedApproved`); score: Ac ≥ 2 → +3 when the lot would also pass at
 *   the next tighter AQL, else reset; Ac 0/1 → +2 when accepted, else reset;
 * - reduced → normal: a lot not accepted, or accepted in the gap Ac < d < Re.
 */
import type { Severity } from './iso2859-tables.js';

export interface DecidedLot {
  accepted: boolean;
  /** Ac of the plan the lot was inspected under. */
  ac: number;
  /** Nonconforming units found (for the reduced-plan gap). */
  nonconforming: number;
  /** Whether the lot would also have been accepted at the next tighter AQL (score rule for Ac ≥ 2). */
  acceptedAtTighterAql?: boolean;
}

export type SwitchingSeverity = Severity | 'discontinued';

export interface SwitchingState {
  severity: SwitchingSeverity;
  switchingScore: number;
  /** Each change: after which lot (0-based) and to what. */
  changes: { afterLot: number; to: SwitchingSeverity }[];
}

interface Walk {
  severity: SwitchingSeverity;
  score: number;
  recentNormal: boolean[];
  acceptedRunTightened: number;
  rejectedOnTightened: number;
}

function scoreAfter(score: number, lot: DecidedLot): number {
  if (lot.ac >= 2) return lot.accepted && lot.acceptedAtTighterAql === true ? score + 3 : 0;
  return lot.accepted ? score + 2 : 0;
}

function step(w: Walk, lot: DecidedLot, reducedApproved: boolean): Walk {
  switch (w.severity) {
    case 'normal': {
      const recentNormal = [...w.recentNormal, lot.accepted].slice(-5);
      if (recentNormal.filter((a) => !a).length >= 2) return { ...w, severity: 'tightened', score: 0, recentNormal: [], acceptedRunTightened: 0 };
      const score = scoreAfter(w.score, lot);
      if (score >= 30 && reducedApproved) return { ...w, severity: 'reduced', score: 0, recentNormal: [] };
      return { ...w, score, recentNormal };
    }
    case 'tightened': {
      if (!lot.accepted) {
        const rejected = w.rejectedOnTightened + 1;
        return { ...w, acceptedRunTightened: 0, rejectedOnTightened: rejected, severity: rejected >= 5 ? 'discontinued' : 'tightened' };
      }
      const run = w.acceptedRunTightened + 1;
      return run >= 5 ? { ...w, severity: 'normal', score: 0, acceptedRunTightened: 0, rejectedOnTightened: 0 } : { ...w, acceptedRunTightened: run };
    }
    case 'reduced':
      return !lot.accepted || lot.nonconforming > lot.ac ? { ...w, severity: 'normal', score: 0, recentNormal: [] } : w;
    case 'discontinued':
      return w;
  }
}

/** The severity for the next lot after these decided lots. */
export function switchingState(lots: readonly DecidedLot[], opts: { reducedApproved?: boolean } = {}): SwitchingState {
  let w: Walk = { severity: 'normal', score: 0, recentNormal: [], acceptedRunTightened: 0, rejectedOnTightened: 0 };
  const changes: SwitchingState['changes'] = [];
  lots.forEach((lot, i) => {
    const next = step(w, lot, opts.reducedApproved ?? false);
    if (next.severity !== w.severity) changes.push({ afterLot: i, to: next.severity });
    w = next;
  });
  return { severity: w.severity, switchingScore: w.score, changes };
}
