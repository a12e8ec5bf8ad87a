/**
 * Arbitration of disagreements between two keying passes, one field at a
 * time, against the page image, by a third person: an arbitrator never sees
 * which value is A (the order is random but stable, compare.aShownFirst),
 * never who keyed them, and may not arbitrate a registration they keyed.
 * A decision picks one of the two values or types a third; it is kept on the
 * disagreement row and as an `arbitrated` action on the registration (same
 * transaction). When the round has no open disagreement left, the
 * registration is completed if nothing blocks it (else it stays a draft with
 * its findings, for a reviewer).
 */
import { z } from 'zod';
import { actorIdOf, assertPermission, Forbidden, type ActorContext } from '../auth/index.js';
import { Conflict, NotFound } from '../core/index.js';
import { appendInTransaction, findRecord, type Region } from '../entry/index.js';
import { getTemplate } from '../registers/index.js';
import { aShownFirst, choiceOf, tidy } from './compare.js';
import { completeIfClear } from './compare.service.js';
import { criticalFieldKeys } from './critical-fields.js';
import { countOpenDisagreements, findDisagreement, listOpenDisagreements, listPasses, lockDisagreement, resolveDisagreement } from './qc.repo.js';

export interface ArbitrationItem {
  id: string;
  registrationId: string;
  bookId: string;
  fieldKey: string;
  fieldLabel: string;
  critical: boolean;
  /** The two keyed values in display order (not A/B order). */
  values: [string, string];
  pageIds: string[];
  regions: Region[];
  status: 'open' | 'resolved';
}

export interface NextArbitration {
  item: ArbitrationItem | null;
  /** Open disagreements this arbitrator may decide (including `item`). */
  remaining: number;
}

const notFound = (id: string) => new NotFound('qc.disagreement_not_found', `Không tìm thấy điểm khác biệt ${id}.`);
const ownKeying = () => new Forbidden('qc.arbitrate_own_keying', 'Bạn đã nhập việc đăng ký này nên không được làm trọng tài cho nó.');

/** The keyers of both passes of each registration. */
async function keyersOf(ctx: ActorContext, registrationIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const p of await listPasses(ctx.store.db, { registrationIds })) {
    const s = out.get(p.registrationId) ?? new Set<string>();
    if (p.keyerId) s.add(p.keyerId);
    out.set(p.registrationId, s);
  }
  return out;
}

async function itemOf(ctx: ActorContext, d: NonNullable<Awaited<ReturnType<typeof findDisagreement>>>): Promise<ArbitrationItem> {
  const reg = await findRecord(ctx.store.db, ctx.actor, d.record_id);
  if (!reg) throw notFound(String(d.id));
  const template = getTemplate(reg.template_version);
  const label = template.fields.find((f) => f.key === d.field_key)?.label ?? d.field_key;
  const values: [string, string] = aShownFirst(String(d.id)) ? [d.value_a, d.value_b] : [d.value_b, d.value_a];
  return {
    id: String(d.id),
    registrationId: reg.id,
    bookId: reg.book_id,
    fieldKey: d.field_key,
    fieldLabel: label,
    critical: criticalFieldKeys(template).has(d.field_key),
    values,
    pageIds: reg.page_ids,
    regions: reg.regions,
    status: d.status as 'open' | 'resolved',
  };
}

const idOf = (id: string) =>
  z
    .string()
    .regex(/^\d{1,18}$/, 'Mã điểm khác biệt không hợp lệ.')
    .parse(id);

/** The arbitrator: the signed-in user (qc.arbitrate); '' for the system, which keyed nothing. */
function arbitratorOf(ctx: ActorContext): string {
  assertPermission(ctx.actor, 'qc.arbitrate');
  return actorIdOf(ctx.actor) ?? '';
}

/** One disagreement as its arbitrator sees it. */
export async function getArbitrationItem(ctx: ActorContext, id: string): Promise<ArbitrationItem> {
  const arbitratorId = arbitratorOf(ctx);
  const d = await findDisagreement(ctx.store.db, ctx.actor, idOf(id));
  if (!d) throw notFound(id);
  if ((await keyersOf(ctx, [d.record_id])).get(d.record_id)?.has(arbitratorId)) throw ownKeying();
  return itemOf(ctx, d);
}

/** The next open disagreement this arbitrator may decide (of a book, or any in her scope), oldest first. */
export async function nextArbitration(ctx: ActorContext, bookId?: string): Promise<NextArbitration> {
  const arbitratorId = arbitratorOf(ctx);
  const open = await listOpenDisagreements(ctx.store.db, ctx.actor, bookId ? z.uuid('Mã sổ không hợp lệ.').parse(bookId) : undefined);
  const keyers = await keyersOf(ctx, [...new Set(open.map((d) => d.record_id))]);
  const allowed = open.filter((d) => !keyers.get(d.record_id)?.has(arbitratorId));
  const first = allowed[0] && (await findDisagreement(ctx.store.db, ctx.actor, String(allowed[0].id)));
  return { item: first ? await itemOf(ctx, first) : null, remaining: allowed.length };
}

export const DecideInput = z
  .object({
    disagreementId: z.string().regex(/^\d{1,18}$/, 'Mã điểm khác biệt không hợp lệ.'),
    /** first / second: the value shown first or second; other: `value` is a third value. */
    choice: z.enum(['first', 'second', 'other'], { message: 'Lựa chọn phải là first (giá trị 1), second (giá trị 2) hoặc other (giá trị khác).' }),
    value: z.string({ message: 'Giá trị phải là văn bản.' }).max(2000, 'Giá trị tối đa 2000 ký tự.').optional(),
  })
  .refine((d) => d.choice !== 'other' || d.value !== undefined, { message: 'Hãy nhập giá trị khác.', path: ['value'] });
export type DecideInput = z.input<typeof DecideInput>;

export interface Decision {
  id: string;
  registrationId: string;
  value: string;
  /** Open disagreements left on this registration. */
  remainingOnRecord: number;
  registrationCompleted: boolean;
}

/** The value decided, and whether it is A's, B's or a third one. */
function decidedValue(input: z.output<typeof DecideInput>, d: { id: string; value_a: string; value_b: string }): { value: string; choice: 'A' | 'B' | 'other' } {
  const [first, second] = aShownFirst(d.id) ? [d.value_a, d.value_b] : [d.value_b, d.value_a];
  const value = input.choice === 'first' ? first : input.choice === 'second' ? second : tidy(input.value);
  const choice = choiceOf(value, d.value_a, d.value_b);
  return { value: choice === 'A' ? d.value_a : choice === 'B' ? d.value_b : value, choice };
}

export async function decide(ctx: ActorContext, input: DecideInput): Promise<Decision> {
  const c = DecideInput.parse(input);
  const arbitratorId = arbitratorOf(ctx);
  const probe = await findDisagreement(ctx.store.db, ctx.actor, c.disagreementId);
  if (!probe) throw notFound(c.disagreementId);
  if ((await keyersOf(ctx, [probe.record_id])).get(probe.record_id)?.has(arbitratorId)) throw ownKeying();
  const now = ctx.clock();
  return ctx.store.db.transaction().execute(async (tx) => {
    const d = await lockDisagreement(tx, ctx.actor, c.disagreementId);
    if (!d) throw notFound(c.disagreementId);
    const { value, choice } = decidedValue(c, { id: String(d.id), value_a: d.value_a, value_b: d.value_b });
    if (d.status === 'resolved') {
      if (d.decided_value !== value) throw new Conflict('qc.already_decided', 'Điểm khác biệt này đã được trọng tài quyết định.');
    } else {
      await resolveDisagreement(tx, String(d.id), { value, choice, by: actorIdOf(ctx.actor), at: now });
      const body = { kind: 'arbitrated', payload: { round: d.round, values: { [d.field_key]: value }, choices: { [d.field_key]: choice } } } as const;
      await appendInTransaction(tx, ctx.actor, d.record_id, () => [{ clientTxId: `qc:arb:${d.id}`, body }]);
    }
    const remaining = await countOpenDisagreements(tx, d.record_id);
    const completed = await completeIfClear(tx, ctx.actor, d.record_id, now);
    return { id: String(d.id), registrationId: d.record_id, value, remainingOnRecord: remaining, registrationCompleted: completed };
  });
}
