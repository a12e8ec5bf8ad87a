/**
 * Zod at the edges (HTTP, CLI, files): the input parsed by the schema, or an
 * Invalid carrying the first problem's Vietnamese message and field path,
 * with the module's own code ('user.invalid', 'plan.invalid', …).
 */
import type { z } from 'zod';
import { Invalid } from './errors.js';

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, code: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Invalid(code, issue?.message ?? 'Dữ liệu không hợp lệ.', issue?.path.join('.'), r.error.issues);
}
