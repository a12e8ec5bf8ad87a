/**
 * Inputs of the keying API (HTTP, CLI, tests), validated at the edge; each
 * schema and its input type share one name. Messages are Vietnamese. The
 * acting user is never an input: it is the context's actor.
 */
import { z } from 'zod';
import { findForbiddenCharacter } from '../vn/index.js';
import { FieldFlag, NOT_TEXT, Provenance, Region } from './actions.schema.js';

const isText = (v: string) => !findForbiddenCharacter(v);

/** Chosen by the client, one per request; the server derives at most `<id>#flags` / `<id>#ack` from it (column limit 128). */
const clientTxId = z.string().trim().min(8, 'Mã giao dịch cần ít nhất 8 ký tự.').max(120, 'Mã giao dịch tối đa 120 ký tự.').refine(isText, NOT_TEXT);
const expectedVersion = z.number({ message: 'Cần gửi phiên bản bản ghi đang sửa (expectedVersion).' }).int().min(0);
const recordId = z.uuid('Mã bản ghi không hợp lệ.');

export const CreateRecordInput = z
  .object({
    bookId: z.uuid('Mã sổ không hợp lệ.'),
    pageIds: z.array(z.uuid('Mã trang không hợp lệ.')).min(1, 'Cần chọn ít nhất một trang của việc đăng ký.'),
    regions: z.array(Region).default([]),
    clientTxId,
  })
  .refine((r) => new Set(r.pageIds).size === r.pageIds.length, { message: 'Mỗi trang chỉ chọn một lần.', path: ['pageIds'] })
  .refine((r) => r.regions.every((g) => r.pageIds.includes(g.pageId)), { message: 'Vùng phải nằm trên một trang đã chọn.', path: ['regions'] });
export type CreateRecordInput = z.input<typeof CreateRecordInput>;

const reason = z
  .string()
  .trim()
  .max(500, 'Lý do tối đa 500 ký tự.')
  .refine((v) => !findForbiddenCharacter(v, { multiline: true }), NOT_TEXT);
const decisionRef = z.string().trim().max(300, 'Số, ngày của quyết định tối đa 300 ký tự.').refine(isText, NOT_TEXT).optional();

export const SaveRecordInput = z.object({
  recordId,
  clientTxId,
  expectedVersion,
  /**
   * The fields to change; '' or null clears a field. Only the template's
   * fields, each within its limit and with no control character
   * (value-limits.ts, checked against the record's template before writing).
   */
  values: z.record(z.string(), z.string({ message: 'Giá trị phải là văn bản.' }).max(2000, 'Giá trị tối đa 2000 ký tự.').nullable()).optional(),
  /** Per field of `values`: pre-filled by the machine and confirmed ('machine'), or typed/corrected ('person'). */
  provenance: z.record(z.string(), Provenance).optional(),
  /** Marks on fields; null removes the mark. */
  flags: z.record(z.string(), FieldFlag.nullable()).optional(),
  /** WARNING codes (or path:code) the keyer accepts. */
  acknowledge: z.array(z.string().trim().min(1).max(200).refine(isText, NOT_TEXT)).max(200).optional(),
  /** Why: required for a correction of an exported registration (lifecycle.ts). */
  reason: reason.optional(),
  /** The decision a correction rests on (e.g. "Quyết định 12/QĐ-UBND ngày 03.02.2026"), when there is one. */
  decisionRef,
});
export type SaveRecordInput = z.input<typeof SaveRecordInput>;

export const CompleteRecordInput = z.object({ recordId, clientTxId, expectedVersion });
export type CompleteRecordInput = z.input<typeof CompleteRecordInput>;

export const ReopenRecordInput = CompleteRecordInput.extend({ reason: reason.default(''), decisionRef });
export type ReopenRecordInput = z.input<typeof ReopenRecordInput>;

/** HTTP: the id in the path. */
export const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });

/**
 * A window of a book's registrations (GET /api/books/:id/records): from `offset`,
 * or after the record `after` (a cursor), or centred on the record `around` (the keying screen's window).
 */
export const RecordListQuery = z
  .object({
    limit: z.coerce.number().int().min(1, 'Số bản ghi mỗi trang từ 1 đến 500.').max(500, 'Số bản ghi mỗi trang từ 1 đến 500.').default(100),
    offset: z.coerce.number().int().min(0, 'Vị trí không được âm.').optional(),
    after: z.uuid('Con trỏ trang không hợp lệ.').optional(),
    around: z.uuid('Mã bản ghi không hợp lệ.').optional(),
  })
  .refine((q) => [q.offset, q.after, q.around].filter((x) => x !== undefined).length <= 1, { message: 'Chỉ dùng một trong offset, after, around.' });
export type RecordListQuery = z.infer<typeof RecordListQuery>;
