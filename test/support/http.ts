/**
 * An app for HTTP tests with a signed-in administrator: the headers carry its
 * session token, so tests exercise the same authentication as real clients.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createUser, login } from '../../src/auth/index.js';
import type { AppContext } from '../../src/core/index.js';
import { buildApp } from '../../src/server/index.js';

export interface SignedInApp {
  app: FastifyInstance;
  token: string;
  headers: { authorization: string };
}

export async function signedInApp(ctx: AppContext, opts: { webRoot?: string; role?: 'admin' | 'keyer' | 'reviewer' } = {}): Promise<SignedInApp> {
  const app = await buildApp(ctx, { webRoot: opts.webRoot ?? '/nonexistent' });
  const name = `test-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  await createUser(ctx, { login: name, role: opts.role ?? 'admin', password });
  const { token } = await login(ctx, { login: name, password });
  return { app, token, headers: { authorization: `Bearer ${token}` } };
}
