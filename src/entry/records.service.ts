/**
 * Reading records: one record as the keyer sees it (state + findings), the
 * records of a book with their key fields, and a record's history. Reads use
 * the projection row (equal to the fold of the actions by construction).
 */
import { z } from 'zod';
import { getBook } from '../archive/index.js';
import type { AppContext } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import { listActions } from './actions.repo.js';
import { completionBlockers, recordFindings, recordView, type RecordView } from './record-view.js';
import { assertCanRead, type Viewer } from './record-access.js';
import { recordNotFound } from './record-writer.js';
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

/** One record; with a viewer, a keying pass of someone else is not found (record-access). */
export async function getRecordView(ctx: AppContext, id: string, viewer?: Viewer): Promise<RecordView> {
  const row = isUuid(id) ? await findRecord(ctx.store.db, id) : undefined;
  if (!row) throw recordNotFound(id);
  await assertCanRead(ctx, row, viewer);
  return recordView(row.id, stateOfRow(row), ctx.clock());
}

export async function listBookRecords(ctx: AppContext, bookId: string): Promise<RecordListItem[]> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const nameKey = mainNameField(book.template_version);
  const today = ctx.clock();
  return (await listRecordsOfBook(ctx.store.db, book.id)).map((row) => {
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
export async function recordHistory(ctx: AppContext, id: string, viewer?: Viewer): Promise<HistoryEntry[]> {
  const row = isUuid(id) ? await findRecord(ctx.store.db, id) : undefined;
  if (!row) throw recordNotFound(id);
  await assertCanRead(ctx, row, viewer);
  const actions = await listActions(ctx.store.db, id);
  return actions.map((a, i) => ({ version: i + 1, kind: a.kind, actorId: a.actor_id, clientTxId: a.client_tx_id, at: a.created_at.toISOString(), payload: a.payload }));
}
