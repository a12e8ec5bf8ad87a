/**
 * Comparison of the two keying passes of a registration, run by an EXPLICIT
 * call (after a pass is completed through the qc endpoint, or for a whole
 * book) — entry never calls qc. Idempotent: a registration is compared once
 * (round 1; its passes are frozen afterwards, see policy.ts); repeating the
 * call changes nothing. In one transaction, with the registration locked:
 * the agreed values go to the registration as a `compared` action, each
 * disagreement becomes a qc_disagreements row for arbitration, and with no
 * disagreement left the registration is completed when nothing blocks it.
 * System actions carry no actor, so nobody learns who the other keyer is.
 */
import type { Transaction } from 'kysely';
import { getBook } from '../archive/index.js';
import type { Actor, ActorContext } from '../auth/index.js';
import { appendInTransaction, completionBlockers, listPassesOf, lockRecord, recordFindings, stateOfRow, type RecordState } from '../entry/index.js';
import type { Database, RecordRow } from '../store/index.js';
import { comparePasses } from './compare.js';
import { comparedKeysOf, machineFieldsOf, takeMachinePass } from './machine-pass.js';
import { QC_SYSTEM } from './qc-actor.js';
import { findQcMode } from './qc-mode.js';
import { countOpenDisagreements, hasActionKind, insertDisagreements, listRegistrationsOfBook } from './qc.repo.js';

export const COMPARE_ROUND = 1;

export type CompareOutcome = 'waiting' | 'compared' | 'already_compared' | 'not_double_keyed';

export interface CompareResult {
  registrationId: string;
  outcome: CompareOutcome;
  /** Registration completed by this call or before. */
  completed: boolean;
}

/** The registration's fields compared in this book's mode: all, or the critical ones only. */
async function comparedKeys(tx: Transaction<Database>, reg: RecordRow): Promise<{ keys: string[]; criticalOnly: boolean }> {
  return comparedKeysOf(reg.template_version, await findQcMode(tx, reg.book_id));
}

/** Completes the registration when no disagreement is open and nothing blocks completion; true when it is completed. */
export async function completeIfClear(tx: Transaction<Database>, actor: Actor, registrationId: string, today: Date): Promise<boolean> {
  if ((await countOpenDisagreements(tx, registrationId)) > 0) return false;
  const next = await appendInTransaction(tx, actor, registrationId, (s: RecordState) => {
    if (s.status === 'completed') return [];
    const b = completionBlockers(recordFindings(s, today));
    if (b.errors.length > 0 || b.unacknowledged.length > 0) return [];
    return [{ clientTxId: `qc:done:${registrationId}:${s.version}`, body: { kind: 'completed', payload: {} } }];
  });
  return next.status === 'completed';
}

const only = (values: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(keys.flatMap((k) => (values[k] !== undefined ? [[k, values[k]]] : [])));

async function compareLocked(tx: Transaction<Database>, reg: RecordRow, today: Date): Promise<CompareResult> {
  const registrationId = reg.id;
  const passes = await listPassesOf(tx, registrationId);
  const a = passes.find((p) => p.keying_pass === 'A');
  const b = passes.find((p) => p.keying_pass === 'B');
  const m = passes.find((p) => p.keying_pass === 'M');
  if (passes.length === 0) return { registrationId, outcome: 'not_double_keyed', completed: reg.status === 'completed' };
  const { keys, criticalOnly } = await comparedKeys(tx, reg);
  // The machine's pass stands in for pass B on the fields it holds; a person keys the others (machine-pass.ts).
  const machine = m ? machineFieldsOf(stateOfRow(m).values, keys) : [];
  const byPerson = keys.filter((k) => !machine.includes(k));
  const second = byPerson.length > 0 ? b : (b ?? m);
  if (!a || !second || a.status !== 'completed' || second.status !== 'completed') return { registrationId, outcome: 'waiting', completed: false };
  if (await hasActionKind(tx, registrationId, 'compared')) {
    return { registrationId, outcome: 'already_compared', completed: await completeIfClear(tx, QC_SYSTEM, registrationId, today) };
  }
  const sa = stateOfRow(a);
  const sb = b ? stateOfRow(b) : undefined;
  const bSide = { ...only(sb?.values ?? {}, byPerson), ...only(m ? stateOfRow(m).values : {}, machine) };
  const cmp = comparePasses(keys, sa.values, bSide);
  const fromA = criticalOnly ? Object.fromEntries(Object.entries(sa.values).filter(([k, v]) => !keys.includes(k) && v.trim() !== '')) : {};
  const acknowledged = [...new Set([...sa.acknowledged, ...(sb?.acknowledged ?? [])])];
  const payload = {
    round: COMPARE_ROUND,
    passA: a.id,
    passB: second.id,
    ...(m && machine.length > 0 ? { passM: m.id } : {}),
    machineFields: machine,
    values: { ...fromA, ...cmp.agreed },
    disagreements: cmp.disagreements.map((d) => d.fieldKey),
    fields: cmp.fields,
    acknowledged,
  };
  await appendInTransaction(tx, QC_SYSTEM, registrationId, () => [{ clientTxId: `qc:cmp:${registrationId}:${COMPARE_ROUND}`, body: { kind: 'compared', payload } }]);
  await insertDisagreements(tx, registrationId, COMPARE_ROUND, cmp.disagreements, new Set(machine));
  return { registrationId, outcome: 'compared', completed: await completeIfClear(tx, QC_SYSTEM, registrationId, today) };
}

/** Compares the registration's passes when both are completed (the registration must be in the actor's scope; the comparison itself acts as the system). */
export async function compareIfReady(ctx: ActorContext, registrationId: string): Promise<CompareResult> {
  const today = ctx.clock();
  await takeMachinePass(ctx, registrationId);
  return ctx.store.db.transaction().execute(async (tx) => {
    const reg = await lockRecord(tx, ctx.actor, registrationId);
    if (!reg || reg.keying_of !== null) return { registrationId, outcome: 'not_double_keyed', completed: false };
    return compareLocked(tx, reg, today);
  });
}

export interface BookCompareSummary {
  compared: number;
  alreadyCompared: number;
  waiting: number;
  completed: number;
}

/** compareIfReady for every registration of a book (idempotent; for recovery and batch use). */
export async function compareBook(ctx: ActorContext, bookId: string): Promise<BookCompareSummary> {
  const out: BookCompareSummary = { compared: 0, alreadyCompared: 0, waiting: 0, completed: 0 };
  const book = await getBook(ctx, bookId);
  for (const reg of await listRegistrationsOfBook(ctx.store.db, book.id)) {
    const r = await compareIfReady(ctx, reg.id);
    if (r.outcome === 'compared') out.compared += 1;
    if (r.outcome === 'already_compared') out.alreadyCompared += 1;
    if (r.outcome === 'waiting') out.waiting += 1;
    if (r.completed) out.completed += 1;
  }
  return out;
}
