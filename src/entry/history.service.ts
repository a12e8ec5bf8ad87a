/**
 * History panels: what happened to a book (its entity actions — inventory
 * changes, status, pages, QC settings, exports and their stale mark — and
 * the corrections and reopenings of its registrations), and what happened
 * to one registration (its record actions). Each item says who, when, what
 * (a Vietnamese summary) and why. Reads keep to the actor's scope.
 */
import { BOOK_STATUS_LABELS, getBook } from '../archive/index.js';
import { listBookActions } from '../audit/index.js';
import { logRead, userDisplayNames, type ActorContext } from '../auth/index.js';
import { getTemplate } from '../registers/index.js';
import { listActions } from './actions.repo.js';
import { listRecordChangesOfBook } from './history.repo.js';
import { assertCanRead } from './record-access.js';
import { recordNotFound } from './record-errors.js';
import { findRecord } from './records.repo.js';
import { findCoveringExport, isBookLoaded } from './export-changes.repo.js';
import { recordStage, STAGE_LABELS, type RecordStage } from './lifecycle.js';
import { z } from 'zod';

export interface HistoryItem {
  at: string;
  by: string | null;
  /** What the action is about: book, page, export, qc_setting, record... */
  subject: string;
  kind: string;
  /** What happened, in Vietnamese. */
  summary: string;
  reason: string;
  recordId: string | null;
  so: string | null;
  decisionRef: string | null;
}

const ACTION_LABELS: Record<string, string> = {
  created: 'Tạo bản ghi',
  keyed: 'Nhập liệu',
  corrected: 'Đính chính',
  flagged: 'Đánh dấu trường',
  warnings_acknowledged: 'Xác nhận cảnh báo',
  completed: 'Hoàn thành',
  reopened: 'Mở lại',
  compared: 'Đối chiếu hai lần nhập',
  arbitrated: 'Trọng tài quyết định',
  verified: 'Kiểm tra chéo',
};

const SUBJECTS: Record<string, string> = {
  book: 'Sổ',
  page: 'Trang',
  export: 'Xuất dữ liệu',
  qc_setting: 'Chế độ kiểm soát chất lượng',
  qc_decision: 'Kiểm tra sổ',
  qc_lot: 'Lô nghiệm thu',
  import: 'Nhập từ tệp',
  grant: 'Giao sổ',
};

/** Vietnamese of the entity action kinds a book's history holds (type:kind); others show as "<subject>: <kind>". */
const ENTITY_KINDS: Record<string, string> = {
  'book:created': 'Thêm quyển sổ vào danh mục',
  'book:changed': 'Sửa thông tin quyển sổ',
  'page:scanned': 'Thêm trang quét',
  'page:reordered': 'Sắp xếp lại thứ tự trang',
  'page:status_set': 'Đổi trạng thái trang',
  'page:missing_inserted': 'Thêm chỗ trang thiếu',
  'qc_setting:mode_set': 'Chọn chế độ kiểm soát chất lượng',
  'qc_lot:created': 'Lập lô nghiệm thu',
  'qc_lot:accepted': 'Lô nghiệm thu ĐẠT',
  'qc_lot:rejected': 'Lô nghiệm thu KHÔNG ĐẠT',
  'import:created': 'Nhập dữ liệu từ tệp',
};

const status = (s: unknown) => (BOOK_STATUS_LABELS as Record<string, string>)[String(s)] ?? String(s);

function entitySummary(type: string, kind: string, payload: Record<string, unknown>): string {
  if (type === 'book' && kind === 'status_changed') return `Trạng thái sổ: ${status(payload.from)} → ${status(payload.to)}`;
  if (type === 'export' && kind === 'stale') return 'Bản xuất đã ký duyệt không còn khớp với sổ: có bản ghi được đính chính sau khi ký duyệt';
  if (type === 'export' && kind === 'signed_off') return 'Ký duyệt báo cáo của lần xuất dữ liệu';
  if (type === 'export' && kind === 'created') return 'Xuất dữ liệu sang mẫu của Bộ Tư pháp';
  return ENTITY_KINDS[`${type}:${kind}`] ?? `${SUBJECTS[type] ?? type}: ${kind}`;
}

function fieldsText(templateId: string, payload: Record<string, unknown>): string {
  const values = payload.values as Record<string, unknown> | undefined;
  if (!values) return '';
  const labels = new Map(getTemplate(templateId).fields.map((f) => [f.key, f.label]));
  return Object.keys(values)
    .map((k) => labels.get(k) ?? k)
    .join(', ');
}

function recordSummary(kind: string, templateId: string, payload: Record<string, unknown>, so: string | null): string {
  const which = so ? ` số ${so}` : '';
  const fields = fieldsText(templateId, payload);
  return `${ACTION_LABELS[kind] ?? kind} bản ghi${which}${fields ? `: ${fields}` : ''}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The book's history, oldest first: its entity actions and the corrections and reopenings of its registrations. */
export async function bookHistory(ctx: ActorContext, bookId: string): Promise<HistoryItem[]> {
  const book = await getBook(ctx, z.uuid('Mã sổ không hợp lệ.').parse(bookId));
  const entity = await listBookActions(ctx.store.db, book.id);
  const changes = await listRecordChangesOfBook(ctx.store.db, book.id, ['corrected', 'reopened']);
  const names = await userDisplayNames(ctx, [...entity.map((a) => a.actor_id), ...changes.map((c) => c.actor_id)]);
  const by = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const items: HistoryItem[] = [
    ...entity.map((a) => ({
      at: a.created_at.toISOString(),
      by: by(a.actor_id),
      subject: a.entity_type,
      kind: a.kind,
      summary: entitySummary(a.entity_type, a.kind, a.payload),
      reason: a.reason,
      recordId: typeof a.payload.recordId === 'string' ? a.payload.recordId : null,
      so: null,
      decisionRef: null,
    })),
    ...changes.map((c) => ({
      at: c.created_at.toISOString(),
      by: by(c.actor_id),
      subject: 'record',
      kind: c.kind,
      summary: recordSummary(c.kind, book.template_version, c.payload, c.values.so ?? null),
      reason: str(c.payload.reason),
      recordId: c.record_id,
      so: c.values.so ?? null,
      decisionRef: str(c.payload.decisionRef) || null,
    })),
  ];
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export interface RecordTimeline {
  recordId: string;
  bookId: string;
  version: number;
  stage: RecordStage;
  stageLabel: string;
  /** The signed-off export that holds the registration: a change now is a correction that makes it stale. */
  exportId: string | null;
  items: HistoryItem[];
}

/** One registration's stage and history, oldest first (every record action, with who and why). */
export async function recordTimeline(ctx: ActorContext, recordId: string): Promise<RecordTimeline> {
  const row = z.uuid().safeParse(recordId).success ? await findRecord(ctx.store.db, ctx.actor, recordId) : undefined;
  if (!row) throw recordNotFound(recordId);
  await assertCanRead(ctx.store.db, ctx.actor, row);
  await logRead(ctx, { action: 'record.history', entityType: 'record', entityId: row.id, bookId: row.book_id });
  const actions = await listActions(ctx.store.db, row.id);
  const names = await userDisplayNames(
    ctx,
    actions.map((a) => a.actor_id),
  );
  const covering = row.keying_of === null ? await findCoveringExport(ctx.store.db, row.book_id, row.created_at) : undefined;
  const stage = recordStage(
    row.status,
    actions.map((a) => a.kind),
    covering !== undefined,
    covering !== undefined && (await isBookLoaded(ctx.store.db, row.book_id)),
  );
  const items = actions.map((a) => ({
    at: a.created_at.toISOString(),
    by: a.actor_id ? (names.get(a.actor_id) ?? null) : null,
    subject: 'record',
    kind: a.kind,
    summary: recordSummary(a.kind, row.template_version, a.payload, row.values.so ?? null),
    reason: str(a.payload.reason),
    recordId: row.id,
    so: row.values.so ?? null,
    decisionRef: str(a.payload.decisionRef) || null,
  }));
  return { recordId: row.id, bookId: row.book_id, version: row.version, stage, stageLabel: STAGE_LABELS[stage], exportId: covering?.id ?? null, items };
}
