/**
 * Users and sessions on both backends: creating users (rules, duplicates),
 * signing in and out, one answer for every bad sign-in, tokens stored only
 * hashed, idle and absolute expiry, logout everywhere, an administrator's
 * password reset, the lock after repeated failures.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import type { ActorContext } from '../auth/index.js';
import { listEntityActions } from '../audit/index.js';
import {
  BAD_CREDENTIALS,
  userActor,
  withActor,
  authenticate,
  createUser,
  disableUser,
  hashToken,
  listUsers,
  login,
  logout,
  logoutEverywhere,
  resetPassword,
  setPassword,
  verifyPassword,
} from './index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

const PW = 'mật khẩu 2026!';

describeBackends('auth', (store) => {
  let now = new Date('2026-11-25T08:00:00Z');
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(() => {
    const t = testContext(store());
    ctx = { ...t.ctx, clock: () => now };
    dispose = t.dispose;
  });
  afterAll(() => dispose());
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  it('creates a user: login lower-cased, password hashed, Vietnamese role label', async () => {
    const u = await createUser(ctx, { login: '  NT.Lan ', displayName: 'Nguyễn Thị Lan', role: 'officer', password: PW });
    expect(u).toMatchObject({ login: 'nt.lan', displayName: 'Nguyễn Thị Lan', role: 'officer', roleLabel: 'Công chức tư pháp - hộ tịch', organizationId: null, disabledAt: null });
    const row = await store().db.selectFrom('users').select('password_hash').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(PW, row.password_hash!)).toBe(true);
    expect((await listUsers(ctx)).map((x) => x.login)).toContain('nt.lan');
  });

  it('refuses a duplicate login, a bad login, a short password and an unknown role, in Vietnamese', async () => {
    await createUser(ctx, { login: 'dup', role: 'keyer', password: PW });
    await expect(createUser(ctx, { login: 'DUP', role: 'admin', password: PW })).rejects.toMatchObject({ kind: 'conflict', message: 'Tên đăng nhập "dup" đã có người dùng.' });
    await expect(createUser(ctx, { login: 'x', role: 'keyer', password: PW })).rejects.toMatchObject({ kind: 'invalid', path: 'login' });
    await expect(createUser(ctx, { login: 'có dấu', role: 'keyer', password: PW })).rejects.toThrow(/Tên đăng nhập gồm 2–64 ký tự/);
    await expect(createUser(ctx, { login: 'shortpw', role: 'keyer', password: '123456789' })).rejects.toThrow('Mật khẩu phải có ít nhất 10 ký tự.');
    await expect(createUser(ctx, { login: 'norole', role: 'boss' as 'admin', password: PW })).rejects.toThrow(/Vai trò phải là một trong/);
  });

  it('signs in with the right password and gives one answer for unknown login and wrong password', async () => {
    await createUser(ctx, { login: 'keyer1', role: 'keyer', password: PW });
    const ok = await login(ctx, { login: 'Keyer1', password: PW });
    expect(ok.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok.user).toMatchObject({ login: 'keyer1', role: 'keyer' });
    expect(await authenticate(ctx, ok.token)).toMatchObject({ id: ok.user.id });
    const wrong = await login(ctx, { login: 'keyer1', password: 'sai mật khẩu' }).catch((e: unknown) => e);
    const unknown = await login(ctx, { login: 'nobody', password: PW }).catch((e: unknown) => e);
    for (const e of [wrong, unknown]) expect(e).toMatchObject({ kind: 'unauthorized', code: 'auth.bad_credentials', message: BAD_CREDENTIALS });
    expect(BAD_CREDENTIALS).toBe('Sai tên đăng nhập hoặc mật khẩu.');
  });

  it('stores the token only as its sha256', async () => {
    const { token } = await login(ctx, { login: 'keyer1', password: PW });
    const rows = await store().db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
  });

  it('ends a session after 2 hours without use (each use moves that), by default', async () => {
    expect(ctx.config.auth).toMatchObject({ sessionIdleMs: 2 * HOUR, sessionMaxMs: 12 * HOUR });
    const r = await login(ctx, { login: 'keyer1', password: PW });
    expect(Date.parse(r.expiresAt) - now.getTime()).toBe(2 * HOUR);
    expect(Date.parse(r.absoluteExpiresAt) - now.getTime()).toBe(12 * HOUR);
    later(2 * HOUR - MIN);
    expect(await authenticate(ctx, r.token)).toBeDefined(); // used: the idle expiry moves to now + 2 h
    later(2 * HOUR - MIN);
    expect(await authenticate(ctx, r.token)).toBeDefined();
    later(2 * HOUR + 1);
    expect(await authenticate(ctx, r.token)).toBeUndefined();
  });

  it('ends a session 12 hours after sign-in however much it is used, and never lets idle expiry pass that', async () => {
    const { token } = await login(ctx, { login: 'keyer1', password: PW });
    for (let h = 0; h < 11; h++) {
      later(HOUR);
      expect(await authenticate(ctx, token), `after ${h + 1} h`).toBeDefined();
    }
    later(HOUR - MIN); // 11 h 59 min: still within both
    expect(await authenticate(ctx, token)).toBeDefined();
    const row = await store().db.selectFrom('sessions').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBe(row.absolute_expires_at.getTime()); // the idle expiry stops at the absolute end
    later(MIN);
    expect(await authenticate(ctx, token)).toBeUndefined();
  });

  it('follows the configured idle time and maximum length', async () => {
    const short = { ...ctx, config: { ...ctx.config, auth: { ...ctx.config.auth, sessionIdleMs: 10 * MIN, sessionMaxMs: 30 * MIN } } };
    const { token } = await login(short, { login: 'keyer1', password: PW });
    later(11 * MIN);
    expect(await authenticate(short, token)).toBeUndefined();
    const second = await login(short, { login: 'keyer1', password: PW });
    for (let i = 0; i < 3; i++) {
      later(9 * MIN);
      expect(await authenticate(short, second.token)).toBeDefined();
    }
    later(4 * MIN); // 31 minutes after sign-in
    expect(await authenticate(short, second.token)).toBeUndefined();
  });

  it('logs out everywhere: every session of the user ends, others stay, and it is recorded', async () => {
    const u = await createUser(ctx, { login: 'roamer', role: 'keyer', password: PW });
    const a = await login(ctx, { login: 'roamer', password: PW });
    const b = await login(ctx, { login: 'roamer', password: PW });
    const other = await login(ctx, { login: 'keyer1', password: PW });
    expect(await logoutEverywhere(ctx, u)).toBe(2);
    for (const t of [a, b]) expect(await authenticate(ctx, t.token)).toBeUndefined();
    expect(await authenticate(ctx, other.token)).toBeDefined();
    const actions = (await listEntityActions(store().db, 'user', u.id)).filter((x) => x.kind !== 'created');
    expect(actions.map((x) => ({ kind: x.kind, actor: x.actor_id, payload: x.payload }))).toEqual([{ kind: 'sessions.logout_all', actor: u.id, payload: { sessionsEnded: 2 } }]);
  });

  it('ends a session at logout; unknown and malformed tokens are nobody', async () => {
    const { token } = await login(ctx, { login: 'keyer1', password: PW });
    await logout(ctx, token);
    await logout(ctx, token);
    expect(await authenticate(ctx, token)).toBeUndefined();
    expect(await authenticate(ctx, 'A'.repeat(43))).toBeUndefined();
    expect(await authenticate(ctx, "x' or 1=1 --")).toBeUndefined();
    expect(await authenticate(ctx, undefined)).toBeUndefined();
  });

  it('a disabled user cannot sign in (same answer) and loses open sessions', async () => {
    const u = await createUser(ctx, { login: 'leaver', role: 'reviewer', password: PW });
    const { token } = await login(ctx, { login: 'leaver', password: PW });
    expect((await disableUser(ctx, u.id)).disabledAt).not.toBeNull();
    expect(await authenticate(ctx, token)).toBeUndefined();
    await expect(login(ctx, { login: 'leaver', password: PW })).rejects.toMatchObject({ code: 'auth.bad_credentials', message: BAD_CREDENTIALS });
  });

  it('a password change ends the sessions and only the new password works', async () => {
    const u = await createUser(ctx, { login: 'changer', role: 'planner', password: PW });
    const { token } = await login(ctx, { login: 'changer', password: PW });
    await setPassword(ctx, u.id, 'mật khẩu mới 2027');
    expect(await authenticate(ctx, token)).toBeUndefined();
    await expect(login(ctx, { login: 'changer', password: PW })).rejects.toThrow(BAD_CREDENTIALS);
    expect((await login(ctx, { login: 'changer', password: 'mật khẩu mới 2027' })).user.id).toBe(u.id);
    await expect(setPassword(ctx, u.id, 'ngắn')).rejects.toThrow(/ít nhất 10 ký tự/);
  });

  it('an administrator resets a password: sessions end, only the new password works, the reset is recorded without the password', async () => {
    const admin = await createUser(ctx, { login: 'boss', role: 'admin', password: PW });
    const u = await createUser(ctx, { login: 'forgetful', role: 'officer', password: PW });
    const { token } = await login(ctx, { login: 'forgetful', password: PW });
    const r = await resetPassword(withActor(ctx, userActor(admin)), u.id, 'mật khẩu cấp lại 01');
    expect(r).toMatchObject({ user: { id: u.id, login: 'forgetful' }, sessionsEnded: 1 });
    expect(await authenticate(ctx, token)).toBeUndefined();
    await expect(login(ctx, { login: 'forgetful', password: PW })).rejects.toThrow(BAD_CREDENTIALS);
    expect((await login(ctx, { login: 'forgetful', password: 'mật khẩu cấp lại 01' })).user.id).toBe(u.id);
    const actions = (await listEntityActions(store().db, 'user', u.id)).filter((x) => x.kind !== 'created');
    expect(actions.map((x) => ({ kind: x.kind, actor: x.actor_id, payload: x.payload }))).toEqual([{ kind: 'password.reset', actor: admin.id, payload: { sessionsEnded: 1 } }]);
    await expect(resetPassword(withActor(ctx, userActor(u)), admin.id, 'mật khẩu cấp lại 03')).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(JSON.stringify(actions)).not.toContain('cấp lại');
    await expect(resetPassword(ctx, u.id, 'ngắn')).rejects.toThrow(/ít nhất 10 ký tự/);
    await expect(resetPassword(ctx, '00000000-0000-4000-8000-000000000000', 'mật khẩu cấp lại 02')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('locks a login after 10 failures in 15 minutes, even with the right password, then opens again', async () => {
    await createUser(ctx, { login: 'target', role: 'admin', password: PW });
    for (let i = 0; i < 10; i++) await expect(login(ctx, { login: 'target', password: `sai ${i}` })).rejects.toThrow(BAD_CREDENTIALS);
    await expect(login(ctx, { login: 'target', password: PW })).rejects.toMatchObject({
      kind: 'too_many_requests',
      code: 'auth.locked',
      retryAfterSeconds: 15 * 60,
      message: 'Tạm khóa đăng nhập do nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
    });
    await expect(login(ctx, { login: 'ghost', password: PW })).rejects.toThrow(BAD_CREDENTIALS); // other logins unaffected
    later(15 * 60_000);
    expect((await login(ctx, { login: 'target', password: PW })).user.login).toBe('target');
  });

  it('upgrades a hash made with weaker parameters at the next sign-in', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 1);
    const weak = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync(PW, salt, 64, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
    await store().db.insertInto('users').values({ login: 'oldtimer', role: 'officer', password_hash: weak }).execute();
    await login(ctx, { login: 'oldtimer', password: PW });
    const row = await store().db.selectFrom('users').select('password_hash').where('login', '=', 'oldtimer').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$/);
  });
});
