/**
 * The one way an action reaches an existing record, in ONE transaction:
 * check the actor's permission, lock the row within her scope (else "not
 * found") and check she may write it (keying passes are their keyer's); if
 * the client transaction id is already stored, answer what that request
 * answered the first time (the fold of the history up to it) and write
 * nothing — unless it came with another content (Unprocessable, 422); run the
 * caller's guard (e.g. src/qc's policy) on the locked row; if the client saw
 * another version, refuse with what changed since (Conflict); check the
 * lifecycle (lifecycle.ts: who may change the record at its stage, with a
 * reason where one is needed); else append the planned actions, fold the
 * whole history and write the row; a change to a registration a signed-off
 * export holds is written to export_changes (the export is stale); the
 * book's status follows (src/archive). A check that throws after the fold
 * rolls everything back. A transaction the database rolled back for a
 * deadlock runs again from the start (store transactRetrying).
 */
import { syncBookStatus } from '../archive/index.js';
import { appendEntityAction } from '../audit/index.js';
import { actorCan, actorIdOf, assertPermission, Forbidden, forbidden, type Actor, type ActorContext, type Permission } from '../auth/index.js';
import { Conflict, Invalid, Unprocessable } from '../core/index.js';
import { recordNotFound, txReused } from './record-errors.js';
import { exportHasChanges, findCoveringExport, insertExportChange, isBookLoaded } from './export-changes.repo.js';
import { CHANGING_KINDS, lifecycleRule, mayDo, recordStage, STAGE_LABELS, type LifecycleOp, type RecordStage } from './lifecycle.js';
import { transactRetrying, type Database, type RecordAction, type RecordRow } from '../store/index.js';
import type { Transaction } from 'kysely';
import { assertCanWrite } from './record-access.js';
import { appendAction, findActionsByTx, listActions, listActionsAndReplays } from './actions.repo.js';
import { changesSince } from './changes-since.js';
import { fold, type RecordState } from './fold.js';
import { recordView, type RecordView } from './record-view.js';
import { lockRecord, writeProjection } from './records.repo.js';
import type { PlannedAction } from './save-plan.js';

export interface Target {
  recordId: string;
  expectedVersion: number;
}

export interface WriteSteps {
  /**
   * What the actor's role must allow (checked inside the transaction); when
   * absent, any permission that changes records (keying, review, acceptance)
   * and the lifecycle rule of the record's stage decides.
   */
  permission?: Permission | undefined;
  /** Runs on the locked row before the version check; throw to refuse. */
  guard?(tx: Transaction<Database>, row: RecordRow): Promise<void>;
  /** Every client_tx_id this request may have written (a replay finds any of them). */
  txIds: readonly string[];
  /** The actions to append, given the current state (may throw to refuse). */
  plan(current: RecordState): PlannedAction[];
  /** Runs on the new state before it is written; throw to roll back. */
  check?(next: RecordState): void;
  /** What the write does in lifecycle terms (lifecycle.ts). */
  op: LifecycleOp;
  /** The request's content fingerprint (requestHash): a replay with another content is refused. */
  requestHash: string;
  /** Why (required where the lifecycle says so); decisionRef: the decision a correction rests on. */
  reason?: string | undefined;
  decisionRef?: string | undefined;
}

/** Where a record is in the line, and the signed-off export that holds it (if any). */
export interface Lifecycle {
  stage: RecordStage;
  exportId: string | null;
}

export { recordNotFound, txReused };

/** The permissions that may change a record at all (the lifecycle narrows them by stage). */
const WRITERS: readonly Permission[] = ['records.key', 'records.review', 'qc.accept'];

/** The answer a request gave the first time: the history folded up to its last stored action. */
export function replayedView(recordId: string, stored: readonly RecordAction[], history: readonly RecordAction[], today: Date): RecordView {
  if (stored.some((a) => a.record_id !== recordId)) throw txReused(stored[0]!.client_tx_id);
  const lastId = String(stored.at(-1)!.id);
  const upTo = history.findIndex((a) => String(a.id) === lastId);
  return recordView(recordId, fold(history.slice(0, upTo + 1)), today);
}

function staleVersion(recordId: string, history: readonly RecordAction[], expectedVersion: number, current: RecordState): Conflict {
  const details = { recordId, ...changesSince(history, expectedVersion, current) };
  const fields = details.fields.map((f) => f.key).join(', ');
  return new Conflict(
    'record.version_conflict',
    `Bản ghi đã được thay đổi sau khi bạn mở (bạn có phiên bản ${expectedVersion}, hiện tại là ${current.version})` +
      (fields ? `; các trường đã đổi: ${fields}` : '') +
      '. Không ghi đè: hãy xem các thay đổi rồi lưu lại.',
    details,
  );
}

/** Extra payload keys every action of a request carries: its fingerprint, and the reason and decision of a correction. */
type Extra = { requestHash?: string; reason?: string; decisionRef?: string };

async function appendPlanned(tx: Transaction<Database>, recordId: string, actor: Actor, planned: readonly PlannedAction[], history: RecordAction[], extra: Extra = {}): Promise<RecordAction[]> {
  const added: RecordAction[] = [];
  for (const p of planned) {
    const payload = { ...p.body.payload, ...extra };
    const row = { record_id: recordId, client_tx_id: p.clientTxId, kind: p.body.kind, actor_id: actorIdOf(actor), payload: JSON.stringify(payload) };
    const { action, replayed } = await appendAction(tx, row);
    if (replayed) throw txReused(p.clientTxId);
    history.push(action);
    added.push(action);
  }
  return added;
}

/** The same client_tx_id with another content: refused (422), never silently answered with the old state. */
export function assertSameRequest(stored: readonly RecordAction[], requestHash: string): void {
  const first = stored[0]!;
  const hash = (first.payload as { requestHash?: unknown }).requestHash;
  if (typeof hash === 'string' && hash !== requestHash) {
    throw new Unprocessable(
      'record.client_tx_payload_differs',
      `Mã giao dịch ${first.client_tx_id} đã được dùng cho một yêu cầu có nội dung khác. Không ghi nội dung mới: hãy tạo mã giao dịch mới cho mỗi lần lưu.`,
      { clientTxId: first.client_tx_id },
    );
  }
}

export async function lifecycleOf(tx: Transaction<Database>, row: RecordRow, history: readonly RecordAction[], current: RecordState): Promise<Lifecycle> {
  if (row.keying_of !== null) return { stage: current.status === 'completed' ? 'completed' : 'draft', exportId: null };
  const covering = await findCoveringExport(tx, row.book_id, row.created_at);
  const loaded = covering !== undefined && (await isBookLoaded(tx, row.book_id));
  return {
    stage: recordStage(
      current.status,
      history.map((a) => a.kind),
      covering !== undefined,
      loaded,
    ),
    exportId: covering?.id ?? null,
  };
}

const LOCKED: Partial<Record<RecordStage, string>> = {
  accepted: 'Bản ghi đã được kiểm tra và chấp nhận nên người nhập liệu không mở lại hay sửa được. Chỉ người kiểm tra hoặc công chức tư pháp - hộ tịch mới mở lại hoặc sửa, kèm lý do.',
  exported: 'Bản ghi đã được xuất và ký duyệt. Mọi thay đổi là một lần đính chính do người kiểm tra hoặc công chức tư pháp - hộ tịch thực hiện, kèm lý do.',
  loaded: 'Bản ghi đã được đưa vào cơ sở dữ liệu hộ tịch điện tử. Mọi thay đổi là một lần đính chính do người kiểm tra hoặc công chức tư pháp - hộ tịch thực hiện, kèm lý do.',
};

/** Who may do this at the record's stage, and with a reason where one is needed. */
export function assertLifecycle(actor: Actor, life: Lifecycle, steps: Pick<WriteSteps, 'op' | 'reason'>): void {
  const rule = lifecycleRule(life.stage, steps.op);
  if (!mayDo(actor, rule)) {
    throw new Forbidden('record.locked', LOCKED[life.stage] ?? `Bạn không thay đổi được bản ghi ở giai đoạn "${STAGE_LABELS[life.stage]}".`, { stage: life.stage });
  }
  if (rule.reason && !(steps.reason ?? '').trim()) {
    const what = steps.op === 'reopen' ? 'mở lại' : 'đính chính';
    throw new Invalid('record.reason_required', `Cần ghi lý do ${what} bản ghi (giai đoạn "${STAGE_LABELS[life.stage]}").`, 'reason', { stage: life.stage });
  }
}

/** A change to a registration a signed-off export holds: one export_changes row per changing action; the first one marks the export stale in its history. */
async function recordExportChanges(tx: Transaction<Database>, actor: Actor, row: RecordRow, exportId: string, added: readonly RecordAction[], steps: WriteSteps): Promise<void> {
  const changing = added.filter((a) => CHANGING_KINDS.has(a.kind));
  if (changing.length === 0) return;
  const first = !(await exportHasChanges(tx, exportId));
  for (const a of changing) {
    const values = (a.payload as { values?: Record<string, unknown> }).values ?? {};
    await insertExportChange(tx, {
      exportId,
      bookId: row.book_id,
      recordId: row.id,
      actionId: a.id,
      kind: a.kind,
      fields: Object.keys(values),
      reason: steps.reason ?? '',
      decisionRef: steps.decisionRef ?? '',
      actorId: actorIdOf(actor),
    });
  }
  if (first) {
    await appendEntityAction(tx, {
      entityType: 'export',
      entityId: exportId,
      bookId: row.book_id,
      kind: 'stale',
      actorId: actorIdOf(actor),
      reason: steps.reason ?? '',
      payload: { recordId: row.id },
    });
  }
}

export async function writeActions(ctx: ActorContext, target: Target, steps: WriteSteps): Promise<RecordView> {
  const today = ctx.clock();
  const { recordId } = target;
  return transactRetrying(ctx.store.db, ctx.log, async (tx) => {
    if (steps.permission) assertPermission(ctx.actor, steps.permission);
    else if (!WRITERS.some((p) => actorCan(ctx.actor, p))) throw forbidden('records.key');
    const row = await lockRecord(tx, ctx.actor, recordId);
    if (!row) throw recordNotFound(recordId);
    await assertCanWrite(tx, ctx.actor, row);
    const { history, stored } = await listActionsAndReplays(tx, recordId, steps.txIds);
    if (stored.length > 0) {
      if (stored.every((a) => a.record_id === recordId)) assertSameRequest(stored, steps.requestHash);
      return replayedView(recordId, stored, history, today);
    }
    await steps.guard?.(tx, row);
    const current = fold(history);
    const life = await lifecycleOf(tx, row, history, current);
    if (steps.op !== 'edit') assertLifecycle(ctx.actor, life, steps);
    if (target.expectedVersion !== current.version) throw staleVersion(recordId, history, target.expectedVersion, current);
    const planned = steps.plan(current);
    if (planned.length === 0) return recordView(recordId, current, today);
    if (steps.op === 'edit') assertLifecycle(ctx.actor, life, steps);
    const extra: Extra = { requestHash: steps.requestHash, ...(steps.reason ? { reason: steps.reason } : {}), ...(steps.decisionRef ? { decisionRef: steps.decisionRef } : {}) };
    const added = await appendPlanned(tx, recordId, ctx.actor, planned, history, extra);
    const next = fold(history);
    steps.check?.(next);
    await writeProjection(tx, recordId, next, current);
    if (life.exportId) await recordExportChanges(tx, ctx.actor, row, life.exportId, added, steps);
    if (life.exportId || current.status !== next.status) await syncBookStatus(tx, ctx.actor, row.book_id, today);
    return recordView(recordId, next, today);
  });
}

/**
 * For another module's rules (src/qc) inside ITS transaction: lock the
 * record, plan on its current state, append, fold, write the row. No version
 * guard (the plan sees the locked state). Idempotent: when every planned
 * client_tx_id is already stored on this record nothing is written.
 */
export async function appendInTransaction(tx: Transaction<Database>, actor: Actor, recordId: string, plan: (current: RecordState) => PlannedAction[]): Promise<RecordState> {
  if (!(await lockRecord(tx, actor, recordId))) throw recordNotFound(recordId);
  const history = await listActions(tx, recordId);
  const current = fold(history);
  const planned = plan(current);
  const stored = new Set(
    (
      await findActionsByTx(
        tx,
        planned.map((p) => p.clientTxId),
      )
    ).map((a) => a.client_tx_id),
  );
  const fresh = planned.filter((p) => !stored.has(p.clientTxId));
  if (fresh.length === 0) return current;
  const added = await appendPlanned(tx, recordId, actor, fresh, history);
  const next = fold(history);
  await writeProjection(tx, recordId, next, current);
  if (added.some((a) => a.kind === 'completed' || a.kind === 'reopened' || a.kind === 'verified' || a.kind === 'compared')) {
    await syncBookStatus(tx, actor, next.bookId, added.at(-1)!.created_at);
  }
  return next;
}
