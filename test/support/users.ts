/**
 * Users in database tests: give existing users grants, and act as one of
 * them. `as(ctx, userId)` reads her role from the users row, so the actor is
 * what the auth hook would build; her grants (default: everything) decide
 * what the scoped queries let her see.
 */
import { createUser, grantScope, userActor, withActor, type ActorContext, type AuthUser, type GrantInput, type NewUserInput, type Role } from '../../src/auth/index.js';

/** Gives each user these grants (default: everything). */
export async function grantUsers(ctx: ActorContext, userIds: readonly string[], grants: readonly GrantInput[] = [{ kind: 'all' }]): Promise<void> {
  for (const id of userIds) for (const g of grants) await grantScope(ctx, id, g);
}

/** The context acting as this user. */
export async function as(ctx: ActorContext, userId: string): Promise<ActorContext> {
  const row = await ctx.store.db.selectFrom('users').select(['id', 'login', 'role', 'organization_id']).where('id', '=', userId).executeTakeFirstOrThrow();
  return withActor(ctx, userActor({ id: row.id, login: row.login, role: row.role as Role, organizationId: row.organization_id }));
}

/** Inserts users (no password) with these grants and returns their ids in order. */
export async function insertUsers(ctx: ActorContext, users: readonly { login: string; role: Role }[], grants?: readonly GrantInput[]): Promise<string[]> {
  const rows = await ctx.store.db
    .insertInto('users')
    .values(users.map((u) => ({ ...u, password_hash: null })))
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  await grantUsers(ctx, ids, grants);
  return ids;
}

/** createUser plus grants (default: everything): a user who can sign in and see what the test gives her. */
export async function createTestUser(ctx: ActorContext, input: NewUserInput, grants?: readonly GrantInput[]): Promise<AuthUser> {
  const user = await createUser(ctx, input);
  await grantUsers(ctx, [user.id], grants);
  return user;
}
