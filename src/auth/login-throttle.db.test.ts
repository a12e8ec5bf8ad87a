/**
 * The sign-in throttle in the database, on both backends: attempts are
 * reserved before the password check (a reservation whose check never ends
 * still counts), per login and per client address, with the wait until the
 * oldest counted attempt leaves the window; a success clears the login's
 * count but not the address's; a reset by an administrator unlocks.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import type { ActorContext } from '../auth/index.js';
import { attemptFailed, attemptSucceeded, clearLoginFailures, createUser, login, reserveAttempt, resetPassword } from './index.js';

const MIN = 60_000;
const PW = 'mật khẩu 2026!';

describeBackends('login throttle', (store) => {
  let now = new Date('2026-11-25T08:00:00Z');
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(() => {
    const t = testContext(store());
    ctx = { ...t.ctx, clock: () => now, config: { ...t.ctx.config, auth: { ...t.ctx.config.auth, loginMaxFailures: 3, addressMaxFailures: 5 } } };
    dispose = t.dispose;
  });
  afterAll(() => dispose());
  const later = (ms: number) => (now = new Date(now.getTime() + ms));
  const locked = (waitMinutes: number) => ({ code: 'auth.locked', retryAfterSeconds: waitMinutes * 60, message: expect.stringContaining(`sau ${waitMinutes} phút`) });
  const attempts = (login: string) => store().db.selectFrom('login_attempts').selectAll().where('login', '=', login).orderBy('id').execute();

  it('counts a reserved attempt before its check ends: the limit is reached by reservations alone', async () => {
    for (let i = 0; i < 3; i++) await reserveAttempt(ctx, 'lan', undefined);
    await expect(reserveAttempt(ctx, 'lan', undefined)).rejects.toMatchObject(locked(15));
    expect((await attempts('lan')).map((a) => a.outcome)).toEqual(['pending', 'pending', 'pending']);
  });

  it('waits until the oldest counted attempt leaves the 15-minute window', async () => {
    const t1 = await reserveAttempt(ctx, 'hoa', undefined);
    await attemptFailed(ctx, t1);
    later(4 * MIN);
    await attemptFailed(ctx, await reserveAttempt(ctx, 'hoa', undefined));
    later(2 * MIN);
    await attemptFailed(ctx, await reserveAttempt(ctx, 'hoa', undefined));
    await expect(reserveAttempt(ctx, 'hoa', undefined)).rejects.toMatchObject(locked(9)); // the first leaves at +15, 6 min have gone
    later(9 * MIN - 1000);
    await expect(reserveAttempt(ctx, 'hoa', undefined)).rejects.toMatchObject({ retryAfterSeconds: 1 });
    later(1000);
    await attemptFailed(ctx, await reserveAttempt(ctx, 'hoa', undefined)); // one slot opened
    await expect(reserveAttempt(ctx, 'hoa', undefined)).rejects.toMatchObject(locked(4));
  });

  it('counts every login from one address against that address, and only there', async () => {
    for (const l of ['a1', 'a1', 'a2', 'a2', 'a3']) await attemptFailed(ctx, await reserveAttempt(ctx, l, '10.0.0.7'));
    await expect(reserveAttempt(ctx, 'a4', '10.0.0.7')).rejects.toMatchObject(locked(15));
    const elsewhere = await reserveAttempt(ctx, 'a4', '10.0.0.8');
    expect((await attempts('a4')).map((a) => a.address)).toEqual(['10.0.0.8']);
    await attemptFailed(ctx, elsewhere);
  });

  it("a success clears the login's failures, not the address's", async () => {
    await createUser(ctx, { login: 'mai', role: 'keyer', password: PW });
    await expect(login(ctx, { login: 'mai', password: 'sai 1' }, { address: '10.1.1.1' })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await expect(login(ctx, { login: 'mai', password: 'sai 2' }, { address: '10.1.1.1' })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await login(ctx, { login: 'mai', password: PW }, { address: '10.1.1.1' });
    expect((await attempts('mai')).map((a) => [a.outcome, a.cleared])).toEqual([
      ['failed', true],
      ['failed', true],
      ['succeeded', true],
    ]);
    // The login starts afresh: three more failures before it locks ...
    for (let i = 0; i < 3; i++) await expect(login(ctx, { login: 'mai', password: `sai ${i}` }, { address: '10.1.1.2' })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await expect(login(ctx, { login: 'mai', password: PW }, { address: '10.1.1.2' })).rejects.toMatchObject({ code: 'auth.locked' });
    // ... while the first address still holds its two failures: three more and it is locked (5), whatever the login.
    for (const l of ['x1', 'x2', 'x3']) await expect(login(ctx, { login: l, password: PW }, { address: '10.1.1.1' })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await expect(login(ctx, { login: 'x4', password: PW }, { address: '10.1.1.1' })).rejects.toMatchObject({ code: 'auth.locked' });
  });

  it('a reset by an administrator (or clearLoginFailures) unlocks the login at once', async () => {
    const u = await createUser(ctx, { login: 'khoa', role: 'keyer', password: PW });
    for (let i = 0; i < 3; i++) await expect(login(ctx, { login: 'khoa', password: `sai ${i}` })).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await expect(login(ctx, { login: 'khoa', password: PW })).rejects.toMatchObject({ code: 'auth.locked' });
    await resetPassword(ctx, u.id, 'mật khẩu mới 2027');
    expect((await login(ctx, { login: 'khoa', password: 'mật khẩu mới 2027' })).user.id).toBe(u.id);
    for (let i = 0; i < 3; i++) await attemptFailed(ctx, await reserveAttempt(ctx, 'khoa', undefined));
    await clearLoginFailures(ctx, 'khoa');
    await attemptSucceeded(ctx, await reserveAttempt(ctx, 'khoa', undefined));
  });

  it('forgets attempts older than a day', async () => {
    const before = (
      await store()
        .db.selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(before)).toBeGreaterThan(10);
    later(24 * 60 * MIN + 1);
    await attemptFailed(ctx, await reserveAttempt(ctx, 'fresh', undefined));
    const rows = await store().db.selectFrom('login_attempts').select('login').execute();
    expect(rows.map((r) => r.login)).toEqual(['fresh']);
  });
});
