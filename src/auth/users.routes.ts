/**
 * HTTP face of user administration: POST /api/users/:id/password — an
 * administrator (users.manage) sets a new password for a user; the user's
 * sessions end and the reset is recorded. Answers the user and how many
 * sessions ended.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/index.js';
import { loginRequired } from './auth.errors.js';
import { requirePermission } from './auth.hook.js';
import { parseInput } from './user.schema.js';
import { resetPassword } from './users.service.js';

const ResetPasswordBody = z.object({ password: z.string({ message: 'Cần nhập mật khẩu mới.' }) });
const UserIdParams = z.object({ id: z.string() });

export async function usersRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.post('/api/users/:id/password', { preHandler: requirePermission('users.manage') }, async (req, reply) => {
    if (!req.user) throw loginRequired();
    const { id } = parseInput(UserIdParams, req.params);
    const { password } = parseInput(ResetPasswordBody, req.body ?? {});
    reply.header('cache-control', 'no-store');
    return resetPassword(ctx, req.user.id, id, password);
  });
}
