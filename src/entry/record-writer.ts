/**
 * The one way an action reaches an existing record, in ONE transaction:
 * lock the row; if the client transaction id is already stored, answer what
 * that request answered the first time (the fold of the history up to it) and
 * write nothing; if the client saw another version, refuse with what changed
 * since (Conflict); else append the planned actions, fold the whole history
 * and write the row. A check that throws after the fold rolls everything back.
 */
import { Conflict, NotFound, type AppContext } from '../core/index.js';
import type { Database, RecordAction } from '../store/index.js';
import type { Transaction } from 'kysely';
import { appendAction, findActionsByTx, listActions } from './actions.repo.js';
import { changesSince } from './changes-since.js';
import { fold, type RecordState } from './fold.js';
import { recordView, type RecordView } from './record-view.js';
import { lockRecord, writeProjection } from './records.repo.js';
import type { PlannedAction } from './save-plan.js';

export interface Guard {
  recordId: string;
  expectedVersion: number;
  actorId?: string | undefined;
}

export interface WriteSteps {
  /** Every client_tx_id this request may have written (a replay finds any of them). */
  txIds: readonly string[];
  /** The actions to append, given the current state (may throw to refuse). */
  plan(current: RecordState): PlannedAction[];
  /** Runs on the new state before it is written; throw to roll back. */
  check?(next: RecordState): void;
}

export const recordNotFound = (id: string) => new NotFound('record.not_found', `Không tìm thấy bản ghi ${id}.`);

export const txReused = (clientTxId: string) =>
  new Conflict('record.client_tx_reused', `Mã giao dịch ${clientTxId} đã được dùng cho một việc khác; hãy tạo mã mới cho mỗi lần lưu.`);

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
      (fields ? `; các trường đã đổi: ${fields}` : '') + '. Không ghi đè: hãy xem các thay đổi rồi lưu lại.',
    details,
  );
}

async function appendPlanned(tx: Transaction<Database>, guard: Guard, planned: readonly PlannedAction[], history: RecordAction[]): Promise<void> {
  for (const p of planned) {
    const row = { record_id: guard.recordId, client_tx_id: p.clientTxId, kind: p.body.kind, actor_id: guard.actorId ?? null, payload: JSON.stringify(p.body.payload) };
    const { action, replayed } = await appendAction(tx, row);
    if (replayed) throw txReused(p.clientTxId);
    history.push(action);
  }
}

export async function writeActions(ctx: AppContext, guard: Guard, steps: WriteSteps): Promise<RecordView> {
  const today = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    if (!(await lockRecord(tx, guard.recordId))) throw recordNotFound(guard.recordId);
    const history = await listActions(tx, guard.recordId);
    const stored = await findActionsByTx(tx, steps.txIds);
    if (stored.length > 0) return replayedView(guard.recordId, stored, history, today);
    const current = fold(history);
    if (guard.expectedVersion !== current.version) throw staleVersion(guard.recordId, history, guard.expectedVersion, current);
    const planned = steps.plan(current);
    if (planned.length === 0) return recordView(guard.recordId, current, today);
    await appendPlanned(tx, guard, planned, history);
    const next = fold(history);
    steps.check?.(next);
    await writeProjection(tx, guard.recordId, next);
    return recordView(guard.recordId, next, today);
  });
}

/**
 * For another module's rules (src/qc) inside ITS transaction: lock the
 * record, plan on its current state, append, fold, write the row. No version
 * guard (the plan sees the locked state). Idempotent: when every planned
 * client_tx_id is already stored on this record nothing is written.
 */
export async function appendInTransaction(
  tx: Transaction<Database>, recordId: string, actorId: string | null, plan: (current: RecordState) => PlannedAction[],
): Promise<RecordState> {
  if (!(await lockRecord(tx, recordId))) throw recordNotFound(recordId);
  const history = await listActions(tx, recordId);
  const planned = plan(fold(history));
  const stored = new Set((await findActionsByTx(tx, planned.map((p) => p.clientTxId))).map((a) => a.client_tx_id));
  const fresh = planned.filter((p) => !stored.has(p.clientTxId));
  if (fresh.length === 0) return fold(history);
  await appendPlanned(tx, { recordId, expectedVersion: -1, actorId: actorId ?? undefined }, fresh, history);
  const next = fold(history);
  await writeProjection(tx, recordId, next);
  return next;
}
