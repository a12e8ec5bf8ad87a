/**
 * Reading records: one record as the keyer sees it (state + findings), the
 * records of a book with their key fields, and a record's history. Reads use
 * the projection row (equal to the fold of the actions by construction).
 */
import { z } from 'zod';
import { getBook } from '../archive/index.js';
import { logRead, type ActorContext } from '../auth/index.js';
import { getTemplate } from '../registers/index.js';
import { listActions } from './actions.repo.js';
import { completionBlockers, recordFindings, recordView, type RecordView } from './record-view.js';
import { assertCanRead } from './record-access.js';
import { recordNotFound } from './record-errors.js';
import { findRecord, listRecordsOfBook, stateOfRow } from './records.repo.js';
import type { RecordStatus } from './fold.js';

export interface RecordListItem {
  id: string;
  status: RecordStatus;
  version: number;
  /** Số (registration number) as written. */
  so: string | null;
  /** The main name of the registration (first full-name field of the template, e.g. nksHoTen). */
  name: string | null;
  pageIds: string[];
  flagged: number;
  errors: number;
  unacknowledgedWarnings: number;
  updatedAt: string;
}

export interface HistoryEntry {
  version: number;
  kind: string;
  actorId: string | null;
  clientTxId: string;
  at: string;
  payload: unknown;
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** The key of the template's main name column (the first person's full name). */
export function mainNameField(templateId: string): string | undefined {
  return getTemplate(templateId).fields.find((f) => f.role === 'fullName')?.key;
}

/** A record row the actor may read (scope, and keying passes are their keyer's): else not found. */
async function readableRow(ctx: ActorContext, id: string) {
  const row = isUuid(id) ? await findRecord(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw recordNotFound(id);
  await assertCanRead(ctx.store.db, ctx.actor, row);
  return row;
}

/** One record, as the keyer sees it; the read is written to the access log. */
export async function getRecordView(ctx: ActorContext, id: string): Promise<RecordView> {
  const row = await readableRow(ctx, id);
  await logRead(ctx, { action: 'record.view', entityType: 'record', entityId: row.id, bookId: row.book_id });
  return recordView(row.id, stateOfRow(row), ctx.clock());
}

export async function listBookRecords(ctx: ActorContext, bookId: string): Promise<RecordListItem[]> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const nameKey = mainNameField(book.template_version);
  const today = ctx.clock();
  return (await listRecordsOfBook(ctx.store.db, ctx.actor, book.id)).map((row) => {
    const state = stateOfRow(row);
    const blockers = completionBlockers(recordFindings(state, today));
    return {
      id: row.id, status: state.status, version: state.version, so: state.values.so ?? null, name: nameKey ? (state.values[nameKey] ?? null) : null,
      pageIds: state.pageIds, flagged: Object.keys(state.flags).length, errors: blockers.errors.length,
      unacknowledgedWarnings: blockers.unacknowledged.length, updatedAt: state.updatedAt.toISOString(),
    };
  });
}

/** Every action of a record, oldest first (newest last); version is the record's version after it. */
export async function recordHistory(ctx: ActorContext, id: string): Promise<HistoryEntry[]> {
  const row = await readableRow(ctx, id);
  await logRead(ctx, { action: 'record.history', entityType: 'record', entityId: row.id, bookId: row.book_id });
  const actions = await listActions(ctx.store.db, id);
  return actions.map((a, i) => ({ version: i + 1, kind: a.kind, actorId: a.actor_id, clientTxId: a.client_tx_id, at: a.created_at.toISOString(), payload: a.payload }));
}
