/**
 * The kinds of record action and the Zod schema of each payload. Payloads are
 * validated when written (they come from HTTP input) and when read back from
 * the database (fold). A kind is a constant, never renamed: history keeps it.
 */
import { z } from 'zod';
import { findForbiddenCharacter } from '../vn/index.js';

export const ACTION_KINDS = ['created', 'keyed', 'corrected', 'flagged', 'warnings_acknowledged', 'completed', 'reopened', 'compared', 'arbitrated', 'verified'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const FLAG_KINDS = ['uncertain', 'illegible'] as const;

/** Zod message for text holding NUL, a control character or a lone surrogate (it could not be stored). */
export const NOT_TEXT = 'Có ký tự không hợp lệ (NUL, ký tự điều khiển hoặc nửa ký tự UTF-16); hãy xóa ký tự đó.';

const fraction = z.number().min(0, 'Tọa độ vùng phải từ 0 đến 1.').max(1, 'Tọa độ vùng phải từ 0 đến 1.');

/** A field the keyer marked: the book is hard to read there. */
export const FieldFlag = z.object({
  kind: z.enum(FLAG_KINDS, { message: 'Loại đánh dấu phải là uncertain (chưa chắc) hoặc illegible (không đọc được).' }),
  note: z
    .string()
    .trim()
    .max(500, 'Ghi chú tối đa 500 ký tự.')
    .refine((v) => !findForbiddenCharacter(v, { multiline: true }), NOT_TEXT)
    .default(''),
});
export type FieldFlag = z.infer<typeof FieldFlag>;

/** Where the registration lies on one of its pages, in fractions of the page image. */
export const Region = z
  .object({ pageId: z.uuid('Mã trang không hợp lệ.'), x: fraction, y: fraction, w: fraction, h: fraction })
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, { message: 'Vùng vượt ra ngoài trang.' });
export type Region = z.infer<typeof Region>;

/** A and B: a person's independent passes; M: the machine's pass (src/qc: OCR values confident enough to stand in for a person on those fields). */
export const KEYING_PASSES = ['A', 'B', 'M'] as const;
export type KeyingPass = (typeof KEYING_PASSES)[number];

/** Where an imported registration came from (src/exchange import): the file, its sheet and row, its checksum. */
export const ImportSource = z.object({
  kind: z.literal('import'),
  importId: z.uuid(),
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ImportSource = z.infer<typeof ImportSource>;

export const CreatedPayload = z
  .object({
    bookId: z.uuid(),
    registerType: z.string(),
    templateId: z.string(),
    /** Empty only for a registration imported from a file (it has a source, no scanned page yet). */
    pageIds: z.array(z.uuid()),
    regions: z.array(Region).default([]),
    source: ImportSource.optional(),
    /** A keying pass (src/qc): the registration it keys and which pass it is. Absent on a registration. */
    keyingOf: z.uuid().optional(),
    keyingPass: z.enum(KEYING_PASSES).optional(),
  })
  .refine((p) => p.pageIds.length > 0 || p.source !== undefined, {
    message: 'Cần ít nhất một trang của việc đăng ký (chỉ bản ghi nhập từ tệp mới được không có trang).',
    path: ['pageIds'],
  });
/**
 * Who a saved value comes from: 'machine' — read by OCR (src/ocr), pre-filled
 * and confirmed unchanged by the keyer; 'person' — typed, or a machine value
 * the keyer corrected. Absent: typed (before OCR existed, or not pre-filled).
 */
export const PROVENANCES = ['machine', 'person'] as const;
export const Provenance = z.enum(PROVENANCES, { message: 'Nguồn giá trị phải là machine (máy đọc) hoặc person (người nhập).' });
export type Provenance = z.infer<typeof Provenance>;

/** keyed / corrected: the fields that changed, a null value clears the field. */
export const ValuesPayload = z.object({
  values: z.record(z.string(), z.string().nullable()),
  /** Per changed field: machine-read and confirmed, or typed/corrected by a person. */
  provenance: z.record(z.string(), Provenance).optional(),
  /** Why (a correction of an accepted or exported registration), and the decision it rests on. */
  reason: z.string().optional(),
  decisionRef: z.string().optional(),
});
/** flagged: a null flag removes the mark. */
export const FlaggedPayload = z.object({ flags: z.record(z.string(), FieldFlag.nullable()) });
export const AcknowledgedPayload = z.object({ codes: z.array(z.string().min(1)).min(1) });
export const CompletedPayload = z.object({});
export const ReopenedPayload = z.object({ reason: z.string().default(''), decisionRef: z.string().optional() });
/**
 * compared (src/qc, on a registration): the two passes were compared field by
 * field. values = what the registration takes now (agreed fields; in
 * double_critical also pass A's other fields); disagreements = fields that go
 * to arbitration; fields = every field compared (non-empty in a pass);
 * acknowledged = WARNING codes the passes acknowledged.
 */
export const ComparedPayload = z.object({
  round: z.number().int().min(1),
  passA: z.uuid(),
  passB: z.uuid(),
  /** The machine's pass (M) when it stood in for pass B on `machineFields` (their B side is the machine's reading). */
  passM: z.uuid().optional(),
  machineFields: z.array(z.string()).default([]),
  values: z.record(z.string(), z.string()),
  disagreements: z.array(z.string()),
  fields: z.array(z.string()).default([]),
  acknowledged: z.array(z.string()).default([]),
});
/** arbitrated (src/qc): an arbitrator's decision on disagreements of a round; 'other' = a third value typed. */
export const ArbitratedPayload = z.object({
  round: z.number().int().min(1),
  values: z.record(z.string(), z.string()),
  choices: z.record(z.string(), z.enum(['A', 'B', 'other'])),
});
/** verified (src/qc peer review): a reviewer checked the registration against the image; fields = the fields checked. */
export const VerifiedPayload = z.object({ fields: z.array(z.string()).optional(), corrected: z.array(z.string()).optional() });

export const RecordActionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), payload: CreatedPayload }),
  z.object({ kind: z.literal('keyed'), payload: ValuesPayload }),
  z.object({ kind: z.literal('corrected'), payload: ValuesPayload }),
  z.object({ kind: z.literal('flagged'), payload: FlaggedPayload }),
  z.object({ kind: z.literal('warnings_acknowledged'), payload: AcknowledgedPayload }),
  z.object({ kind: z.literal('completed'), payload: CompletedPayload }),
  z.object({ kind: z.literal('reopened'), payload: ReopenedPayload }),
  z.object({ kind: z.literal('compared'), payload: ComparedPayload }),
  z.object({ kind: z.literal('arbitrated'), payload: ArbitratedPayload }),
  z.object({ kind: z.literal('verified'), payload: VerifiedPayload }),
]);
/** One action as the fold understands it: its kind with a typed payload. */
export type RecordActionBody = z.infer<typeof RecordActionBody>;

/** Parses a kind and payload read back from the database; throws on anything the fold does not know. */
export function parseActionBody(kind: string, payload: unknown): RecordActionBody {
  return RecordActionBody.parse({ kind, payload });
}
