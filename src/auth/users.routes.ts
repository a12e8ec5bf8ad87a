/**
 * HTTP face of user management and assignment:
 *   GET  /api/users                      users (users.manage: everyone with grants; books.assign: keyers and reviewers to assign)
 *   POST /api/users                      create a user, optionally with units to see (users.manage)
 *   POST /api/users/:id/disable          disable (users.manage)
 *   POST /api/users/:id/password         set a new password (users.manage): her sessions end, her login is unlocked
 *   PUT  /api/users/:id/organization     set her organization (users.manage)
 *   POST /api/users/:id/grants           grant everything, a unit or a book
 *   DELETE /api/grants/:id               revoke a grant (at once)
 *   POST /api/assignments                assign books (or a unit's books) to users (books.assign)
 *   POST /api/assignments/remove         end assignments
 *   GET|POST /api/organizations          organizations
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { transactContext } from '../store/index.js';
import { actorCan } from './actor.js';
import { visibleBookIds } from './scope.repo.js';
import { assignBooks, grantScope, listGrantViews, revokeGrant, unassignBooks, type GrantView } from './grants.service.js';
import { createOrganization, listOrganizations, setUserOrganization } from './organizations.service.js';
import { access, CREATE, LIST, on } from './route-access.js';
import { parseInput } from './user.schema.js';
import { createUser, disableUser, listUsers, resetPassword, type AuthUser } from './users.service.js';

const IdParams = z.object({ id: z.uuid('Mã người dùng không hợp lệ.') });
const GrantParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'Mã quyền truy cập không hợp lệ.') });
const NewUserBody = z.object({ units: z.array(z.string().min(3).max(100)).max(50).optional() }).passthrough();
const OrgBody = z.object({ organizationId: z.uuid('Mã tổ chức không hợp lệ.').nullable() });
const ResetPasswordBody = z.object({ password: z.string({ message: 'Cần nhập mật khẩu mới.' }) });
const UnassignBody = z.object({ userIds: z.array(z.uuid()).min(1).max(200), bookIds: z.array(z.uuid()).min(1).max(5000) });

const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
const idOf = (req: FastifyRequest) => IdParams.parse(req.params).id;

export interface ManagedUser extends AuthUser {
  grants: GrantView[];
}

/**
 * Everyone with their grants for user management; for an assigner, the
 * active keyers and reviewers with only the grants of books she sees herself
 * (a book's title names its authority: outside her scope it is not shown).
 */
async function usersFor(req: FastifyRequest): Promise<ManagedUser[]> {
  const manager = actorCan(req.ctx.actor, 'users.manage');
  const all = await listUsers(req.ctx);
  const visible = manager ? all : all.filter((u) => !u.disabledAt && (u.role === 'keyer' || u.role === 'reviewer'));
  let grants = await listGrantViews(
    req.ctx,
    visible.map((u) => u.id),
  );
  if (!manager) {
    const seen = await visibleBookIds(
      req.ctx.store.db,
      req.ctx.actor,
      grants.flatMap((g) => (g.book ? [g.book.id] : [])),
    );
    grants = grants.filter((g) => g.kind === 'book' && seen.has(g.book!.id));
  }
  return visible.map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) }));
}

export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const manage = 'users.manage' as const;
  const manageOrAssign = ['users.manage', 'books.assign'] as const;
  app.get('/api/users', access(manageOrAssign, LIST), async (req) => usersFor(req));
  app.post('/api/users', access(manage, CREATE), async (req, reply) => {
    const { units = [] } = parseInput(NewUserBody, body(req));
    // The user and her scope, all or nothing.
    const user = await transactContext(req.ctx, async (ctx) => {
      const user = await createUser(ctx, body(req) as never);
      for (const unitId of units) await grantScope(ctx, user.id, { kind: 'unit', unitId });
      return user;
    });
    return reply.status(201).send({ ...user, grants: await listGrantViews(req.ctx, [user.id]) });
  });
  app.post('/api/users/:id/disable', access(manage, on.user()), async (req) => disableUser(req.ctx, idOf(req)));
  app.post('/api/users/:id/password', access(manage, on.user()), async (req, reply) => {
    const { password } = parseInput(ResetPasswordBody, body(req));
    reply.header('cache-control', 'no-store');
    return resetPassword(req.ctx, idOf(req), password);
  });
  app.put('/api/users/:id/organization', access(manage, on.user()), async (req) => {
    await setUserOrganization(req.ctx, idOf(req), parseInput(OrgBody, body(req)).organizationId);
    return { ok: true };
  });
  app.post('/api/users/:id/grants', access(manageOrAssign, on.user()), async (req, reply) => reply.status(201).send(await grantScope(req.ctx, idOf(req), body(req) as never)));
  app.delete('/api/grants/:id', access(manageOrAssign, on.grant()), async (req, reply) => {
    await revokeGrant(req.ctx, GrantParams.parse(req.params).id);
    return reply.status(204).send();
  });
  app.post('/api/assignments', access('books.assign', CREATE), async (req) => assignBooks(req.ctx, body(req) as never));
  app.post('/api/assignments/remove', access('books.assign', LIST), async (req) => unassignBooks(req.ctx, parseInput(UnassignBody, body(req))));
  app.get('/api/organizations', access(manageOrAssign, LIST), async (req) => listOrganizations(req.ctx));
  app.post('/api/organizations', access(manage, CREATE), async (req, reply) => reply.status(201).send(await createOrganization(req.ctx, body(req) as never)));
}
