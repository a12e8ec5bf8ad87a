/** Input of a search (HTTP query string, CLI options), validated at the edge; messages are Vietnamese. */
import { z } from 'zod';
import { REGISTER_TYPES } from '../registers/index.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const SearchInput = z
  .object({
    q: z.string({ message: 'Cần nhập họ tên cần tìm.' }).trim().min(1, 'Cần nhập họ tên cần tìm.').max(200, 'Họ tên tìm tối đa 200 ký tự.'),
    type: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .refine((v) => !v || (REGISTER_TYPES as readonly string[]).includes(v), 'Loại sổ không hợp lệ (ví dụ KS, KT, KH).'),
    year: z.coerce.number({ message: 'Năm phải là số.' }).int('Năm phải là số nguyên.').min(1800, 'Năm từ 1800.').max(2200, 'Năm đến 2200.').optional(),
    from: optionalText(20),
    to: optionalText(20),
    unit: optionalText(300),
    so: optionalText(30),
    limit: z.coerce.number().int().min(1, 'Số kết quả ít nhất 1.').max(100, 'Số kết quả tối đa 100.').default(20),
  })
  .refine((v) => v.year === undefined || (v.from === undefined && v.to === undefined), { message: 'Chọn năm hoặc khoảng từ ngày – đến ngày, không cả hai.', path: ['year'] });
export type SearchInput = z.input<typeof SearchInput>;
