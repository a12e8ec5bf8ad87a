/** The typed error a promise rejects with (fails the test when it resolves or throws anything else). */
import { expect } from 'vitest';
import { AppError } from '../../src/core/index.js';

export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
