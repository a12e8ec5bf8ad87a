/**
 * The sign-in throttle seen as an attacker sees it, on both backends, through
 * the whole app: 100 wrong passwords for one login fired at once get exactly
 * 10 password checks (the 401s, and the attempts recorded) and 90 immediate
 * 429s with Retry-After; the right password is refused too while locked;
 * one address is limited across logins; a success clears the login's count;
 * two app instances (on PostgreSQL: two connection pools, as two processes
 * would have) share one count.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createUser } from '../../src/auth/index.js';
import { sql } from '../../src/store/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { buildApp } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';

const PW = 'mật khẩu đủ dài 2026';

const tryLogin = (app: FastifyInstance, login: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { login, password } });

function tally(responses: LightMyRequestResponse[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.statusCode] = (out[r.statusCode] ?? 0) + 1;
  return out;
}

describeBackends('login throttle over HTTP', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let app: FastifyInstance;
  const attempts = (login: string) => store().db.selectFrom('login_attempts').selectAll().where('login', '=', login).execute();
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    for (const login of ['victim', 'clerk', 'u1', 'u2', 'u3']) await createUser(ctx, { login, role: 'keyer', password: PW });
    app = await buildApp(ctx, { webRoot: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    dispose();
  });

  it('100 parallel wrong passwords: 10 are checked, 90 refused at once with 429 and Retry-After', async () => {
    expect(ctx.config.auth).toMatchObject({ loginMaxFailures: 10, addressMaxFailures: 30, loginWindowMs: 15 * 60_000 });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => tryLogin(app, 'victim', `sai mật khẩu ${i}`, `198.51.100.${i}`)));
    expect(tally(responses)).toEqual({ 401: 10, 429: 90 });
    const recorded = await attempts('victim');
    expect(recorded).toHaveLength(10);
    expect(recorded.every((a) => a.outcome === 'failed')).toBe(true);
    for (const r of responses.filter((x) => x.statusCode === 429)) {
      expect(r.headers['retry-after']).toBe('900');
      expect(r.json().error).toEqual({ code: 'auth.locked', message: 'Tạm khóa đăng nhập do nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.' });
    }
    const right = await tryLogin(app, 'victim', PW, '198.51.100.200');
    expect(right.statusCode).toBe(429);
    expect(await attempts('victim')).toHaveLength(10); // refused attempts are not checked, nor recorded
  });

  it('the same for an unknown login, from one address', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => tryLogin(app, 'khong-co-ai', `sai ${i}`, '192.0.2.77')));
    expect(tally(responses)).toEqual({ 401: 10, 429: 30 });
  });

  it('limits one address across logins (30 by default), not other addresses', async () => {
    const from = '203.0.113.5';
    const wrong = await Promise.all(['u1', 'u2', 'u3'].flatMap((u) => Array.from({ length: 10 }, (_, i) => tryLogin(app, u, `sai ${i}`, from))));
    expect(tally(wrong)).toEqual({ 401: 30 });
    const locked = await tryLogin(app, 'clerk', PW, from);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect((await tryLogin(app, 'clerk', PW, '203.0.113.6')).statusCode).toBe(200);
  });

  it("a success clears the login's count", async () => {
    await createUser(ctx, { login: 'typo', role: 'keyer', password: PW });
    const from = '192.0.2.10';
    for (let i = 0; i < 9; i++) expect((await tryLogin(app, 'typo', `sai ${i}`, from)).statusCode).toBe(401);
    expect((await tryLogin(app, 'typo', PW, from)).statusCode).toBe(200);
    const after = await Promise.all(Array.from({ length: 12 }, (_, i) => tryLogin(app, 'typo', `sai lần hai ${i}`, `192.0.2.${20 + i}`)));
    expect(tally(after)).toEqual({ 401: 10, 429: 2 });
  });

  it('two app instances on one database share the count', async () => {
    let second: { store: Store; close: () => Promise<void> };
    if (store().backend === 'postgresql') {
      // A second connection pool on the same schema: what a second process would open.
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store().db)).rows[0]!.s;
      const other = await openStore({ databaseUrl: inject('postgresUrl'), pgSchema: schema });
      second = { store: other, close: () => other.close() };
    } else {
      second = { store: store(), close: async () => undefined }; // one embedded database belongs to one process
    }
    const appB = await buildApp({ ...ctx, store: second.store }, { webRoot: '/nonexistent' });
    try {
      await createUser(ctx, { login: 'shared', role: 'keyer', password: PW });
      const both = await Promise.all(Array.from({ length: 60 }, (_, i) => tryLogin(i % 2 ? app : appB, 'shared', `sai ${i}`, `100.64.0.${i}`)));
      expect(tally(both)).toEqual({ 401: 10, 429: 50 });
      expect((await tryLogin(appB, 'shared', PW, '100.64.1.1')).statusCode).toBe(429);
      expect((await tryLogin(app, 'shared', PW, '100.64.1.2')).statusCode).toBe(429);
    } finally {
      await appB.close();
      await second.close();
    }
  });
});
