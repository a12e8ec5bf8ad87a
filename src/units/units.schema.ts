/** HTTP inputs of the units routes. */
import { z } from 'zod';
import { UNIT_LEVELS, UNIT_SCHEMES } from './unit.types.js';

export const ResolveQuery = z.object({
  q: z.string().trim().min(1, 'Cần nhập địa danh cần tra (tham số q).').max(500),
  asOf: z.coerce.number().int().min(1800).max(2200).optional(),
  limit: z.coerce.number().int().min(1).max(20).optional(),
});
export type ResolveQuery = z.infer<typeof ResolveQuery>;

export const LookupQuery = z.object({
  q: z.string().trim().min(1, 'Cần nhập ít nhất một ký tự (tham số q).').max(200),
  level: z.enum(UNIT_LEVELS).optional(),
  scheme: z.enum(UNIT_SCHEMES).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export type LookupQuery = z.infer<typeof LookupQuery>;
