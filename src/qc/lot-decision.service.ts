/**
 * Deciding a lot (permission qc.accept, checked by the route): the system
 * computes the decision with the plan's rule (acceptance.ts) once every
 * sampled registration is checked; the decider records it (who, when, note)
 * and may pass the verdict they saw, which must match. The stored decision
 * holds the findings and EVERY error found.
 * Errors found in the sample are then corrected through entry's correction
 * path (a `corrected` action by the decider with the checker's value); when a
 * correction would leave the completed registration with an ERROR finding, the
 * registration is reopened instead, with the errors as the reason, and goes
 * back to its keyer. A rejected lot returns to keying: its errors are listed
 * in the decision and report; the team re-checks the lot and submits a new lot.
 */
import { syncBookStatus } from '../archive/index.js';
import { appendEntityAction, lockBookChains } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, isAppError } from '../core/index.js';
import { findRecord, reopenRecord, saveRecord } from '../entry/index.js';
import type { FieldCheck } from './acceptance.js';
import { checkableFields } from './lot-fields.js';
import { DecideLotInput } from './lot.schema.js';
import { updateDecisionPayload, writeDecision } from './lot.repo.js';
import { getLot, type LotView } from './lot.service.js';
import { transactRetrying } from '../store/index.js';

export type CorrectionOutcome = 'corrected' | 'reopened' | 'failed';

export interface RecordCorrection {
  recordId: string;
  outcome: CorrectionOutcome;
  fields: string[];
  message?: string;
}

/** The reopening reason the keyer reads: the catalog's labels of the wrong fields, with both values. */
function reasonOf(templateId: string, errors: FieldCheck[]): string {
  const labels = new Map(checkableFields(templateId).map((f) => [f.key, f.label]));
  const text = `Nghiệm thu theo mẫu: sai ${errors.map((e) => `${labels.get(e.fieldKey) ?? e.fieldKey} ("${e.keyedValue}" → "${e.correctValue ?? ''}")`).join('; ')}`;
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

async function correctRecord(ctx: ActorContext, lotId: string, recordId: string, errors: FieldCheck[]): Promise<RecordCorrection> {
  const fields = errors.map((e) => e.fieldKey);
  const row = await findRecord(ctx.store.db, ctx.actor, recordId);
  const as = { permission: 'qc.accept' } as const;
  if (!row) return { recordId, outcome: 'failed', fields, message: 'Không tìm thấy bản ghi.' };
  const values = Object.fromEntries(errors.map((e) => [e.fieldKey, e.correctValue === '' ? null : e.correctValue]));
  try {
    await saveRecord(ctx, { recordId, clientTxId: `qc-lot-${lotId}-${recordId}-fix`, expectedVersion: row.version, values, reason: reasonOf(row.template_version, errors) }, as);
    return { recordId, outcome: 'corrected', fields };
  } catch (e) {
    if (!isAppError(e) || row.status !== 'completed') return { recordId, outcome: 'failed', fields, message: e instanceof Error ? e.message : String(e) };
    await reopenRecord(ctx, { recordId, clientTxId: `qc-lot-${lotId}-${recordId}-reopen`, expectedVersion: row.version, reason: reasonOf(row.template_version, errors) }, as);
    return { recordId, outcome: 'reopened', fields, message: e.message };
  }
}

export async function decideSampledLot(ctx: ActorContext, lotId: string, input: DecideLotInput): Promise<LotView> {
  assertPermission(ctx.actor, 'qc.accept');
  const d = DecideLotInput.parse(input);
  const actorId = actorIdOf(ctx.actor);
  const lot = await getLot(ctx, lotId);
  if (lot.status !== 'sampling') throw new Conflict('qc.lot_decided', 'Lô này đã có quyết định nghiệm thu.');
  if (!lot.proposed) throw new Invalid('qc.lot_not_checked', `Chưa kiểm tra hết mẫu: mới ${lot.progress.checked}/${lot.progress.sampled} bản ghi.`);
  if (d.verdict && d.verdict !== lot.proposed.verdict)
    throw new Conflict('qc.lot_verdict_changed', 'Kết quả tính toán khác với kết quả bạn đã xem (có thể kết quả kiểm tra vừa thay đổi). Hãy tải lại trang.');
  const status = lot.proposed.verdict === 'accept' ? 'accepted' : 'rejected';
  const decision = { decision: lot.proposed, findings: lot.findings, corrections: [] as RecordCorrection[] };
  const ok = await writeDecision(ctx.store.db, lotId, { status, decision, decidedBy: actorId, decidedAt: ctx.clock(), note: d.note });
  if (!ok) throw new Conflict('qc.lot_decided', 'Lô này đã có quyết định nghiệm thu.');
  const byRecord = new Map<string, FieldCheck[]>();
  for (const e of lot.findings.errors) byRecord.set(e.recordId, [...(byRecord.get(e.recordId) ?? []), e]);
  for (const [recordId, errors] of byRecord) decision.corrections.push(await correctRecord(ctx, lotId, recordId, errors));
  await transactRetrying(ctx.store.db, ctx.log, async (tx) => {
    // The lot's row (base chain) and each of its books' status: every chain locked first, in the one fixed order.
    await lockBookChains(
      tx,
      lot.scope.books.map((b) => b.id),
      { base: true },
    );
    await updateDecisionPayload(tx, lotId, decision);
    await appendEntityAction(tx, {
      entityType: 'qc_lot',
      entityId: lotId,
      kind: status,
      actorId,
      reason: d.note,
      payload: { verdict: lot.proposed!.verdict, corrections: decision.corrections.length },
    });
    for (const b of lot.scope.books) await syncBookStatus(tx, ctx.actor, b.id, ctx.clock());
  });
  return getLot(ctx, lotId);
}
