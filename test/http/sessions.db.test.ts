/**
 * Sessions over HTTP on both backends, with the test clock: a session ends
 * after 2 hours without use and 12 hours after sign-in whatever its use;
 * "sign out everywhere" ends every session of the user; an administrator
 * resets a password (POST /api/users/:id/password, users.manage), which ends
 * that user's sessions and is recorded.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listEntityActions } from '../../src/audit/index.js';
import { createUser } from '../../src/auth/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { buildApp } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';

const PW = 'mật khẩu đủ dài 2026';
const HOST = 'hotich.example';
const MIN = 60_000;
const HOUR = 60 * MIN;

describeBackends('sessions over HTTP', (store) => {
  let now = new Date('2026-11-25T07:30:00Z');
  let ctx: ActorContext;
  let dispose: () => void;
  let app: FastifyInstance;
  const users: Record<string, string> = {};
  beforeAll(async () => {
    const t = testContext(store());
    ctx = { ...t.ctx, clock: () => now };
    dispose = t.dispose;
    for (const [login, role] of [
      ['admin', 'admin'],
      ['lan', 'officer'],
      ['keyer', 'keyer'],
    ] as const)
      users[login] = (await createUser(ctx, { login, role, password: PW })).id;
    app = await buildApp(ctx, { webRoot: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });
  const later = (ms: number) => (now = new Date(now.getTime() + ms));
  const signIn = async (login: string, password = PW) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST }, payload: { login, password } });
    expect(res.statusCode).toBe(200);
    return `hotich_session=${res.json<{ token: string }>().token}`;
  };
  const me = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { host: HOST, cookie } })).statusCode;
  const post = (url: string, cookie: string, payload: unknown = {}) =>
    app.inject({ method: 'POST', url, headers: { host: HOST, cookie, origin: `http://${HOST}` }, payload: payload as Record<string, unknown> });

  it('ends a session after 2 hours without use; use keeps it alive', async () => {
    const idle = await signIn('lan');
    const busy = await signIn('lan');
    for (let i = 0; i < 3; i++) {
      later(HOUR + 50 * MIN);
      expect(await me(busy)).toBe(200);
    }
    expect(await me(idle)).toBe(401);
  });

  it('ends a session 12 hours after sign-in, used or not', async () => {
    const cookie = await signIn('lan');
    for (let i = 0; i < 11; i++) {
      later(HOUR);
      expect(await me(cookie)).toBe(200);
    }
    later(59 * MIN);
    expect(await me(cookie)).toBe(200);
    later(MIN);
    expect(await me(cookie)).toBe(401);
  });

  it('signs out everywhere: every session of the user ends, the cookie is cleared, others keep theirs', async () => {
    const [a, b, c] = [await signIn('lan'), await signIn('lan'), await signIn('lan')];
    const other = await signIn('keyer');
    const res = await post('/api/auth/logout-all', b);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 3 });
    expect(res.headers['set-cookie']).toContain('Max-Age=0');
    for (const s of [a, b, c]) expect(await me(s)).toBe(401);
    expect(await me(other)).toBe(200);
    expect((await post('/api/auth/logout-all', a)).statusCode).toBe(401);
    const actions = await listEntityActions(store().db, 'user', users.lan!);
    expect(actions.filter((x) => x.kind === 'sessions.logout_all').map((x) => [x.actor_id, x.payload])).toEqual([[users.lan, { sessionsEnded: 3 }]]);
  });

  it("an administrator resets a password: the user's sessions end, the new one works, the reset is recorded", async () => {
    const admin = await signIn('admin');
    const victim = await signIn('keyer');
    const res = await post(`/api/users/${users.keyer}/password`, admin, { password: 'mật khẩu cấp lại 2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: users.keyer, login: 'keyer' }, sessionsEnded: 2 }); // the earlier test's and this one
    expect(await me(victim)).toBe(401);
    expect(await me(admin)).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST }, payload: { login: 'keyer', password: PW } })).statusCode).toBe(401);
    await signIn('keyer', 'mật khẩu cấp lại 2026');
    const actions = (await listEntityActions(store().db, 'user', users.keyer!)).filter((x) => x.kind !== 'created');
    expect(actions.map((x) => [x.kind, x.actor_id, x.payload])).toEqual([['password.reset', users.admin, { sessionsEnded: 2 }]]);
  });

  it('refuses a reset without users.manage (403), with a short password (400), for an unknown user (404)', async () => {
    const officer = await signIn('lan');
    const denied = await post(`/api/users/${users.keyer}/password`, officer, { password: 'mật khẩu của kẻ xấu' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({ code: 'auth.forbidden', message: 'Bạn không có quyền quản lý người dùng.' });
    const admin = await signIn('admin');
    const short = await post(`/api/users/${users.keyer}/password`, admin, { password: 'ngắn' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    expect((await post(`/api/users/${users.keyer}/password`, admin, {})).json().error.message).toBe('Cần nhập mật khẩu mới.');
    expect((await post('/api/users/00000000-0000-4000-8000-000000000000/password', admin, { password: 'mật khẩu đủ dài 1' })).statusCode).toBe(404);
    expect((await post('/api/users/khong-phai-uuid/password', admin, { password: 'mật khẩu đủ dài 1' })).statusCode).toBe(400);
  });
});
