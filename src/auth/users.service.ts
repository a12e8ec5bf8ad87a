/**
 * Users: creating (login lower-case and unique, password hashed with
 * scrypt), changing the password, an administrator's reset of a password
 * (recorded in entity_actions, the login unlocked), disabling (never
 * deleting: actions keep their author), listing. A password change or
 * reset, or disabling, ends every session of that user.
 */
import { appendEntityAction } from '../audit/index.js';
import { Conflict, NotFound, type AppContext } from '../core/index.js';
import { actorCan, actorIdOf, assertPermission, systemActor, userActor, withActor, type ActorContext } from './actor.js';
import { transact, isUniqueViolation, type UserRow } from '../store/index.js';
import { clearLoginFailures } from './login-throttle.service.js';
import { hashPassword } from './password.js';
import { isRole, ROLES, type Role } from './roles.js';
import { NewPassword, NewUserInput, parseInput } from './user.schema.js';
import * as repo from './users.repo.js';
import { revokeAllOfUser } from './sessions.repo.js';

/** A user as the rest of hotich sees it (never the password hash). */
export interface AuthUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  /** The agency the user works for (organizations), if any. What she may see is her grants (grants.service.ts). */
  organizationId: string | null;
  disabledAt: string | null;
}

export function userView(row: UserRow): AuthUser {
  if (!isRole(row.role)) throw new Error(`unknown role in users row: ${row.role}`);
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    roleLabel: ROLES[row.role],
    organizationId: row.organization_id,
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
  };
}

const loginTaken = (login: string) => new Conflict('user.login_taken', `Tên đăng nhập "${login}" đã có người dùng.`, { login });

/** Creates a user (users.manage). Her scope is given separately, by grants (grants.service.ts): without one she sees nothing. */
export async function createUser(ctx: ActorContext, input: NewUserInput): Promise<AuthUser> {
  assertPermission(ctx.actor, 'users.manage');
  const u = parseInput(NewUserInput, input);
  if (await repo.findUserByLogin(ctx.store.db, u.login)) throw loginTaken(u.login);
  const password_hash = await hashPassword(u.password);
  try {
    const row = await transact(ctx.store.db, async (tx) => {
      const row = await repo.insertUser(tx, { login: u.login, display_name: u.displayName, role: u.role, password_hash, organization_id: u.organizationId ?? null });
      const payload = { login: row.login, role: row.role, displayName: row.display_name, organizationId: row.organization_id };
      await appendEntityAction(tx, { entityType: 'user', entityId: row.id, kind: 'created', actorId: actorIdOf(ctx.actor), payload });
      return row;
    });
    return userView(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw loginTaken(u.login);
    throw e;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getUser(ctx: AppContext, id: string): Promise<AuthUser> {
  const row = UUID.test(id) ? await repo.findUserById(ctx.store.db, id) : undefined;
  if (!row) throw new NotFound('user.not_found', `Không tìm thấy người dùng ${id}.`);
  return userView(row);
}

export async function findUserByLogin(ctx: AppContext, login: string): Promise<AuthUser | undefined> {
  const row = await repo.findUserByLogin(ctx.store.db, login.trim().toLowerCase());
  return row ? userView(row) : undefined;
}

/** Every user (users.manage or books.assign: an assigner picks keyers from it). */
export async function listUsers(ctx: ActorContext): Promise<AuthUser[]> {
  if (!actorCan(ctx.actor, 'books.assign')) assertPermission(ctx.actor, 'users.manage');
  return (await repo.listUsers(ctx.store.db)).map(userView);
}

/** Stores a new password and ends the user's sessions (everywhere, this one included): the user herself or user management. */
export async function setPassword(ctx: ActorContext, userId: string, password: string): Promise<void> {
  if (actorIdOf(ctx.actor) !== userId) assertPermission(ctx.actor, 'users.manage');
  const hash = await hashPassword(parseInput(NewPassword, password));
  await getUser(ctx, userId);
  await transact(ctx.store.db, async (tx) => {
    await repo.setPasswordHash(tx, userId, hash);
    await revokeAllOfUser(tx, userId, ctx.clock());
    await appendEntityAction(tx, { entityType: 'user', entityId: userId, kind: 'password_set', actorId: actorIdOf(ctx.actor) });
  });
}

export interface PasswordReset {
  user: AuthUser;
  /** How many open sessions of the user were ended. */
  sessionsEnded: number;
}

/**
 * An administrator (`actorId`; null for the command line) sets a new
 * password for a user: her sessions end, her login is unlocked, and the
 * reset is recorded (never the password).
 */
export async function resetPassword(ctx: ActorContext, userId: string, password: string): Promise<PasswordReset> {
  assertPermission(ctx.actor, 'users.manage');
  const actorId = actorIdOf(ctx.actor);
  const hash = await hashPassword(parseInput(NewPassword, password));
  const user = await getUser(ctx, userId);
  const sessionsEnded = await transact(ctx.store.db, async (tx) => {
    await repo.setPasswordHash(tx, userId, hash);
    const ended = await revokeAllOfUser(tx, userId, ctx.clock());
    await appendEntityAction(tx, { entityType: 'user', entityId: userId, kind: 'password.reset', actorId, payload: { sessionsEnded: ended } });
    return ended;
  });
  await clearLoginFailures(ctx, user.login);
  ctx.log.info('password reset', { login: user.login, by: actorId });
  return { user, sessionsEnded };
}

/** Disables the user (kept, never deleted) and ends their sessions. Disabling twice changes nothing. */
export async function disableUser(ctx: ActorContext, userId: string): Promise<AuthUser> {
  assertPermission(ctx.actor, 'users.manage');
  await getUser(ctx, userId);
  const now = ctx.clock();
  await transact(ctx.store.db, async (tx) => {
    await repo.setDisabled(tx, userId, now);
    await revokeAllOfUser(tx, userId, now);
    await appendEntityAction(tx, { entityType: 'user', entityId: userId, kind: 'disabled', actorId: actorIdOf(ctx.actor) });
  });
  return getUser(ctx, userId);
}

/** How other modules name users in views and reports: display name, else login; unknown ids are absent. */
export async function userDisplayNames(ctx: AppContext, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  return repo.listDisplayNames(
    ctx.store.db,
    ids.filter((x): x is string => !!x),
  );
}

/**
 * The context of work done later for a user (a background job): acting as
 * her, with her CURRENT role and grants — a disabled user, or one whose
 * grants were revoked meanwhile, gets nothing done. No user: the system.
 */
export async function contextOfUser(ctx: AppContext, userId: string | null, purpose: string): Promise<ActorContext> {
  if (!userId) return withActor(ctx, systemActor(purpose));
  const row = await repo.findUserById(ctx.store.db, userId);
  if (!row || row.disabled_at) throw new NotFound('user.not_found', 'Người yêu cầu công việc này không còn hoạt động.');
  return withActor(ctx, userActor(userView(row)));
}
