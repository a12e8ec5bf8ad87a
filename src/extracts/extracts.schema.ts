/** Inputs of certified copies and requests (validated at the HTTP and CLI edges). */
import { z } from 'zod';

const text = (label: string, max = 200) =>
  z
    .string({ message: `Cần ${label}.` })
    .trim()
    .min(1, `Cần ${label}.`)
    .max(max, `${label} quá dài (tối đa ${max} ký tự).`);
const optional = (max = 200) => z.string().trim().max(max).default('');

export const IssueCopyInput = z.object({
  issuingUnitId: text('cơ quan cấp bản sao (mã đơn vị hành chính)', 80),
  signerName: text('họ tên người ký'),
  signerTitle: text('chức vụ người ký (ví dụ: KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH)'),
  place: optional(),
  copies: z.number({ message: 'Số bản sao phải là số.' }).int().min(1, 'Cần ít nhất 1 bản sao.').max(50, 'Tối đa 50 bản sao một lần.').default(1),
  requestId: z.uuid('Mã yêu cầu không hợp lệ.').optional(),
});
export type IssueCopyInput = z.input<typeof IssueCopyInput>;

export const RevokeCopyInput = z.object({ reason: text('lý do thu hồi', 1000) });

export const NewRequestInput = z.object({
  issuingUnitId: text('cơ quan tiếp nhận (mã đơn vị hành chính)', 80),
  requesterName: text('họ tên người yêu cầu'),
  requesterIdType: optional(80),
  requesterIdNo: optional(40),
  relation: optional(80),
  authorizationRef: optional(),
  channel: z.enum(['truc_tiep', 'buu_chinh', 'truc_tuyen'], { message: 'Kênh tiếp nhận phải là truc_tiep, buu_chinh hoặc truc_tuyen.' }).default('truc_tiep'),
  recordId: z.uuid('Mã bản ghi không hợp lệ.').optional(),
  wanted: z.record(z.string(), z.string().max(200)).default({}),
  copies: z.number().int().min(1, 'Cần ít nhất 1 bản sao.').max(50, 'Tối đa 50 bản sao.').default(1),
  feeExemption: optional(),
  receivedAt: z.iso.datetime({ offset: true, message: 'Thời điểm tiếp nhận không hợp lệ (ISO 8601).' }).optional(),
});
export type NewRequestInput = z.input<typeof NewRequestInput>;

export const RefuseRequestInput = z.object({ reason: text('lý do từ chối', 1000) });
export const FoundRequestInput = z.object({ recordId: z.uuid('Mã bản ghi không hợp lệ.') });

export const CalendarDayInput = z.object({
  day: z.iso.date('Ngày phải có dạng yyyy-mm-dd.'),
  kind: z.enum(['holiday', 'workday'], { message: 'Loại ngày phải là holiday (nghỉ) hoặc workday (làm việc).' }),
  name: optional(),
});
