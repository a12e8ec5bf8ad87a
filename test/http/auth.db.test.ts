/**
 * Sign-in over HTTP on a bare Fastify app (the hook, the auth routes, a
 * tiny error mapper, stand-in routes): cookie and Bearer sessions, 401
 * and 403 in Vietnamese, public routes, no way around the hook by URL
 * spelling. Also the `hotich users` command's password reading, user
 * creation and password reset.
 */
import { PassThrough, Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { listEntityActions } from '../../src/audit/index.js';
import { access, authenticate, authRoutes, BAD_CREDENTIALS, createOrganization, createUser, installAccess, LIST, login, NONE, PERMISSIONS, type ActorContext } from '../../src/auth/index.js';
// eslint-disable-next-line no-restricted-imports -- the command's own functions: cli/index.ts exposes only run()
import { addUser, formatUsers, readPassword, resetUserPassword } from '../../src/cli/users.command.js';
import { installErrorHandler } from '../../src/server/index.js';

const PW = 'mật khẩu đủ dài';

async function bareApp(ctx: ActorContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: true });
  installErrorHandler(app);
  installAccess(app, ctx);
  await app.register(authRoutes, { ctx });
  app.get('/api/health', access('public', NONE), async () => ({ status: 'ok' }));
  app.get('/api/books', access('books.read', LIST), async (req) => ({ books: [], for: req.user?.login }));
  app.post('/api/users', access('users.manage', NONE), async () => ({ ok: true }));
  app.get('/', async () => 'shell');
  return app;
}

describeBackends('auth over HTTP', (store) => {
  let app: FastifyInstance;
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await createUser(ctx, { login: 'admin', role: 'admin', password: PW });
    await createUser(ctx, { login: 'keyer', role: 'keyer', password: PW });
    app = await bareApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });
  const signIn = async (login: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PW } });

  it('refuses anonymous API calls with "Cần đăng nhập.", keeps public routes and the shell open', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/books' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'auth.required', message: 'Cần đăng nhập.' });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('cannot be bypassed by spelling the URL differently: a route is reached signed in, or not at all', async () => {
    for (const url of ['/%61pi/books', '/api/books?next=/api/health', '//api/books', '/api/health/../books', '/api/nothing', '/api/health%2F..%2Fbooks']) {
      expect([401, 404], url).toContain((await app.inject({ method: 'GET', url })).statusCode);
    }
    expect((await app.inject({ method: 'GET', url: '/api/books?next=/api/health' })).statusCode).toBe(401);
  });

  it('refuses to register an /api route that declares no access', async () => {
    const bare = Fastify({ logger: false });
    installAccess(bare, ctx);
    expect(() => bare.get('/api/secret', async () => 'x')).toThrow(/declares no access/);
    expect(() => bare.get('/open-page', async () => 'x')).not.toThrow();
    await bare.close();
  });

  it('signs in: HttpOnly SameSite=Strict cookie plus { token, user }; the cookie and the Bearer token both work', async () => {
    const res = await signIn('Admin');
    expect(res.statusCode).toBe(200);
    const { token, user } = res.json<{ token: string; user: { login: string; role: string } }>();
    expect(user).toMatchObject({ login: 'admin', role: 'admin', roleLabel: 'Quản trị', permissions: Object.keys(PERMISSIONS) });
    expect(res.headers['set-cookie']).toBe(`hotich_session=${token}; Path=/; HttpOnly; SameSite=Strict`);
    expect(res.headers['cache-control']).toBe('no-store');
    const byCookie = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `theme=dark; hotich_session=${token}` } });
    expect(byCookie.json().user.login).toBe('admin');
    const byBearer = await app.inject({ method: 'GET', url: '/api/books', headers: { authorization: `Bearer ${token}` } });
    expect(byBearer.json()).toEqual({ books: [], for: 'admin' });
  });

  it("tells login and me the permissions of the role, from the server's own map", async () => {
    const keyer = await signIn('keyer');
    const expected = ['books.read', 'scans.upload', 'records.read', 'records.key'];
    expect(keyer.json().user).toMatchObject({ login: 'keyer', role: 'keyer', roleLabel: 'Nhân viên nhập liệu', organizationId: null, disabledAt: null, permissions: expected });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${keyer.json<{ token: string }>().token}` } });
    expect(me.json().user.permissions).toEqual(expected);
    expect(me.json().user.organization).toBeNull();
    const org = await createOrganization(ctx, { name: 'Công ty Kiểm Tra Thử', kind: 'contractor' });
    const reviewerUser = await createUser(ctx, { login: 'reviewer', role: 'reviewer', password: PW });
    await ctx.store.db.updateTable('users').set({ organization_id: org.id }).where('id', '=', reviewerUser.id).execute();
    const reviewer = (await signIn('reviewer')).json<{ token: string; user: { permissions: string[] } }>();
    const reviewerPerms = ['books.read', 'records.read', 'records.review', 'qc.arbitrate', 'reports.view'];
    expect(reviewer.user.permissions).toEqual(reviewerPerms);
    const meReviewer = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `hotich_session=${reviewer.token}` } });
    expect(meReviewer.json().user.permissions).toEqual(reviewerPerms);
    expect(meReviewer.json().user.organization).toEqual({ id: org.id, name: 'Công ty Kiểm Tra Thử' });
    expect(reviewer.user.permissions).not.toContain('exports.download');
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { login: 'keyer', password: PW } });
    expect(res.headers['set-cookie']).toMatch(/; Secure$/);
  });

  it('answers a bad sign-in with one 401 message, and a missing field with 400', async () => {
    for (const payload of [
      { login: 'admin', password: 'sai rồi nhé' },
      { login: 'không-có', password: PW },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'auth.bad_credentials', message: BAD_CREDENTIALS });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const missing = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Cần nhập mật khẩu.');
  });

  it('refuses a permission the role lacks with 403 in Vietnamese', async () => {
    const keyer = (await signIn('keyer')).json<{ token: string }>().token;
    const admin = (await signIn('admin')).json<{ token: string }>().token;
    const denied = await app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${keyer}` } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({ code: 'auth.forbidden', message: 'Bạn không có quyền quản lý người dùng.' });
    expect((await app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(200);
  });

  it('signs out: 204, the cookie cleared, the token dead', async () => {
    const { token } = await login(ctx, { login: 'keyer', password: PW });
    const cookie = `hotich_session=${token}`;
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.headers['set-cookie']).toContain('Max-Age=0');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('hotich users add: creates the user from the password read on stdin', async () => {
    const u = await addUser(ctx, 'NT.Hoa', { role: 'Reviewer', name: 'Nguyễn Thị Hoa' }, await readPassword(Readable.from([`${PW}\n`])));
    expect(u).toMatchObject({ login: 'nt.hoa', role: 'reviewer', displayName: 'Nguyễn Thị Hoa' });
    expect((await login(ctx, { login: 'nt.hoa', password: PW })).user.id).toBe(u.id);
    await expect(addUser(ctx, 'x2', { role: 'boss' }, PW)).rejects.toThrow(/Vai trò "boss" không có/);
    await expect(addUser(ctx, 'nt.hoa', { role: 'keyer' }, PW)).rejects.toThrow('Tên đăng nhập "nt.hoa" đã có người dùng.');
  });

  it('hotich users reset-password: sets the password read on stdin, ends the sessions, records it with no actor', async () => {
    const u = await createUser(ctx, { login: 'quen.mk', role: 'keyer', password: PW });
    const { token } = await login(ctx, { login: 'quen.mk', password: PW });
    const r = await resetUserPassword(ctx, ' Quen.MK ', await readPassword(Readable.from(['mật khẩu mới từ dòng lệnh\n'])));
    expect(r).toMatchObject({ user: { id: u.id }, sessionsEnded: 1 });
    expect(await authenticate(ctx, token)).toBeUndefined();
    expect((await login(ctx, { login: 'quen.mk', password: 'mật khẩu mới từ dòng lệnh' })).user.id).toBe(u.id);
    expect((await listEntityActions(ctx.store.db, 'user', u.id)).filter((a) => a.kind !== 'created').map((a) => [a.kind, a.actor_id])).toEqual([['password.reset', null]]);
    await expect(resetUserPassword(ctx, 'khong-co', PW)).rejects.toMatchObject({ code: 'cli.user_not_found', message: 'Không có người dùng "khong-co".' });
  });
});

describe('hotich users: reading the password', () => {
  it('takes the first line only, without its line ending', async () => {
    expect(await readPassword(Readable.from(['mật khẩu dòng một\r\n', 'dòng hai\n']))).toBe('mật khẩu dòng một');
    expect(await readPassword(Readable.from(['không có xuống dòng']))).toBe('không có xuống dòng');
  });

  it('does not wait for the end of the input once the first line is there', async () => {
    const input = new PassThrough();
    input.write('0123456789abc\nrest');
    expect(await readPassword(input)).toBe('0123456789abc');
  });

  it('refuses an empty or short password in Vietnamese', async () => {
    await expect(readPassword(Readable.from([]))).rejects.toMatchObject({ code: 'cli.password_empty', message: expect.stringMatching(/^Chưa có mật khẩu/) });
    await expect(readPassword(Readable.from(['\n', 'sau dòng trống đủ dài\n']))).rejects.toMatchObject({ code: 'cli.password_empty' });
    await expect(readPassword(Readable.from(['ngắn\n']))).rejects.toThrow('Mật khẩu phải có ít nhất 10 ký tự.');
  });

  it('lists users as text', () => {
    expect(formatUsers([])).toBe('Chưa có người dùng nào.');
    const line = formatUsers([{ id: '1', login: 'lan', displayName: 'Nguyễn Thị Lan', role: 'officer', roleLabel: 'Công chức tư pháp - hộ tịch', organizationId: null, disabledAt: null }]);
    expect(line).toMatch(/^lan\s+Công chức tư pháp - hộ tịch\s+đang dùng\s+Nguyễn Thị Lan$/);
  });
});
