/**
 * The kinds of record action and the Zod schema of each payload. Payloads are
 * validated when written (they come from HTTP input) and when read back from
 * the database (fold). A kind is a constant, never renamed: history keeps it.
 */
import { z } from 'zod';

export const ACTION_KINDS = ['created', 'keyed', 'corrected', 'flagged', 'warnings_acknowledged', 'completed', 'reopened'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const FLAG_KINDS = ['uncertain', 'illegible'] as const;

const fraction = z.number().min(0, 'Tọa độ vùng phải từ 0 đến 1.').max(1, 'Tọa độ vùng phải từ 0 đến 1.');

/** A field the keyer marked: the book is hard to read there. */
export const FieldFlag = z.object({
  kind: z.enum(FLAG_KINDS, { message: 'Loại đánh dấu phải là uncertain (chưa chắc) hoặc illegible (không đọc được).' }),
  note: z.string().trim().max(500, 'Ghi chú tối đa 500 ký tự.').default(''),
});
export type FieldFlag = z.infer<typeof FieldFlag>;

/** Where the registration lies on one of its pages, in fractions of the page image. */
export const Region = z
  .object({ pageId: z.uuid('Mã trang không hợp lệ.'), x: fraction, y: fraction, w: fraction, h: fraction })
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, { message: 'Vùng vượt ra ngoài trang.' });
export type Region = z.infer<typeof Region>;

export const CreatedPayload = z.object({
  bookId: z.uuid(),
  registerType: z.string(),
  templateId: z.string(),
  pageIds: z.array(z.uuid()).min(1),
  regions: z.array(Region).default([]),
});
/** keyed / corrected: the fields that changed, a null value clears the field. */
export const ValuesPayload = z.object({ values: z.record(z.string(), z.string().nullable()) });
/** flagged: a null flag removes the mark. */
export const FlaggedPayload = z.object({ flags: z.record(z.string(), FieldFlag.nullable()) });
export const AcknowledgedPayload = z.object({ codes: z.array(z.string().min(1)).min(1) });
export const CompletedPayload = z.object({});
export const ReopenedPayload = z.object({ reason: z.string().default('') });

export const RecordActionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), payload: CreatedPayload }),
  z.object({ kind: z.literal('keyed'), payload: ValuesPayload }),
  z.object({ kind: z.literal('corrected'), payload: ValuesPayload }),
  z.object({ kind: z.literal('flagged'), payload: FlaggedPayload }),
  z.object({ kind: z.literal('warnings_acknowledged'), payload: AcknowledgedPayload }),
  z.object({ kind: z.literal('completed'), payload: CompletedPayload }),
  z.object({ kind: z.literal('reopened'), payload: ReopenedPayload }),
]);
/** One action as the fold understands it: its kind with a typed payload. */
export type RecordActionBody = z.infer<typeof RecordActionBody>;

/** Parses a kind and payload read back from the database; throws on anything the fold does not know. */
export function parseActionBody(kind: string, payload: unknown): RecordActionBody {
  return RecordActionBody.parse({ kind, payload });
}
