/**
 * The machine as one of the two passes of double keying (issue 18): when the
 * OCR stage (src/ocr) read a registration's slot, the values it is sure of —
 * certain, at or above their kind's threshold set from measured accuracy —
 * become pass M, a keying pass of its own whose created action has no actor
 * (the machine, never a user), each value with provenance 'machine'. Pass M
 * stands in for pass B on those fields: the person of pass B keys only the
 * others (passFields), and when M covers every compared field no pass B is
 * needed. Pass A is keyed by a person on every field, without the machine's
 * values (pre-fill is never offered to a keying pass), so each machine value
 * is checked by an independent person; the comparison and arbitration are
 * the usual ones (compare.service). M is taken only while no pass B exists
 * and the registration was not compared; taken once, it is never changed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ActorContext } from '../auth/index.js';
import { createMachinePass, findRecord, listPassesOf, lockRecord, stateOfRow } from '../entry/index.js';
import { confidentValues } from '../ocr/index.js';
import { getTemplate } from '../registers/index.js';
import type { Database, RecordRow } from '../store/index.js';
import { criticalFieldKeys } from './critical-fields.js';
import { QC_SYSTEM } from './qc-actor.js';
import { findQcMode, isDoubleKeyed, type QcMode } from './qc-mode.js';
import { hasActionKind } from './qc.repo.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The fields a registration's passes are compared on in a book's mode: all, or the critical ones only. */
export function comparedKeysOf(templateId: string, mode: QcMode): { keys: string[]; criticalOnly: boolean } {
  const template = getTemplate(templateId);
  const all = template.fields.map((f) => f.key);
  if (mode !== 'double_critical') return { keys: all, criticalOnly: false };
  const critical = criticalFieldKeys(template);
  return { keys: all.filter((k) => critical.has(k)), criticalOnly: true };
}

/** The compared fields the machine's pass stands in for: those it holds a non-empty value for. */
export function machineFieldsOf(machineValues: Readonly<Record<string, string>>, keys: readonly string[]): string[] {
  return keys.filter((k) => (machineValues[k] ?? '').trim() !== '');
}

/** The registration's pass M, if any, and the compared fields it covers. */
export async function machineCoverage(db: Db, reg: Pick<RecordRow, 'id' | 'book_id' | 'template_version'>): Promise<{ pass: RecordRow; fields: string[]; keys: string[] } | undefined> {
  const m = (await listPassesOf(db, reg.id)).find((p) => p.keying_pass === 'M');
  if (!m) return undefined;
  const { keys } = comparedKeysOf(reg.template_version, await findQcMode(db, reg.book_id));
  return { pass: m, fields: machineFieldsOf(stateOfRow(m).values, keys), keys };
}

/** True when pass M covers every compared field of the registration (then no person keys pass B). */
export async function machineCoversAll(db: Db, reg: Pick<RecordRow, 'id' | 'book_id' | 'template_version'>): Promise<boolean> {
  const c = await machineCoverage(db, reg);
  return c !== undefined && c.keys.every((k) => c.fields.includes(k));
}

const due = async (db: Db, reg: RecordRow): Promise<boolean> =>
  !(await listPassesOf(db, reg.id)).some((p) => p.keying_pass === 'B' || p.keying_pass === 'M') && !(await hasActionKind(db, reg.id, 'compared'));

/**
 * Takes the machine's pass of a double-keyed registration when it is due (no pass B nor M yet, not
 * compared) and the machine is sure of at least one compared field. The slot on the page is found
 * by the number pass A keyed, when there is one. Idempotent. Acts as the system: the caller checked
 * the user's access to the registration; nobody sees the machine values through this.
 */
export async function takeMachinePass(ctx: ActorContext, registrationId: string): Promise<void> {
  const db = ctx.store.db;
  const reg = await findRecord(db, QC_SYSTEM, registrationId);
  if (!reg || reg.keying_of !== null) return;
  const mode = await findQcMode(db, reg.book_id);
  if (!isDoubleKeyed(mode) || !(await due(db, reg))) return;
  const a = (await listPassesOf(db, reg.id)).find((p) => p.keying_pass === 'A');
  const so = a ? stateOfRow(a).values.so?.trim() : undefined;
  const confident = await confidentValues(ctx, reg, so || undefined);
  const { keys } = comparedKeysOf(reg.template_version, mode);
  const values = Object.fromEntries(machineFieldsOf(confident, keys).map((k) => [k, confident[k]!]));
  if (Object.keys(values).length === 0) return;
  await db.transaction().execute(async (tx) => {
    const locked = await lockRecord(tx, QC_SYSTEM, reg.id);
    if (!locked || !(await due(tx, locked))) return;
    await createMachinePass(tx, QC_SYSTEM, reg.id, values);
  });
}
