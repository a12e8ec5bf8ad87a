/**
 * The lifecycle of a registration, as data: its stages, what moves it from
 * one to the next, and who may change it at each stage. PURE (no I/O): the
 * record writer (record-writer.ts) computes the stage of the locked record
 * inside its transaction and asks `lifecycleRule` before writing.
 *
 *   draft → completed → (double keying / peer review) → accepted
 *         → exported (the book's export signed off) → loaded (national system)
 *
 * - draft / completed: keyers key, complete and reopen.
 * - accepted (a reviewer verified it, or its two keying passes were compared
 *   and every disagreement arbitrated): only a reviewer or officer
 *   (records.review) or the acceptance decider (qc.accept) changes or reopens
 *   it; reopening needs a reason.
 * - exported / loaded: every change is a correction by a checker with a
 *   reason (and the decision it rests on, when there is one).
 * Every change to a registration a signed-off export holds (whatever its
 * stage now, e.g. re-keyed after a reopening) is written to export_changes:
 * the export is stale, and the next export lists what changed since.
 */
import { actorCan, type Actor, type Permission } from '../auth/index.js';
import type { ActionKind } from './actions.schema.js';

export const RECORD_STAGES = ['draft', 'completed', 'accepted', 'exported', 'loaded'] as const;
export type RecordStage = (typeof RECORD_STAGES)[number];

export const STAGE_LABELS: Record<RecordStage, string> = {
  draft: 'Đang nhập',
  completed: 'Đã hoàn thành nhập',
  accepted: 'Đã kiểm tra, được chấp nhận',
  exported: 'Đã xuất và ký duyệt',
  loaded: 'Đã đưa vào cơ sở dữ liệu hộ tịch điện tử',
};

/** The transitions of the line and the action (or book event) that makes each. */
export const TRANSITIONS: readonly { from: RecordStage; to: RecordStage; by: ActionKind | 'export.signed_off' | 'loaded' }[] = [
  { from: 'draft', to: 'completed', by: 'completed' },
  { from: 'completed', to: 'draft', by: 'reopened' },
  { from: 'completed', to: 'accepted', by: 'verified' },
  { from: 'completed', to: 'accepted', by: 'compared' },
  { from: 'accepted', to: 'draft', by: 'reopened' },
  { from: 'accepted', to: 'exported', by: 'export.signed_off' },
  { from: 'exported', to: 'draft', by: 'reopened' },
  { from: 'exported', to: 'loaded', by: 'loaded' },
];

/** What a write does, in lifecycle terms. */
export type LifecycleOp = 'edit' | 'complete' | 'reopen';

export interface StageRule {
  /** The actor needs one of these for this op at this stage. */
  permissions: readonly Permission[];
  /** A reason must be given. */
  reason: boolean;
}

const KEYING: readonly Permission[] = ['records.key', 'records.review', 'qc.accept'];
const CHECKERS: readonly Permission[] = ['records.review', 'qc.accept'];

const RULES: Record<RecordStage, Record<LifecycleOp, StageRule>> = {
  draft: {
    edit: { permissions: KEYING, reason: false },
    complete: { permissions: KEYING, reason: false },
    reopen: { permissions: KEYING, reason: false },
  },
  completed: {
    edit: { permissions: KEYING, reason: false },
    complete: { permissions: KEYING, reason: false },
    reopen: { permissions: KEYING, reason: false },
  },
  accepted: {
    edit: { permissions: CHECKERS, reason: false },
    complete: { permissions: KEYING, reason: false },
    reopen: { permissions: CHECKERS, reason: true },
  },
  exported: {
    edit: { permissions: CHECKERS, reason: true },
    complete: { permissions: KEYING, reason: false },
    reopen: { permissions: CHECKERS, reason: true },
  },
  loaded: {
    edit: { permissions: CHECKERS, reason: true },
    complete: { permissions: KEYING, reason: false },
    reopen: { permissions: CHECKERS, reason: true },
  },
};

export const lifecycleRule = (stage: RecordStage, op: LifecycleOp): StageRule => RULES[stage][op];

/** The action kinds that change what a registration says or its status (they make an export stale). */
export const CHANGING_KINDS: ReadonlySet<string> = new Set<ActionKind>(['keyed', 'corrected', 'reopened', 'completed', 'compared', 'arbitrated']);

/** Accepted by QC: completed, and verified or compared since it was last reopened. */
export function qcAccepted(status: string, kinds: readonly string[]): boolean {
  if (status !== 'completed') return false;
  const reopened = kinds.lastIndexOf('reopened');
  return kinds.some((k, i) => i > reopened && (k === 'verified' || k === 'compared'));
}

/** The stage of a registration from its status, its action kinds (oldest first), whether a signed-off export holds it and whether its book was confirmed loaded into the national system. */
export function recordStage(status: string, kinds: readonly string[], exported: boolean, loaded = false): RecordStage {
  if (status !== 'completed') return 'draft';
  if (exported) return loaded ? 'loaded' : 'exported';
  return qcAccepted(status, kinds) ? 'accepted' : 'completed';
}

/** Whether the actor may do `op` at this stage (any of the rule's permissions). */
export const mayDo = (actor: Actor, rule: StageRule): boolean => rule.permissions.some((p) => actorCan(actor, p));
