/**
 * Citizens' requests for copies (procedure 2.000635): received by an
 * authority in the officer's scope, due the same working day (the next one
 * after 15:00 or on a day off), fee per copy from the configuration (8.000 đ
 * by default; an exemption is written with its reason and makes the fee 0).
 * status received -> found (the registration identified) -> issued (by
 * issueCopy) | refused (with a reason). Every change is an entity action.
 */
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { issuingUnit } from './copies.service.js';
import { Conflict, NotFound } from '../core/index.js';
import { transact, type ExtractRequestRow } from '../store/index.js';
import { dueAt, workingDays } from './due-time.js';
import { FoundRequestInput, NewRequestInput, RefuseRequestInput } from './extracts.schema.js';
import * as repo from './extracts.repo.js';
import { parse } from './parse.js';

export interface RequestView {
  id: string;
  issuingUnitId: string;
  recordId: string | null;
  requesterName: string;
  requesterIdType: string;
  requesterIdNo: string;
  relation: string;
  channel: string;
  wanted: Record<string, string>;
  copies: number;
  fee: number;
  feeExemption: string;
  receivedAt: string;
  dueAt: string;
  status: string;
  refusalReason: string;
}

export function requestView(r: ExtractRequestRow): RequestView {
  return {
    id: r.id,
    issuingUnitId: r.issuing_unit_id,
    recordId: r.record_id,
    requesterName: r.requester_name,
    requesterIdType: r.requester_id_type,
    requesterIdNo: r.requester_id_no,
    relation: r.relation,
    channel: r.channel,
    wanted: r.wanted,
    copies: r.copies,
    fee: r.fee_exemption ? 0 : r.fee_per_copy * r.copies,
    feeExemption: r.fee_exemption,
    receivedAt: r.received_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    status: r.status,
    refusalReason: r.refusal_reason,
  };
}

export async function createRequest(ctx: ActorContext, input: NewRequestInput): Promise<RequestView> {
  assertPermission(ctx.actor, 'extracts.issue');
  const r = parse(NewRequestInput, input);
  const unitId = await issuingUnit(ctx, r.issuingUnitId);
  const receivedAt = r.receivedAt ? new Date(r.receivedAt) : ctx.clock();
  const due = dueAt(receivedAt, workingDays(await repo.calendarExceptions(ctx.store.db)));
  const row = await transact(ctx.store.db, async (tx) => {
    const row = await repo.insertRequest(tx, {
      issuing_unit_id: unitId,
      record_id: r.recordId ?? null,
      requester_name: r.requesterName,
      requester_id_type: r.requesterIdType,
      requester_id_no: r.requesterIdNo,
      relation: r.relation,
      authorization_ref: r.authorizationRef,
      channel: r.channel,
      wanted: JSON.stringify(r.wanted),
      copies: r.copies,
      fee_per_copy: ctx.config.extractFee,
      fee_exemption: r.feeExemption,
      received_at: receivedAt,
      due_at: due,
      created_by: actorIdOf(ctx.actor),
    });
    await appendEntityAction(tx, { entityType: 'extract_request', entityId: row.id, kind: 'received', actorId: actorIdOf(ctx.actor), payload: { copies: row.copies, dueAt: due.toISOString() } });
    return row;
  });
  return requestView(row);
}

async function openRequest(ctx: ActorContext, id: string): Promise<ExtractRequestRow> {
  assertPermission(ctx.actor, 'extracts.issue');
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findRequest(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('extract_request.not_found', `Không tìm thấy yêu cầu cấp bản sao #${id}.`);
  if (row.status === 'issued' || row.status === 'refused') throw new Conflict('extract_request.closed', 'Yêu cầu này đã được giải quyết (đã cấp hoặc đã từ chối).');
  return row;
}

export async function markFound(ctx: ActorContext, id: string, input: unknown): Promise<RequestView> {
  const { recordId } = parse(FoundRequestInput, input);
  const row = await openRequest(ctx, id);
  const exists = await ctx.store.db.selectFrom('records').select('id').where('id', '=', recordId).where('keying_of', 'is', null).executeTakeFirst();
  if (!exists) throw new NotFound('record.not_found', 'Không tìm thấy bản ghi.');
  return requestView(
    await transact(ctx.store.db, async (tx) => {
      await appendEntityAction(tx, { entityType: 'extract_request', entityId: row.id, kind: 'found', actorId: actorIdOf(ctx.actor), payload: { recordId } });
      return repo.updateRequest(tx, row.id, { status: 'found', record_id: recordId });
    }),
  );
}

export async function refuseRequest(ctx: ActorContext, id: string, input: unknown): Promise<RequestView> {
  const { reason } = parse(RefuseRequestInput, input);
  const row = await openRequest(ctx, id);
  return requestView(
    await transact(ctx.store.db, async (tx) => {
      await appendEntityAction(tx, { entityType: 'extract_request', entityId: row.id, kind: 'refused', actorId: actorIdOf(ctx.actor), reason });
      return repo.updateRequest(tx, row.id, { status: 'refused', refusal_reason: reason });
    }),
  );
}

export async function listRequestViews(ctx: ActorContext, f: { unitId?: string; status?: string }): Promise<RequestView[]> {
  assertPermission(ctx.actor, 'extracts.issue');
  return (await repo.listRequests(ctx.store.db, ctx.actor, f)).map(requestView);
}
