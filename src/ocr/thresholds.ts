/**
 * Confidence thresholds per field kind, set from measured accuracy: among
 * machine values QC compared with accepted values, the least confidence t at
 * which the values read with confidence ≥ t were right at least TARGET of
 * the time, over at least MIN_SAMPLES values. Too few samples: the kind keeps
 * the cautious default (DEFAULT_THRESHOLD); no t reaches TARGET: NEVER (the
 * kind is not pre-filled at all). Pure: the service feeds it the samples.
 */
import { FIELD_KINDS, type FieldKind } from './values.js';

export const TARGET_ACCURACY = 0.98;
export const MIN_SAMPLES = 30;
export const DEFAULT_THRESHOLD = 0.9;
export const NEVER = 1.01;
/**
 * From 0.2: a place resolved through units/ is as sure as the resolver (place-value.ts), whose confidence
 * for a lone commune name ("Trạm y tế xã La Bằng") is about 0.5 and can be lower; the measured accuracy
 * decides whether such values are pre-filled, as for the engine's word confidences.
 */
const CANDIDATES = Array.from({ length: 80 }, (_, i) => Math.round((0.2 + i * 0.01) * 100) / 100);

export interface Sample {
  kind: FieldKind;
  confidence: number;
  correct: boolean;
}

export interface KindThreshold {
  kind: FieldKind;
  threshold: number;
  samples: number;
  /** Accuracy of all compared machine values of the kind (null: none yet). */
  accuracy: number | null;
}

export function thresholdFor(samples: readonly Sample[]): number {
  if (samples.length < MIN_SAMPLES) return DEFAULT_THRESHOLD;
  for (const t of CANDIDATES) {
    const above = samples.filter((s) => s.confidence >= t);
    if (above.length < Math.min(MIN_SAMPLES, samples.length)) break;
    if (above.filter((s) => s.correct).length / above.length >= TARGET_ACCURACY) return t;
  }
  return NEVER;
}

export function calibrate(samples: readonly Sample[]): KindThreshold[] {
  return FIELD_KINDS.map((kind) => {
    const mine = samples.filter((s) => s.kind === kind);
    return { kind, threshold: thresholdFor(mine), samples: mine.length, accuracy: mine.length === 0 ? null : mine.filter((s) => s.correct).length / mine.length };
  });
}
