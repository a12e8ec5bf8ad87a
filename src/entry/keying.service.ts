/**
 * Keying rules: creating a record on pages of its book, saving drafts and
 * corrections, completing and reopening. Every write is one transaction,
 * idempotent on the client transaction id and guarded by the version the
 * client saw (record-writer). A completed record never has an ERROR finding
 * nor an unacknowledged WARNING: completion checks it, and a correction that
 * would break it is refused (reopen the record instead).
 */
import { getBook, getPage } from '../archive/index.js';
import type { Transaction } from 'kysely';
import { actorIdOf, assertPermission, type Actor, type ActorContext, type Permission } from '../auth/index.js';
import { Conflict, Invalid, NotFound } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import { appendAction, findActionsByTx, listActions } from './actions.repo.js';
import type { KeyingPass } from './actions.schema.js';
import { CompleteRecordInput, CreateRecordInput, ReopenRecordInput, SaveRecordInput } from './entry.schema.js';
import { fold, type RecordState } from './fold.js';
import { completionBlockers, recordFindings, recordView, type RecordView } from './record-view.js';
import { appendInTransaction, assertSameRequest, replayedView, txReused, writeActions, type WriteSteps } from './record-writer.js';
import { recordNotFound } from './record-errors.js';
import type { Database } from '../store/index.js';
import { requestHash } from './request-hash.js';
import { syncBookStatus } from '../archive/index.js';
import { insertEmptyRecord, listPassesOf, lockRecord, stateOfRow, writeProjection } from './records.repo.js';
import { planSave, saveTxIds, type PlannedAction } from './save-plan.js';
import { checkRecordValues, precheckValueKeys } from './value-limits.js';

const fieldKeysOf = (templateId: string) => new Set(getTemplate(templateId).fields.map((f) => f.key));

const list = (xs: readonly string[]) => [...new Set(xs)].join(', ');

/** Throws Invalid when ERROR findings or unacknowledged WARNINGs remain (on `fields` only, when given); `refused` opens the message. */
function assertCompletable(state: RecordState, today: Date, refused: string, fields?: ReadonlySet<string>): void {
  const findings = recordFindings(state, today).filter((f) => !fields || fields.has(f.path));
  const { errors, unacknowledged } = completionBlockers(findings);
  if (errors.length > 0) {
    const msg = `${refused}: còn ${errors.length} lỗi cần sửa (${list(errors.map((f) => f.path))}).`;
    throw new Invalid('record.has_errors', msg, errors[0]!.path, { findings: errors });
  }
  if (unacknowledged.length > 0) {
    const msg = `${refused}: còn ${unacknowledged.length} cảnh báo chưa xác nhận (${list(unacknowledged.map((f) => f.code))}). Hãy đối chiếu với sổ rồi xác nhận từng cảnh báo.`;
    throw new Invalid('record.unacknowledged_warnings', msg, unacknowledged[0]!.path, { warnings: unacknowledged });
  }
}

/** Thrown inside the create transaction when a concurrent request stored the same client_tx_id first. */
class LostCreateRace extends Error {}

/** Another module's rule on writes through entry (src/qc's policy), run on the locked row inside the write's transaction. */
export type WriteGuard = (ctx: ActorContext, tx: Parameters<NonNullable<WriteSteps['guard']>>[0], row: Parameters<NonNullable<WriteSteps['guard']>>[1], op: WriteOp) => Promise<void>;
export type WriteOp = 'save' | 'complete' | 'reopen';

export interface WriteOptions {
  guard?: WriteGuard | undefined;
  /** The permission the write needs; by default (saves, reopenings) the lifecycle rule of the record's stage decides, completion needs records.key. */
  permission?: Permission;
}

const guardOf = (ctx: ActorContext, opts: WriteOptions, op: WriteOp): WriteSteps['guard'] => (opts.guard ? (tx, row) => opts.guard!(ctx, tx, row, op) : undefined);

export async function createRecord(ctx: ActorContext, input: CreateRecordInput): Promise<RecordView> {
  assertPermission(ctx.actor, 'records.key');
  const r = CreateRecordInput.parse(input);
  const book = await getBook(ctx, r.bookId);
  for (const pageId of r.pageIds) await getPage(ctx, r.bookId, pageId);
  const today = ctx.clock();
  const created = { kind: 'created', payload: { bookId: book.id, registerType: book.register_type, templateId: book.template_version, pageIds: r.pageIds, regions: r.regions } } as const;
  const hash = requestHash({ ...r, clientTxId: undefined });
  try {
    return await ctx.store.db.transaction().execute(async (tx) => {
      const [stored] = await findActionsByTx(tx, [r.clientTxId]);
      if (stored) {
        if (stored.kind !== 'created') throw txReused(r.clientTxId);
        assertSameRequest([stored], hash);
        return replayedView(stored.record_id, [stored], await listActions(tx, stored.record_id), today);
      }
      const id = await insertEmptyRecord(tx, { bookId: book.id, registerType: book.register_type, templateId: book.template_version });
      const row = { record_id: id, client_tx_id: r.clientTxId, kind: created.kind, actor_id: actorIdOf(ctx.actor), payload: JSON.stringify({ ...created.payload, requestHash: hash }) };
      const { action, replayed } = await appendAction(tx, row);
      if (replayed) throw new LostCreateRace();
      const state = fold([action]);
      await writeProjection(tx, id, state);
      await syncBookStatus(tx, ctx.actor, book.id, today);
      return recordView(id, state, today);
    });
  } catch (e) {
    if (e instanceof LostCreateRace) return createRecord(ctx, input);
    throw e;
  }
}

/** A draft save (keyed) or, on a completed record, a correction; plus flags and acknowledged warnings. */
export async function saveRecord(ctx: ActorContext, input: SaveRecordInput, opts: WriteOptions = {}): Promise<RecordView> {
  precheckValueKeys(input.values);
  const s = SaveRecordInput.parse(input);
  return writeActions(ctx, s, {
    permission: opts.permission,
    guard: guardOf(ctx, opts, 'save'),
    op: 'edit',
    requestHash: requestHash(s),
    reason: s.reason,
    decisionRef: s.decisionRef,
    txIds: saveTxIds(s.clientTxId),
    plan: (current) => {
      checkRecordValues(getTemplate(current.templateId), s.values ?? {});
      return planSave(current, s, s.clientTxId, fieldKeysOf(current.templateId));
    },
    check: (next) => {
      if (next.status === 'completed') assertCompletable(next, ctx.clock(), 'Không lưu được sửa đổi của bản ghi đã hoàn thành (hãy mở lại bản ghi nếu cần)');
    },
  });
}

export interface CompleteOptions extends WriteOptions {
  /** Only findings on these fields block completion (src/qc: a pass B that keys the critical fields only). */
  fields?: ReadonlySet<string>;
}

export async function completeRecord(ctx: ActorContext, input: CompleteRecordInput, opts: CompleteOptions = {}): Promise<RecordView> {
  const c = CompleteRecordInput.parse(input);
  return writeActions(ctx, c, {
    permission: opts.permission ?? 'records.key',
    guard: guardOf(ctx, opts, 'complete'),
    op: 'complete',
    requestHash: requestHash(c),
    txIds: [c.clientTxId],
    plan: (current) => {
      if (current.status === 'completed') throw new Conflict('record.already_completed', 'Bản ghi này đã hoàn thành.');
      assertCompletable(current, ctx.clock(), 'Chưa hoàn thành được bản ghi', opts.fields);
      return [{ clientTxId: c.clientTxId, body: { kind: 'completed', payload: {} } }];
    },
  });
}

export async function reopenRecord(ctx: ActorContext, input: ReopenRecordInput, opts: WriteOptions = {}): Promise<RecordView> {
  const o = ReopenRecordInput.parse(input);
  return writeActions(ctx, o, {
    permission: opts.permission,
    guard: guardOf(ctx, opts, 'reopen'),
    op: 'reopen',
    requestHash: requestHash(o),
    reason: o.reason,
    decisionRef: o.decisionRef,
    txIds: [o.clientTxId],
    plan: (current) => {
      if (current.status !== 'completed') throw new Conflict('record.not_completed', 'Bản ghi chưa hoàn thành nên không cần mở lại.');
      return [{ clientTxId: o.clientTxId, body: { kind: 'reopened', payload: { reason: o.reason } } }];
    },
  });
}

export interface CreatePassInput {
  registrationId: string;
  pass: KeyingPass;
  clientTxId: string;
}

/**
 * A keying pass of a registration (src/qc): a record on the same book, pages
 * and regions, with keying_of / keying_pass set by its created action. The
 * registration row is locked meanwhile (before the replay check), so passes
 * of one registration are created one at a time and a retried request replays;
 * an existing pass of that letter is a Conflict.
 */
export async function createKeyingPass(ctx: ActorContext, input: CreatePassInput): Promise<RecordView> {
  const today = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    assertPermission(ctx.actor, 'records.key');
    // Lock first: a retry racing its own first request then sees the stored pass and replays it.
    const reg = await lockRecord(tx, ctx.actor, input.registrationId);
    const [stored] = await findActionsByTx(tx, [input.clientTxId]);
    if (stored) {
      if (stored.kind !== 'created') throw txReused(input.clientTxId);
      return replayedView(stored.record_id, [stored], await listActions(tx, stored.record_id), today);
    }
    if (!reg || reg.keying_of !== null) throw new NotFound('record.not_found', `Không tìm thấy việc đăng ký ${input.registrationId}.`);
    if ((await listPassesOf(tx, reg.id)).some((p) => p.keying_pass === input.pass)) throw new Conflict('qc.pass_exists', `Việc đăng ký này đã có lần nhập ${input.pass}.`);
    const r = stateOfRow(reg);
    const payload = { bookId: r.bookId, registerType: r.registerType, templateId: r.templateId, pageIds: r.pageIds, regions: r.regions, keyingOf: reg.id, keyingPass: input.pass };
    const id = await insertEmptyRecord(tx, { bookId: r.bookId, registerType: r.registerType, templateId: r.templateId });
    const row = { record_id: id, client_tx_id: input.clientTxId, kind: 'created', actor_id: actorIdOf(ctx.actor), payload: JSON.stringify(payload) };
    const { action, replayed } = await appendAction(tx, row);
    if (replayed) throw txReused(input.clientTxId);
    const state = fold([action]);
    await writeProjection(tx, id, state);
    return recordView(id, state, today);
  });
}

/**
 * The machine's pass (M) of a registration, inside the caller's transaction
 * (src/qc): a keying pass whose created action has no actor (the machine is
 * never a user), holding the given values in one keyed action with provenance
 * 'machine' on each, completed at once (a reading, not a draft). An existing
 * pass M is kept as it is (its id is returned).
 */
export async function createMachinePass(tx: Transaction<Database>, actor: Actor, registrationId: string, values: Readonly<Record<string, string>>): Promise<string> {
  const reg = await lockRecord(tx, actor, registrationId);
  if (!reg || reg.keying_of !== null) throw recordNotFound(registrationId);
  const existing = (await listPassesOf(tx, reg.id)).find((p) => p.keying_pass === 'M');
  if (existing) return existing.id;
  const r = stateOfRow(reg);
  const payload = { bookId: r.bookId, registerType: r.registerType, templateId: r.templateId, pageIds: r.pageIds, regions: r.regions, keyingOf: reg.id, keyingPass: 'M' };
  const id = await insertEmptyRecord(tx, { bookId: r.bookId, registerType: r.registerType, templateId: r.templateId });
  const { action } = await appendAction(tx, { record_id: id, client_tx_id: `machine:${reg.id}`, kind: 'created', actor_id: null, payload: JSON.stringify(payload) });
  await writeProjection(tx, id, fold([action]));
  const provenance = Object.fromEntries(Object.keys(values).map((k) => [k, 'machine' as const]));
  const plan: PlannedAction[] = [
    { clientTxId: `machine:${reg.id}#values`, body: { kind: 'keyed', payload: { values: { ...values }, provenance } } },
    { clientTxId: `machine:${reg.id}#done`, body: { kind: 'completed', payload: {} } },
  ];
  await appendInTransaction(tx, actor, id, () => plan);
  return id;
}
