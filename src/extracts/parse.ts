/** Zod parsing at the edges: the first problem becomes an Invalid with its Vietnamese message and field path. */
import type { z } from 'zod';
import { Invalid } from '../core/index.js';

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Invalid('extract.invalid', issue?.message ?? 'Dữ liệu không hợp lệ.', issue?.path.join('.'), r.error.issues);
}
