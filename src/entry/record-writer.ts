/**
 * The one way an action reaches an existing record, in ONE transaction:
 * check the actor's permission, lock the row within her scope (else "not
 * found") and check she may write it (keying passes are their keyer's); if
 * the client transaction id is already stored, answer what that request
 * answered the first time (the fold of the history up to it) and write
 * nothing; run the caller's guard (e.g. src/qc's policy) on the locked row; if
 * the client saw another version, refuse with what changed since (Conflict);
 * else append the planned actions, fold the whole history and write the row.
 * A check that throws after the fold rolls everything back.
 */
import { actorIdOf, assertPermission, type Actor, type ActorContext, type Permission } from '../auth/index.js';
import { Conflict } from '../core/index.js';
import { recordNotFound, txReused } from './record-errors.js';
import type { Database, RecordAction, RecordRow } from '../store/index.js';
import type { Transaction } from 'kysely';
import { assertCanWrite } from './record-access.js';
import { appendAction, findActionsByTx, listActions } from './actions.repo.js';
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
  /** What the actor's role must allow (checked inside the transaction). */
  permission: Permission;
  /** Runs on the locked row before the version check; throw to refuse. */
  guard?(tx: Transaction<Database>, row: RecordRow): Promise<void>;
  /** Every client_tx_id this request may have written (a replay finds any of them). */
  txIds: readonly string[];
  /** The actions to append, given the current state (may throw to refuse). */
  plan(current: RecordState): PlannedAction[];
  /** Runs on the new state before it is written; throw to roll back. */
  check?(next: RecordState): void;
}

export { recordNotFound, txReused };

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

async function appendPlanned(tx: Transaction<Database>, recordId: string, actor: Actor, planned: readonly PlannedAction[], history: RecordAction[]): Promise<void> {
  for (const p of planned) {
    const row = { record_id: recordId, client_tx_id: p.clientTxId, kind: p.body.kind, actor_id: actorIdOf(actor), payload: JSON.stringify(p.body.payload) };
    const { action, replayed } = await appendAction(tx, row);
    if (replayed) throw txReused(p.clientTxId);
    history.push(action);
  }
}

export async function writeActions(ctx: ActorContext, target: Target, steps: WriteSteps): Promise<RecordView> {
  const today = ctx.clock();
  const { recordId } = target;
  return ctx.store.db.transaction().execute(async (tx) => {
    assertPermission(ctx.actor, steps.permission);
    const row = await lockRecord(tx, ctx.actor, recordId);
    if (!row) throw recordNotFound(recordId);
    await assertCanWrite(tx, ctx.actor, row);
    const history = await listActions(tx, recordId);
    const stored = await findActionsByTx(tx, steps.txIds);
    if (stored.length > 0) return replayedView(recordId, stored, history, today);
    await steps.guard?.(tx, row);
    const current = fold(history);
    if (target.expectedVersion !== current.version) throw staleVersion(recordId, history, target.expectedVersion, current);
    const planned = steps.plan(current);
    if (planned.length === 0) return recordView(recordId, current, today);
    await appendPlanned(tx, recordId, ctx.actor, planned, history);
    const next = fold(history);
    steps.check?.(next);
    await writeProjection(tx, recordId, next);
    return recordView(recordId, next, today);
  });
}

/**
 * For another module's rules (src/qc) inside ITS transaction: lock the
 * record, plan on its current state, append, fold, write the row. No version
 * guard (the plan sees the locked state). Idempotent: when every planned
 * client_tx_id is already stored on this record nothing is written.
 */
export async function appendInTransaction(
  tx: Transaction<Database>, actor: Actor, recordId: string, plan: (current: RecordState) => PlannedAction[],
): Promise<RecordState> {
  if (!(await lockRecord(tx, actor, recordId))) throw recordNotFound(recordId);
  const history = await listActions(tx, recordId);
  const planned = plan(fold(history));
  const stored = new Set((await findActionsByTx(tx, planned.map((p) => p.clientTxId))).map((a) => a.client_tx_id));
  const fresh = planned.filter((p) => !stored.has(p.clientTxId));
  if (fresh.length === 0) return fold(history);
  await appendPlanned(tx, recordId, actor, fresh, history);
  const next = fold(history);
  await writeProjection(tx, recordId, next);
  return next;
}
