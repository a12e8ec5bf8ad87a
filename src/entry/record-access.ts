/**
 * Who may read or write one record row, beyond scope (the row was found in
 * the actor's scope). A REGISTRATION (keying_of null) is open to everyone
 * whose scope holds its book. A KEYING PASS (keying_of set, see src/qc) is
 * private to its keyer — the actor of its created action — and, for reading
 * only, to an administrator or the system: another keyer must never see the
 * values of an independent pass. A refused pass answers "not found", so its
 * existence is not disclosed either.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/index.js';
import { Conflict } from '../core/index.js';
import type { Database, RecordRow } from '../store/index.js';
import { recordNotFound } from './record-errors.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The keyer of a record: the actor of its created action. */
export async function creatorOf(db: Db, recordId: string): Promise<string | null> {
  const row = await db.selectFrom('record_actions').select('actor_id').where('record_id', '=', recordId).where('kind', '=', 'created').executeTakeFirst();
  return row?.actor_id ?? null;
}

/** Throws NotFound when the actor may not see this row (a keying pass of someone else). */
export async function assertCanRead(db: Db, actor: Actor, row: RecordRow): Promise<void> {
  if (row.keying_of === null || actor.kind === 'system' || actor.role === 'admin') return;
  if ((await creatorOf(db, row.id)) !== actor.id) throw recordNotFound(row.id);
}

/** Throws when the actor may not write this row: a keying pass is written by its keyer only (the system may, for QC's own steps). */
export async function assertCanWrite(db: Db, actor: Actor, row: RecordRow): Promise<void> {
  if (row.keying_of === null || actor.kind === 'system') return;
  const keyer = await creatorOf(db, row.id);
  if (keyer === actor.id) return;
  if (actor.role === 'admin') throw new Conflict('record.pass_not_yours', 'Đây là lần nhập độc lập của một người khác; chỉ người nhập được sửa.');
  throw recordNotFound(row.id);
}
