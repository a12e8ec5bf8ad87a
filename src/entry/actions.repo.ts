/**
 * Queries on record_actions. Inserts are idempotent on client_tx_id: a
 * replayed insert returns the action stored the first time and changes
 * nothing. The table itself rejects UPDATE and DELETE (trigger).
 */
import type { Kysely, Transaction } from 'kysely';
import { provinceOfRecord, provincesOf, type Database, type NewRecordAction, type RecordAction } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AppendResult {
  action: RecordAction;
  /** True when an action with this client_tx_id already existed. */
  replayed: boolean;
}

export async function appendAction(db: Db, action: NewRecordAction): Promise<AppendResult> {
  const inserted = await db
    .insertInto('record_actions')
    .values({ ...action, province_code: provinceOfRecord(action.record_id) })
    .onConflict((oc) => oc.columns(['client_tx_id', 'province_code']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { action: inserted, replayed: false };
  const existing = await db.selectFrom('record_actions').selectAll().where('client_tx_id', '=', action.client_tx_id).executeTakeFirstOrThrow();
  return { action: existing, replayed: true };
}

/**
 * Appends many new actions in one statement each thousand (a bulk writer: an import batch); the chain trigger
 * stamps each row as it does one by one. A client transaction id already stored is skipped (on conflict do
 * nothing). Returns the client transaction ids written.
 */
export async function appendNewActions(db: Db, actions: readonly NewRecordAction[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < actions.length; i += 1000) {
    const slice = actions.slice(i, i + 1000);
    const provinces = await provincesOf(
      db,
      'records',
      slice.map((a) => a.record_id),
    );
    const rows = await db
      .insertInto('record_actions')
      .values(slice.map((a) => ({ ...a, province_code: provinces.get(a.record_id) ?? provinceOfRecord(a.record_id) })))
      .onConflict((oc) => oc.columns(['client_tx_id', 'province_code']).doNothing())
      .returning('client_tx_id')
      .execute();
    for (const r of rows) out.push(r.client_tx_id);
  }
  return out;
}

/** A record's actions, oldest first. */
export async function listActions(db: Db, recordId: string): Promise<RecordAction[]> {
  return db.selectFrom('record_actions').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
}

/** The stored actions carrying any of these client transaction ids, oldest first. */
export async function findActionsByTx(db: Db, clientTxIds: readonly string[]): Promise<RecordAction[]> {
  if (clientTxIds.length === 0) return [];
  return db.selectFrom('record_actions').selectAll().where('client_tx_id', 'in', clientTxIds).orderBy('id').execute();
}

/**
 * In one query: a record's actions, oldest first, and the stored actions
 * carrying any of these client transaction ids (on any record), oldest first.
 */
export async function listActionsAndReplays(db: Db, recordId: string, clientTxIds: readonly string[]): Promise<{ history: RecordAction[]; stored: RecordAction[] }> {
  if (clientTxIds.length === 0) return { history: await listActions(db, recordId), stored: [] };
  const rows = await db
    .selectFrom('record_actions')
    .selectAll()
    .where((eb) => eb.or([eb('record_id', '=', recordId), eb('client_tx_id', 'in', clientTxIds)]))
    .orderBy('id')
    .execute();
  const ids = new Set(clientTxIds);
  return { history: rows.filter((a) => a.record_id === recordId), stored: rows.filter((a) => ids.has(a.client_tx_id)) };
}
