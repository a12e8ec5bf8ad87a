/**
 * Who may read or write one record row. A REGISTRATION (keying_of null) is
 * open to every signed-in user as before. A KEYING PASS (keying_of set, see
 * src/qc) is private to its keyer — the actor of its created action — and,
 * for reading only, to an administrator: another keyer must never see the
 * values of an independent pass. A refused pass answers "not found", so its
 * existence is not disclosed either. Calls without a viewer are internal
 * (services, CLI) and are not restricted here.
 */
import type { Kysely, Transaction } from 'kysely';
import { Conflict, type AppContext } from '../core/index.js';
import type { Database, RecordRow } from '../store/index.js';
import { recordNotFound } from './record-writer.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Viewer {
  id: string;
  role: string;
}

/** The keyer of a record: the actor of its created action. */
export async function creatorOf(db: Db, recordId: string): Promise<string | null> {
  const row = await db.selectFrom('record_actions').select('actor_id').where('record_id', '=', recordId).where('kind', '=', 'created').executeTakeFirst();
  return row?.actor_id ?? null;
}

/** Throws NotFound when `viewer` may not see this row (a keying pass of someone else). */
export async function assertCanRead(ctx: AppContext, row: RecordRow, viewer: Viewer | undefined): Promise<void> {
  if (!viewer || row.keying_of === null) return;
  if (viewer.role === 'admin') return;
  if ((await creatorOf(ctx.store.db, row.id)) !== viewer.id) throw recordNotFound(row.id);
}

/** Throws when `viewer` may not write this row: a keying pass is written by its keyer only. */
export async function assertCanWrite(ctx: AppContext, row: RecordRow, viewer: Viewer | undefined): Promise<void> {
  if (!viewer || row.keying_of === null) return;
  const keyer = await creatorOf(ctx.store.db, row.id);
  if (keyer === viewer.id) return;
  if (viewer.role === 'admin') throw new Conflict('record.pass_not_yours', 'Đây là lần nhập độc lập của một người khác; chỉ người nhập được sửa.');
  throw recordNotFound(row.id);
}
