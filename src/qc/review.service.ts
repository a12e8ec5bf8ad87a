/**
 * Peer review (single keying + review): a reviewer (records.review) takes
 * the completed registrations of a book nobody has verified yet, checks each
 * against the image and either marks it verified or corrects fields through
 * entry's correction path. Each corrected field is one keyer error
 * (qc_review_corrections, with the value the keyer had), and the reviewer's
 * check is a `verified` action {fields checked, corrected}. A reviewer does
 * not review a registration they keyed.
 */
import { z } from 'zod';
import { actorIdOf, assertPermission, Forbidden, type ActorContext } from '../auth/index.js';
import { Conflict, NotFound } from '../core/index.js';
import { appendInTransaction, creatorOf, findRecord, fold, getRecordView, listActions, listBookRecords, saveRecord, type RecordListItem, type RecordView } from '../entry/index.js';
import type { Database } from '../store/index.js';
import type { Transaction } from 'kysely';
import { tidy } from './compare.js';
import { insertReviewCorrections, verifiedRecordIds } from './review.repo.js';

export async function reviewQueue(ctx: ActorContext, bookId: string): Promise<RecordListItem[]> {
  const records = await listBookRecords(ctx, bookId);
  const verified = await verifiedRecordIds(
    ctx.store.db,
    records.map((r) => r.id),
  );
  return records.filter((r) => r.status === 'completed' && !verified.has(r.id));
}

export const VerifyInput = z.object({
  recordId: z.uuid('Mã bản ghi không hợp lệ.'),
  clientTxId: z.string().trim().min(8, 'Mã giao dịch cần ít nhất 8 ký tự.').max(120, 'Mã giao dịch tối đa 120 ký tự.'),
  expectedVersion: z.number({ message: 'Cần gửi phiên bản bản ghi đang kiểm tra (expectedVersion).' }).int().min(1),
  /** Corrections: the fields to change ('' or null clears). Absent or empty: verified as keyed. */
  values: z.record(z.string(), z.string().max(2000, 'Giá trị tối đa 2000 ký tự.').nullable()).optional(),
});
export type VerifyInput = z.input<typeof VerifyInput>;

async function recordVerification(tx: Transaction<Database>, ctx: ActorContext, v: z.output<typeof VerifyInput>, keyerId: string | null): Promise<void> {
  const now = ctx.clock();
  const history = await listActions(tx, v.recordId);
  const txId = `${v.clientTxId}#v`;
  if (history.some((a) => a.client_tx_id === txId)) return;
  const before = fold(history.slice(0, v.expectedVersion)).values;
  const after = fold(history).values;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const corrected = keys.filter((k) => tidy(before[k]) !== tidy(after[k]));
  await insertReviewCorrections(
    tx,
    corrected.map((k) => ({
      record_id: v.recordId,
      field_key: k,
      keyed_value: before[k] ?? '',
      corrected_value: after[k] ?? '',
      keyer_id: keyerId,
      reviewer_id: actorIdOf(ctx.actor),
      created_at: now,
    })),
  );
  const fields = Object.keys(after).filter((k) => tidy(after[k]) !== '' || corrected.includes(k));
  await appendInTransaction(tx, ctx.actor, v.recordId, () => [{ clientTxId: txId, body: { kind: 'verified', payload: { fields, corrected } } }]);
}

/** Marks a completed registration verified, after applying the reviewer's corrections if any. */
export async function verifyRecord(ctx: ActorContext, input: VerifyInput): Promise<RecordView> {
  const v = VerifyInput.parse(input);
  assertPermission(ctx.actor, 'records.review');
  const row = await findRecord(ctx.store.db, ctx.actor, v.recordId);
  if (!row || row.keying_of !== null) throw new NotFound('record.not_found', `Không tìm thấy bản ghi ${v.recordId}.`);
  const keyerId = await creatorOf(ctx.store.db, row.id);
  if (keyerId !== null && keyerId === actorIdOf(ctx.actor)) throw new Forbidden('qc.review_own_keying', 'Bạn đã nhập bản ghi này nên không tự kiểm tra được.');
  const replay = (await listActions(ctx.store.db, row.id)).some((a) => a.client_tx_id === `${v.clientTxId}#v`);
  if (!replay && row.status !== 'completed') throw new Conflict('qc.review_not_completed', 'Chỉ kiểm tra bản ghi đã hoàn thành.');
  if (v.values && Object.keys(v.values).length > 0) {
    await saveRecord(ctx, { recordId: row.id, clientTxId: v.clientTxId, expectedVersion: v.expectedVersion, values: v.values }, { permission: 'records.review' });
  } else if (!replay && row.version !== v.expectedVersion) {
    throw new Conflict('record.version_conflict', `Bản ghi đã được thay đổi sau khi bạn mở (bạn có phiên bản ${v.expectedVersion}, hiện tại là ${row.version}); hãy tải lại rồi kiểm tra.`);
  }
  await ctx.store.db.transaction().execute((tx) => recordVerification(tx, ctx, v, keyerId));
  return getRecordView(ctx, row.id);
}
