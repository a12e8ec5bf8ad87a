/**
 * Reading records: one record as the keyer sees it (state + findings, fresh),
 * the records of a book with their key fields in windows (counts from the
 * stored findings, record-findings.ts), and a record's history. Reads use
 * the projection row (equal to the fold of the actions by construction).
 */
import { z } from 'zod';
import { getBook } from '../archive/index.js';
import { logRead, type ActorContext } from '../auth/index.js';
import { getTemplate } from '../registers/index.js';
import { listActions } from './actions.repo.js';
import { RecordListQuery } from './entry.schema.js';
import { findingsOf, isStale, upsertFindings, type RowWithFindings } from './record-findings.js';
import { countRegistrations, positionOf, registrationsPage } from './record-list.repo.js';
import { recordView, type RecordView } from './record-view.js';
import { assertCanRead } from './record-access.js';
import { recordNotFound } from './record-errors.js';
import { findRecord, stateOfRow } from './records.repo.js';
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

export interface RecordPage {
  items: RecordListItem[];
  /** Registrations in the book. */
  total: number;
  /** Position of the first item in the whole list (0-based). */
  offset: number;
  /** Pass as `after` for the next window; null at the end. */
  nextCursor: string | null;
}

function listItem(row: RowWithFindings, nameKey: string | undefined, f: { errors: number; unacknowledged: number }): RecordListItem {
  const state = stateOfRow(row);
  return {
    id: row.id,
    status: state.status,
    version: state.version,
    so: state.values.so ?? null,
    name: nameKey ? (state.values[nameKey] ?? null) : null,
    pageIds: state.pageIds,
    flagged: Object.keys(state.flags).length,
    errors: f.errors,
    unacknowledgedWarnings: f.unacknowledged,
    updatedAt: state.updatedAt.toISOString(),
  };
}

/** The rows' items from their stored findings; rows whose findings are missing or stale (record or rules version) are validated now and stored. */
async function itemsOf(ctx: ActorContext, rows: readonly RowWithFindings[], nameKey: string | undefined): Promise<RecordListItem[]> {
  const items: RecordListItem[] = [];
  for (const row of rows) {
    if (!isStale(row)) {
      items.push(listItem(row, nameKey, { errors: row.f_errors ?? 0, unacknowledged: row.f_unacknowledged ?? 0 }));
      continue;
    }
    const state = stateOfRow(row);
    const f = findingsOf(state);
    await upsertFindings(ctx.store.db, row.id, state, f);
    items.push(listItem(row, nameKey, f));
  }
  return items;
}

/** Where a window starts: `offset`, just after the record `after`, or with the record `around` in its middle. */
async function windowStart(ctx: ActorContext, bookId: string, q: RecordListQuery): Promise<number> {
  const anchor = q.after ?? q.around;
  if (anchor === undefined) return q.offset ?? 0;
  const pos = await positionOf(ctx.store.db, ctx.actor, bookId, anchor);
  if (pos === undefined) throw recordNotFound(anchor);
  return q.after !== undefined ? pos + 1 : Math.max(0, pos - Math.floor((q.limit - 1) / 2));
}

/** A window of the book's registrations in registration order, with counts from their stored findings (no re-validation of fresh ones). */
export async function listBookRecordsPage(ctx: ActorContext, bookId: string, input: unknown = {}): Promise<RecordPage> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const q = RecordListQuery.parse(input);
  const total = await countRegistrations(ctx.store.db, ctx.actor, book.id);
  const offset = await windowStart(ctx, book.id, q);
  const rows = await registrationsPage(ctx.store.db, ctx.actor, book.id, offset, q.limit);
  const items = await itemsOf(ctx, rows, mainNameField(book.template_version));
  return { items, total, offset, nextCursor: offset + items.length < total && items.length > 0 ? items[items.length - 1]!.id : null };
}

/** Every registration of the book, in registration order (for services that need the whole book, e.g. review). */
export async function listBookRecords(ctx: ActorContext, bookId: string): Promise<RecordListItem[]> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const rows = await registrationsPage(ctx.store.db, ctx.actor, book.id, 0, Number.MAX_SAFE_INTEGER);
  return itemsOf(ctx, rows, mainNameField(book.template_version));
}

/** Every action of a record, oldest first (newest last); version is the record's version after it. */
export async function recordHistory(ctx: ActorContext, id: string): Promise<HistoryEntry[]> {
  const row = await readableRow(ctx, id);
  await logRead(ctx, { action: 'record.history', entityType: 'record', entityId: row.id, bookId: row.book_id });
  const actions = await listActions(ctx.store.db, id);
  return actions.map((a, i) => ({ version: i + 1, kind: a.kind, actorId: a.actor_id, clientTxId: a.client_tx_id, at: a.created_at.toISOString(), payload: a.payload }));
}
