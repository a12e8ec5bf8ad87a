/**
 * Who is acting. Every call that reads or writes personal data carries an
 * ActorContext: the app's context plus `actor` — a signed-in user (set by the
 * auth hook for each request) or the system (the CLI, the demo, jobs that run
 * for nobody in particular), named with its purpose. There is no default: a
 * service that needs an actor takes an ActorContext, so a call without one
 * does not compile.
 */
import { logAccess, type AccessAction, type LogOptions } from '../audit/index.js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../core/index.js';
import type { Database } from '../store/index.js';
import { Forbidden } from './auth.errors.js';
import { can, PERMISSION_LABELS, type Permission, type Role } from './roles.js';

export type Actor =
  { readonly kind: 'user'; readonly id: string; readonly role: Role; readonly login: string; readonly organizationId: string | null } | { readonly kind: 'system'; readonly purpose: string };

export interface ActorContext extends AppContext {
  readonly actor: Actor;
  /** Where the request came from (client address, user agent), for the access log. */
  readonly origin?: { readonly ip: string; readonly userAgent: string };
  /** The WAL position of this user's session's last write: replica reads wait for it (read-your-writes, readTolerant). */
  readonly readAfter?: string | null;
}

/**
 * A read that may be served by the read replica (search, dashboards,
 * reports): on the replica when one is configured, answering, not lagging
 * and past the actor's last write; else on the primary (src/store replica.ts).
 * Writes (the access log too) always go to ctx.store.db.
 */
export function readTolerant<T>(ctx: ActorContext, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.store.replica ? ctx.store.replica.read(ctx.readAfter, run) : run(ctx.store.db);
}

/** The system acting for a named purpose ('cli', 'demo', 'job:export'); it holds every permission and sees everything. */
export const systemActor = (purpose: string): Actor => ({ kind: 'system', purpose });

export function userActor(u: { id: string; role: Role; login: string; organizationId: string | null }): Actor {
  return { kind: 'user', id: u.id, role: u.role, login: u.login, organizationId: u.organizationId };
}

/** The context with this actor (and the request's origin) laid over it. */
export const withActor = (ctx: AppContext, actor: Actor, origin?: ActorContext['origin']): ActorContext => ({ ...ctx, actor, ...(origin ? { origin } : {}) });

/** The user id to write as an action's author: null for the system. */
export const actorIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.id : null);

/** The role check of one permission (the system holds them all). */
export function actorCan(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || can(actor, permission);
}

export const forbidden = (permission: Permission): Forbidden => new Forbidden('auth.forbidden', `Bạn không có quyền ${PERMISSION_LABELS[permission]}.`, { permission });

/** Throws 403 unless the actor's role holds the permission. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!actorCan(actor, permission)) throw forbidden(permission);
}

/** Writes a read of personal data to the access log: who (the actor), what, when, from where (the request's origin). */
export async function logRead(ctx: ActorContext, what: { action: AccessAction; entityType: string; entityId: string; bookId?: string | null }, opts?: LogOptions): Promise<void> {
  await logAccess(ctx.store.db, { ...what, actorId: actorIdOf(ctx.actor), ip: ctx.origin?.ip ?? (ctx.actor.kind === 'system' ? ctx.actor.purpose : ''), userAgent: ctx.origin?.userAgent ?? '' }, opts);
}
