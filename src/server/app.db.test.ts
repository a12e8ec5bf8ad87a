import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { VERSION } from '../core/index.js';
import { loadBuiltin } from '../units/index.js';
import { signedInApp } from '../../test/support/http.js';

describeBackends('HTTP API', (store) => {
  let app: FastifyInstance;
  let auth: { authorization: string };
  beforeAll(async () => {
    const { ctx } = testContext(store());
    ({ app, headers: auth } = await signedInApp(ctx));
    await loadBuiltin(ctx);
  }, 120_000);
  const inject = (o: InjectOptions) => app.inject({ ...o, headers: { ...auth, ...(o.headers ?? {}) } });
  afterAll(() => app.close());

  it('refuses every API route without a session, in Vietnamese; health stays open', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/books' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Cần đăng nhập.');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('GET /api/health names the version and the database', async () => {
    const res = await inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: VERSION, database: store().backend });
  });

  it('lists the register templates', async () => {
    const list = (await inject({ method: 'GET', url: '/api/registers' })).json<{ id: string; current: boolean }[]>();
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining(['KS-70', 'KS-60', 'KT-48', 'KH-44', 'CMC-50', 'HN-35']));
    expect(list.find((t) => t.id === 'KS-60')?.current).toBe(false);
  });

  it('serves the form description of a register type', async () => {
    const form = (await inject({ method: 'GET', url: '/api/registers/KS/form' })).json<{ templateId: string; groups: { fields: { key: string }[] }[] }>();
    expect(form.templateId).toBe('KS-70');
    expect(form.groups.flatMap((g) => g.fields.map((f) => f.key))).toContain('nksHoTen');
  });

  it('validates a record and answers Vietnamese findings', async () => {
    const res = await inject({ method: 'POST', url: '/api/registers/KS/validate', payload: { values: { nksGioiTinh: '4' } } });
    expect(res.statusCode).toBe(200);
    const { findings } = res.json<{ findings: { path: string; code: string; message: string }[] }>();
    expect(findings.find((f) => f.path === 'nksGioiTinh')?.code).toBe('code.invalid');
    expect(findings.find((f) => f.path === 'so')?.message).toContain('bắt buộc');
  });

  it('answers bad input with a Vietnamese 400, an unknown type with its own message', async () => {
    const bad = await inject({ method: 'POST', url: '/api/registers/KS/validate', payload: { values: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    const unknown = await inject({ method: 'GET', url: '/api/registers/ZZ/form' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'register.unknown_type' });
    const broken = await inject({ method: 'POST', url: '/api/registers/KS/validate', headers: { 'content-type': 'application/json' }, payload: '{"values":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/^Yêu cầu không hợp lệ/);
  });

  it('answers an unknown API path with a JSON 404, and / with the shell', async () => {
    const res = await inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route.not_found');
    const shell = await inject({ method: 'GET', url: '/' });
    expect(shell.headers['content-type']).toContain('text/html');
    expect(shell.body).toContain('Số hóa Sổ hộ tịch');
  });

  it('resolves place text: GET /api/units/resolve', async () => {
    const res = await inject({ method: 'GET', url: `/api/units/resolve?q=${encodeURIComponent('P. Bến Nghé, Q.1, TP.HCM')}&asOf=2010` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; candidates: { name: string; level: string; successors: { main: boolean }[] }[] }>();
    expect(body.status).toBe('resolved');
    expect(body.candidates[0]).toMatchObject({ name: 'Phường Bến Nghé', level: 'commune' });
    const bad = await inject({ method: 'GET', url: '/api/units/resolve?q=' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('Cần nhập địa danh');
  });

  it('autocompletes units: GET /api/units/lookup', async () => {
    const res = await inject({ method: 'GET', url: `/api/units/lookup?q=${encodeURIComponent('ben nghe')}&level=commune` });
    const hits = res.json<{ name: string; path: string }[]>();
    expect(hits.some((h) => h.name === 'Phường Bến Nghé' && h.path.includes('Quận 1'))).toBe(true);
  });
});
