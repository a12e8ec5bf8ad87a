/**
 * Machine accuracy next to the keyers': per field kind, how often the value
 * the OCR read (src/ocr) equals the accepted value of completed registrations
 * in the caller's scope, with the same error-rate statistics (Clopper–Pearson)
 * as keyer accuracy, and the pre-fill threshold now in force for the kind.
 */
import type { ActorContext } from '../auth/index.js';
import { calibrate, currentThresholds, KIND_LABELS, machineSamples, type FieldKind } from '../ocr/index.js';
import { rateStats, type RateStats } from './acceptance.js';

export interface MachineAccuracy {
  kind: FieldKind;
  label: string;
  /** Errors among the machine values compared with accepted values. */
  errors: RateStats;
  /** The pre-fill threshold in force, and the one the measured accuracy suggests. */
  threshold: number;
  suggested: number;
}

export async function machineAccuracy(ctx: ActorContext, bookId?: string): Promise<MachineAccuracy[]> {
  const samples = await machineSamples(ctx, bookId);
  const thresholds = await currentThresholds(ctx);
  return calibrate(samples).map((k) => {
    const mine = samples.filter((s) => s.kind === k.kind);
    return { kind: k.kind, label: KIND_LABELS[k.kind], errors: rateStats(mine.filter((s) => !s.correct).length, mine.length), threshold: thresholds[k.kind], suggested: k.threshold };
  });
}
