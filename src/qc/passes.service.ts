/**
 * Keying passes of double-keyed books. Creating a record in such a book
 * creates the REGISTRATION (no actor, empty values) and the caller's pass A —
 * unless the caller has been promoted to sampled review (keyer accuracy, the
 * Census rule: HOTICH_QC_PROMOTION_*): their registrations are single-keyed
 * and reach the image again through sampled acceptance;
 * another keyer claims pass B; each keyer sees only their own pass, and the
 * work queue tells a keyer which registrations still need a pass from them
 * (never anyone's values). A pass is completed here, not through entry, so
 * that the comparison runs right after (compare.service). The machine's pass
 * M (machine-pass.ts), when taken, stands in for pass B on its fields: pass B
 * then keys only the others, and is not needed at all when M covers them all.
 */
import { z } from 'zod';
import { getBook } from '../archive/index.js';
import { actorIdOf, assertPermission, type ActorContext } from '../auth/index.js';
import { Conflict, NotFound } from '../core/index.js';
import { CompleteRecordInput, CreateRecordInput, completeRecord, createKeyingPass, createRecord, findRecord, getRecordView, type RecordView } from '../entry/index.js';
import { compareIfReady, type CompareResult } from './compare.service.js';
import { keyerMode } from './keyer-accuracy.service.js';
import { comparedKeysOf, machineCoverage, machineCoversAll, takeMachinePass } from './machine-pass.js';
import { asQcSystem } from './qc-actor.js';
import { findQcMode, isDoubleKeyed, type QcMode } from './qc-mode.js';
import { hasActionKind, listPasses, listRegistrationsOfBook, type PassRow } from './qc.repo.js';

const uuid = (what: string) => z.uuid(`Mã ${what} không hợp lệ.`);

/**
 * POST /api/books/:id/records in any book: single keying as before; double
 * keying: registration + the caller's pass A (answered); a keyer promoted to
 * sampled review keys the registration itself, once.
 */
export async function createRecordInBook(ctx: ActorContext, input: CreateRecordInput): Promise<RecordView> {
  const r = CreateRecordInput.parse(input);
  const book = await getBook(ctx, r.bookId);
  if (!isDoubleKeyed(await findQcMode(ctx.store.db, book.id))) return createRecord(ctx, input);
  const keyerId = actorIdOf(ctx.actor);
  if (keyerId && (await keyerMode(ctx, keyerId)) === 'sampled') return createRecord(ctx, input);
  assertPermission(ctx.actor, 'records.key');
  // The registration itself belongs to nobody (its values come from the comparison); the book's scope was checked above.
  const reg = await createRecord(asQcSystem(ctx), { ...input, clientTxId: `${r.clientTxId}#reg` });
  const passA = await createKeyingPass(ctx, { registrationId: reg.id, pass: 'A', clientTxId: r.clientTxId });
  await takeMachinePass(ctx, reg.id);
  return passA;
}

export const ClaimPassInput = z.object({
  registrationId: uuid('việc đăng ký'),
  clientTxId: z.string().trim().min(8, 'Mã giao dịch cần ít nhất 8 ký tự.').max(120, 'Mã giao dịch tối đa 120 ký tự.'),
});
export type ClaimPassInput = z.input<typeof ClaimPassInput>;

/**
 * The caller's own pass of a registration: the one they keyed, or a new pass
 * B (A when, exceptionally, none exists). Refused when both passes exist and
 * the caller keyed neither, or when the registration was already compared.
 */
export async function claimPass(ctx: ActorContext, input: ClaimPassInput): Promise<RecordView> {
  const c = ClaimPassInput.parse(input);
  assertPermission(ctx.actor, 'records.key');
  const reg = await findRecord(ctx.store.db, ctx.actor, c.registrationId);
  if (!reg || reg.keying_of !== null) throw new NotFound('record.not_found', `Không tìm thấy việc đăng ký ${c.registrationId}.`);
  const passes = personPasses(await listPasses(ctx.store.db, { registrationIds: [reg.id] }));
  const mine = passes.find((p) => p.keyerId === actorIdOf(ctx.actor));
  if (mine) return getRecordView(ctx, mine.id);
  if (passes.length === 0 && !isDoubleKeyed(await findQcMode(ctx.store.db, reg.book_id))) {
    throw new Conflict('qc.not_double_keyed', 'Sổ này nhập một lần; không có lần nhập độc lập để nhận.');
  }
  if (passes.length >= 2) throw new Conflict('qc.passes_taken', 'Việc đăng ký này đã có đủ hai lần nhập độc lập của người khác.');
  if (await hasActionKind(ctx.store.db, reg.id, 'compared')) throw new Conflict('qc.already_compared', 'Việc đăng ký này đã được đối chiếu.');
  const pass = passes.some((p) => p.pass === 'A') ? 'B' : 'A';
  if (pass === 'B') {
    await takeMachinePass(ctx, reg.id);
    if (await machineCoversAll(ctx.store.db, reg)) {
      throw new Conflict('qc.machine_covers', 'Máy đã đọc chắc chắn mọi trường cần đối chiếu của việc đăng ký này; không cần lần nhập thứ hai của người.');
    }
  }
  return createKeyingPass(ctx, { registrationId: reg.id, pass, clientTxId: c.clientTxId });
}

export interface QueueItem {
  registrationId: string;
  pageIds: string[];
  /** The caller's pass when they have one (continue it), else null (claim one). */
  myPass: { id: string; pass: 'A' | 'B'; status: string } | null;
}

export interface KeyingQueue {
  bookId: string;
  mode: QcMode;
  items: QueueItem[];
}

/** The passes keyed by people (A, B), without the machine's pass M. */
const personPasses = (passes: readonly PassRow[]) => passes.filter((p): p is PassRow & { pass: 'A' | 'B' } => p.pass !== 'M');

function needsMe(passes: readonly PassRow[], keyerId: string, closed: boolean): QueueItem['myPass'] | 'claim' | undefined {
  const people = personPasses(passes);
  const mine = people.find((p) => p.keyerId === keyerId);
  if (mine) return mine.status === 'completed' ? undefined : { id: mine.id, pass: mine.pass, status: mine.status };
  return people.length < 2 && !closed ? 'claim' : undefined;
}

/** Registrations of a book that still need a pass from this keyer: their own unfinished pass, or one to claim. */
export async function keyingQueue(ctx: ActorContext, bookId: string): Promise<KeyingQueue> {
  const book = await getBook(ctx, uuid('sổ').parse(bookId));
  const keyerId = actorIdOf(ctx.actor) ?? '';
  const mode = await findQcMode(ctx.store.db, book.id);
  const passes = await listPasses(ctx.store.db, { bookId: book.id });
  const byReg = new Map<string, PassRow[]>();
  for (const p of passes) byReg.set(p.registrationId, [...(byReg.get(p.registrationId) ?? []), p]);
  const items: QueueItem[] = [];
  for (const reg of await listRegistrationsOfBook(ctx.store.db, book.id)) {
    const own = byReg.get(reg.id) ?? [];
    if (own.length === 0 && !isDoubleKeyed(mode)) continue;
    const people = personPasses(own);
    // Closed to a new claim: two people keyed it, it is completed, or a person keyed A and the machine's pass covers the rest.
    const covered = own.some((p) => p.pass === 'M') && people.some((p) => p.pass === 'A') && (await machineCoversAll(ctx.store.db, reg));
    const need = needsMe(own, keyerId, people.length === 2 || reg.status === 'completed' || covered);
    if (need) items.push({ registrationId: reg.id, pageIds: reg.page_ids, myPass: need === 'claim' ? null : need });
  }
  return { bookId: book.id, mode, items };
}

/**
 * The fields a pass keys: every field (null), or for pass B the compared fields (the critical ones in a
 * double_critical book) that the machine's pass does not stand in for.
 */
export async function passFields(ctx: ActorContext, pass: RecordView): Promise<string[] | null> {
  if (pass.keyingPass !== 'B' || !pass.keyingOf) return null;
  const mode = await findQcMode(ctx.store.db, pass.bookId);
  const machine = await machineCoverage(ctx.store.db, { id: pass.keyingOf, book_id: pass.bookId, template_version: pass.templateId });
  if (!machine && mode !== 'double_critical') return null;
  const { keys } = comparedKeysOf(pass.templateId, mode);
  return keys.filter((k) => !machine?.fields.includes(k));
}

export interface CompletedPass {
  pass: RecordView;
  comparison: Pick<CompareResult, 'outcome'>;
}

/** Completes the caller's pass (entry's rules; pass B of double_critical is judged on its critical fields) and compares if both are done. */
export async function completePass(ctx: ActorContext, input: CompleteRecordInput): Promise<CompletedPass> {
  const c = CompleteRecordInput.parse(input);
  const row = await findRecord(ctx.store.db, ctx.actor, c.recordId);
  if (!row || row.keying_of === null) throw new NotFound('qc.pass_not_found', `Không tìm thấy lần nhập độc lập ${c.recordId}.`);
  const view = await getRecordView(ctx, row.id);
  const fields = await passFields(ctx, view);
  const pass = await completeRecord(ctx, input, fields ? { fields: new Set(fields) } : {});
  const result = await compareIfReady(ctx, row.keying_of);
  // The keyer learns only whether the comparison ran, never its result (that would tell about the other pass).
  return { pass, comparison: { outcome: result.outcome === 'already_compared' ? 'compared' : result.outcome } };
}
