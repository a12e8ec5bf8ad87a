/**
 * Queries on entity_actions, the append-only history of everything that is
 * not a record (books, pages, users, grants, QC, exports, imports). Rows are
 * only ever inserted; a trigger refuses UPDATE and DELETE.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, EntityAction } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The kinds of things whose history entity_actions keeps. */
export const ENTITY_TYPES = [
  'book',
  'page',
  'user',
  'organization',
  'grant',
  'qc_setting',
  'qc_decision',
  'qc_lot',
  'export',
  'import',
  'extract_copy',
  'extract_request',
  'campaign',
  'work_package',
  'link_pair',
  'popdb_export',
  'popdb_batch',
  'popdb_row',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface NewEntityAction {
  entityType: EntityType;
  entityId: string;
  kind: string;
  actorId: string | null;
  /** The book the thing belongs to, when it belongs to one (scope, the book's history panel). */
  bookId?: string | null;
  /** The user's reason, where one is asked. */
  reason?: string;
  payload?: Record<string, unknown>;
  /** Makes a retried request write once: a second insert with the same id is ignored. */
  clientTxId?: string | null;
}

/** Appends one action; with a clientTxId already stored, writes nothing and returns undefined. */
export async function appendEntityAction(db: Db, a: NewEntityAction): Promise<EntityAction | undefined> {
  return db
    .insertInto('entity_actions')
    .values({
      entity_type: a.entityType,
      entity_id: a.entityId,
      kind: a.kind,
      actor_id: a.actorId,
      book_id: a.bookId ?? null,
      reason: a.reason ?? '',
      payload: JSON.stringify(a.payload ?? {}),
      client_tx_id: a.clientTxId ?? null,
    })
    .onConflict((oc) => oc.column('client_tx_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The history of one thing, oldest first. */
export async function listEntityActions(db: Db, entityType: EntityType, entityId: string): Promise<EntityAction[]> {
  return db.selectFrom('entity_actions').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('id').execute();
}

/** Everything that happened to a book and what belongs to it (its pages, exports, QC settings), oldest first. */
export async function listBookActions(db: Db, bookId: string): Promise<EntityAction[]> {
  return db.selectFrom('entity_actions').selectAll().where('book_id', '=', bookId).orderBy('id').execute();
}
