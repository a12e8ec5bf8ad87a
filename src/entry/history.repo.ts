/** Queries for the history panels: the corrections and reopenings of a book's registrations. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RecordChangeRow {
  id: string;
  record_id: string;
  kind: string;
  actor_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  values: Record<string, string>;
}

/** Corrections and reopenings of the book's registrations (never keying passes), oldest first; the caller has the book in scope. */
export async function listRecordChangesOfBook(db: Db, bookId: string, kinds: readonly string[]): Promise<RecordChangeRow[]> {
  return db
    .selectFrom('record_actions as a')
    .innerJoin('records as r', 'r.id', 'a.record_id')
    .select(['a.id', 'a.record_id', 'a.kind', 'a.actor_id', 'a.payload', 'a.created_at', 'r.values'])
    .where('r.book_id', '=', bookId)
    .where('r.keying_of', 'is', null)
    .where('a.kind', 'in', kinds)
    .orderBy('a.id')
    .execute();
}
