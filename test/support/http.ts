/**
 * An app for HTTP tests with a signed-in user (an administrator by default)
 * whose scope is everything unless the test gives grants: the headers carry
 * its session token, so tests exercise the same authentication as real
 * clients.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createUser, grantScope, login, type ActorContext, type AuthUser, type GrantInput, type Role } from '../../src/auth/index.js';
import { buildApp } from '../../src/server/index.js';

export interface SignedInApp {
  app: FastifyInstance;
  token: string;
  headers: { authorization: string };
  user: AuthUser;
}

export interface TestUser {
  user: AuthUser;
  token: string;
  headers: { authorization: string };
}

/** A new user of this role with these grants (default: everything), signed in. */
export async function signedInUser(ctx: ActorContext, role: Role = 'admin', grants: readonly GrantInput[] = [{ kind: 'all' }]): Promise<TestUser> {
  const name = `test-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const user = await createUser(ctx, { login: name, role, password });
  for (const g of grants) await grantScope(ctx, user.id, g);
  const { token } = await login(ctx, { login: name, password });
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}

export async function signedInApp(ctx: ActorContext, opts: { webRoot?: string; role?: Role; grants?: readonly GrantInput[] } = {}): Promise<SignedInApp> {
  const app = await buildApp(ctx, { webRoot: opts.webRoot ?? '/nonexistent' });
  const u = await signedInUser(ctx, opts.role ?? 'admin', opts.grants);
  return { app, ...u };
}
