/**
 * The audit screen's filter (GET /api/audit query): which log (writes or
 * reads of personal data), who (login), which administrative unit (books
 * whose registering authority lies within it), record, book, a date range in
 * Vietnam time, and keyset paging from newest to oldest (`before` = the
 * paging key of the last row already shown, AuditPage.next). Messages are Vietnamese.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày cần có dạng yyyy-mm-dd.');
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const AuditQuery = z
  .object({
    log: z.enum(['actions', 'access'], { message: 'Nhật ký là "actions" (thao tác ghi) hoặc "access" (truy cập).' }).default('actions'),
    user: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(64).optional()),
    unit: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    record: z.preprocess(blankToUndefined, z.uuid('Mã bản ghi không hợp lệ.').optional()),
    book: z.preprocess(blankToUndefined, z.uuid('Mã quyển sổ không hợp lệ.').optional()),
    from: z.preprocess(blankToUndefined, day.optional()),
    to: z.preprocess(blankToUndefined, day.optional()),
    before: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,20}-[01]-\d{1,18}$/, 'Vị trí trang không hợp lệ.')
        .optional(),
    ),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', path: ['to'] });
export type AuditQuery = z.output<typeof AuditQuery>;

/** One row of the audit screen: a write (record or other thing) or a read. */
export interface AuditItem {
  log: 'actions' | 'access';
  /** Place in its chain (the book's chain, or the log's base chain). */
  seq: string;
  table: 'record_actions' | 'entity_actions' | 'access_log';
  id: string;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  actorName: string | null;
  /** What happened: the action kind (keyed, status...) or the read (record.view...). */
  kind: string;
  entityType: string;
  entityId: string;
  bookId: string | null;
  recordId: string | null;
  reason: string;
  ip: string;
  userAgent: string;
}

export interface AuditPage {
  items: AuditItem[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: string | null;
}
