/**
 * Inputs of the plans module (Zod at the edge): a campaign, a work package
 * with its stages, a change (version + reason), confirmations of loads into
 * the national system.
 */
import { z } from 'zod';
import { parseWith } from '../core/index.js';
import { findTemplate } from '../registers/index.js';
import { STAGES } from './stages.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày cần có dạng yyyy-mm-dd.');
const year = z.number({ message: 'Năm phải là số.' }).int('Năm phải là số nguyên.').min(1900, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');
const count = z.number({ message: 'Số lượng phải là số.' }).int('Số lượng phải là số nguyên.').min(0, 'Số lượng không được âm.').max(1e12);
const reason = z.string().trim().max(1000, 'Lý do tối đa 1000 ký tự.');

export const CampaignInput = z.object({
  name: z.string({ message: 'Cần tên kế hoạch.' }).trim().min(3, 'Tên kế hoạch quá ngắn.').max(500, 'Tên kế hoạch tối đa 500 ký tự.'),
  docRef: z.string().trim().max(100, 'Số, ký hiệu văn bản tối đa 100 ký tự.').default(''),
  issuedOn: day.nullish(),
  scopeText: z.string().trim().max(2000, 'Phạm vi tối đa 2000 ký tự.').default(''),
  unitId: z.string().min(3).max(100).nullish(),
  reason: reason.default(''),
});
export type CampaignInput = z.input<typeof CampaignInput>;

export const StageInput = z.object({
  stage: z.enum(STAGES, { message: `Công đoạn phải là một trong: ${STAGES.join(', ')}.` }),
  deadline: day.nullish(),
  organizationId: z.uuid('Mã đơn vị chịu trách nhiệm không hợp lệ.').nullish(),
  person: z.string().trim().max(200, 'Người chịu trách nhiệm tối đa 200 ký tự.').default(''),
  unitPrice: z.number({ message: 'Đơn giá phải là số.' }).min(0, 'Đơn giá không được âm.').max(1e9).nullish(),
});
export type StageInput = z.input<typeof StageInput>;

const registerType = z
  .string()
  .trim()
  .transform((t, c) => {
    const tpl = findTemplate(t);
    if (!tpl) c.addIssue({ code: 'custom', message: `Loại sổ "${t}" không có trong danh mục.` });
    return tpl?.registerType ?? t;
  });

export const PackageInput = z
  .object({
    unitId: z.string({ message: 'Cần đơn vị hành chính của gói việc.' }).min(3).max(100),
    registerTypes: z.array(registerType).min(1, 'Cần ít nhất một loại sổ.').max(20),
    yearFrom: year,
    yearTo: year,
    estimates: z.object({ books: count.optional(), pages: count.optional(), registrations: count.optional(), fields: count.optional() }).default({}),
    note: z.string().trim().max(2000).default(''),
    stages: z.array(StageInput).max(STAGES.length).default([]),
    reason: reason.default(''),
  })
  .refine((p) => p.yearFrom <= p.yearTo, { message: 'Năm bắt đầu phải không sau năm kết thúc.', path: ['yearTo'] });
export type PackageInput = z.input<typeof PackageInput>;

/** A change of something that already exists: the version read, and why (plans change by decision). */
export const ChangeInput = z.object({
  version: z.number({ message: 'Cần phiên bản đang sửa.' }).int().min(1),
  reason: reason.min(3, 'Cần nêu lý do điều chỉnh (căn cứ quyết định).'),
});

export const LoadInput = z.object({
  bookId: z.uuid('Mã quyển sổ không hợp lệ.'),
  loadedOn: day,
  batchRef: z.string().trim().min(1, 'Cần số hiệu đợt cập nhật.').max(200),
});
export const LoadsInput = z.object({ loads: z.array(LoadInput).min(1).max(10_000), source: z.enum(['typed', 'imported']).default('typed') });
export type LoadsInput = z.input<typeof LoadsInput>;

export const parsePlanInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => parseWith(schema, input, 'plan.invalid');
