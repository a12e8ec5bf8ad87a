/** HTTP inputs of the catalog routes. */
import { z } from 'zod';

export const ValidateBody = z.object({
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type ValidateBody = z.infer<typeof ValidateBody>;

export const TemplateParams = z.object({ id: z.string().min(1).max(20) });
export type TemplateParams = z.infer<typeof TemplateParams>;
