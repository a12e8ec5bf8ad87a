/** Zod parsing at the edges: the first problem becomes an Invalid with its Vietnamese message and field path. */
import type { z } from 'zod';
import { parseWith } from '../core/index.js';

export const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => parseWith(schema, input ?? {}, 'extract.invalid');
