/** Inputs of sampled acceptance (HTTP, tests), validated at the edge; messages in Vietnamese. */
import { z } from 'zod';
import { AQL_VALUES, INSPECTION_LEVELS, SEVERITIES } from './iso2859-tables.js';

const rate = (what: string) =>
  z
    .number({ message: `${what} phải là một số.` })
    .gt(0.5, `${what} phải lớn hơn 50 %.`)
    .lt(1, `${what} phải nhỏ hơn 100 %.`);

export const LotScope = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('books'), bookIds: z.array(z.uuid('Mã sổ không hợp lệ.')).min(1, 'Cần chọn ít nhất một quyển sổ.').max(500) }),
    z
      .object({
        kind: z.literal('unit'),
        unitCode: z.string().trim().min(1, 'Cần mã đơn vị hành chính (cơ quan đăng ký).').max(40),
        yearFrom: z.number().int().min(1900, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
        yearTo: z.number().int().min(1900, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.'),
      })
      .refine((s) => s.yearFrom <= s.yearTo, { message: 'Năm bắt đầu phải không sau năm kết thúc.', path: ['yearTo'] }),
  ],
  { message: 'Phạm vi lô phải là "books" (các quyển sổ) hoặc "unit" (đơn vị và khoảng năm).' },
);
export type LotScope = z.infer<typeof LotScope>;

export const CreateLotInput = z.object({
  scope: LotScope,
  plan: z.object({
    kind: z.enum(['iso2859', 'confidence'], { message: 'Phương án lấy mẫu phải là iso2859 hoặc confidence.' }),
    aql: z
      .number()
      .refine((x) => (AQL_VALUES as readonly number[]).includes(x), { message: `AQL phải là một trong: ${AQL_VALUES.join('; ')}.` })
      .optional(),
    level: z.enum(INSPECTION_LEVELS, { message: 'Mức kiểm tra không hợp lệ.' }).optional(),
    severity: z.enum(SEVERITIES, { message: 'Chế độ kiểm tra phải là normal, tightened hoặc reduced.' }).optional(),
    expectedErrors: z.number().int().min(0).max(20).optional(),
  }),
  targets: z.object({ critical: rate('Chỉ tiêu trường trọng yếu'), other: rate('Chỉ tiêu trường khác') }).optional(),
  /** Seed chosen by the parties (e.g. dice); a 24-digit one is generated when absent. */
  seed: z
    .string()
    .trim()
    .regex(/^\d{6,100}$/, 'Hạt giống (seed) phải gồm 6–100 chữ số.')
    .optional(),
  note: z.string().trim().max(2000).default(''),
});
export type CreateLotInput = z.input<typeof CreateLotInput>;

export const SubmitChecksInput = z.object({
  recordId: z.uuid('Mã bản ghi không hợp lệ.'),
  /** The wrong fields with their correct value (as on the page image; '' when the page has none). Every other field of the template is recorded correct. */
  wrong: z.record(z.string().min(1).max(100), z.string().max(2000, 'Giá trị tối đa 2000 ký tự.')).default({}),
});
export type SubmitChecksInput = z.input<typeof SubmitChecksInput>;

export const DecideLotInput = z.object({
  /** What the decider saw; refused when the computed decision differs (stale screen). */
  verdict: z.enum(['accept', 'reject']).optional(),
  note: z.string().trim().max(2000).default(''),
});
export type DecideLotInput = z.input<typeof DecideLotInput>;
