/**
 * What a keyer sees of a record: its state plus the register's findings on
 * its values, WARNINGs marked acknowledged or not, and what still blocks
 * completion. PURE (the day that counts as today is an argument).
 */
import { getTemplate, validateTemplateRecord, type Finding } from '../registers/index.js';
import type { RecordState } from './fold.js';

export interface RecordFinding extends Finding {
  /** WARNINGs only: the keyer accepted it. */
  acknowledged?: boolean;
}

/** The folded state as JSON (dates as ISO strings), with its id and findings. */
export interface RecordView extends Omit<RecordState, 'completedAt' | 'updatedAt'> {
  id: string;
  completedAt: string | null;
  updatedAt: string;
  findings: RecordFinding[];
}

/** A WARNING is acknowledged by its code (every occurrence) or by `path:code` (that field only). */
export function isAcknowledged(f: Finding, acknowledged: readonly string[]): boolean {
  return acknowledged.includes(f.code) || acknowledged.includes(`${f.path}:${f.code}`);
}

/**
 * The register's findings on a state's values as of a day, computed once per
 * values object, template and day: a write validates the same folded state
 * up to three times (its check before writing, its stored findings, its
 * answer). Sound because a fold never changes a values object in place (each
 * action makes a new one) and validation reads of today only its day.
 */
const validated = new WeakMap<Readonly<Record<string, string>>, { key: string; findings: readonly Finding[] }>();
function findingsOn(templateId: string, values: Readonly<Record<string, string>>, today: Date): readonly Finding[] {
  const key = `${templateId}|${today.getFullYear()}-${today.getMonth() + 1}-${today.getDate()}`;
  const hit = validated.get(values);
  if (hit?.key === key) return hit.findings;
  const findings = validateTemplateRecord(getTemplate(templateId), values, { today });
  validated.set(values, { key, findings });
  return findings;
}

export function recordFindings(state: RecordState, today: Date): RecordFinding[] {
  const findings = findingsOn(state.templateId, state.values, today);
  return findings.map((f) => (f.severity === 'WARNING' ? { ...f, acknowledged: isAcknowledged(f, state.acknowledged) } : f));
}

export interface Blockers {
  errors: RecordFinding[];
  unacknowledged: RecordFinding[];
}

/** What stands between a record and completion: every ERROR, and every WARNING not acknowledged. */
export function completionBlockers(findings: readonly RecordFinding[]): Blockers {
  return {
    errors: findings.filter((f) => f.severity === 'ERROR'),
    unacknowledged: findings.filter((f) => f.severity === 'WARNING' && f.acknowledged !== true),
  };
}

export function recordView(id: string, state: RecordState, today: Date): RecordView {
  return {
    ...state,
    id,
    completedAt: state.completedAt?.toISOString() ?? null,
    updatedAt: state.updatedAt.toISOString(),
    findings: recordFindings(state, today),
  };
}
