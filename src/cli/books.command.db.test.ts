/**
 * `hotich books list` through its command function on both backends: the
 * filters of the API (unit by API id or GSO code, type, year, status), every
 * page followed without --limit, and JSON items of the very shape
 * GET /api/books gives (compared over HTTP with the same filter).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { signedInApp, type SignedInApp } from '../../test/support/http.js';
import { createBook } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { rebuildWithin } from '../units/index.js';
import { runBooksList } from './books.command.js';

describeBackends('hotich books list', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let http: SignedInApp;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const db = ctx.store.db;
    await db
      .insertInto('admin_units')
      .values([
        { id: 'y2025:province:97', scheme: 'y2025', level: 'province', code: '97', name: 'Tỉnh Thử', kind: 'tinh', parent_id: null, source: 'test' },
        { id: 'y2025:commune:97001', scheme: 'y2025', level: 'commune', code: '97001', name: 'Xã Thử Một', kind: 'xa', parent_id: 'y2025:province:97', source: 'test' },
        { id: 'y2025:commune:97002', scheme: 'y2025', level: 'commune', code: '97002', name: 'Xã Thử Hai', kind: 'xa', parent_id: 'y2025:province:97', source: 'test' },
      ])
      .execute();
    await rebuildWithin(db);
    for (let i = 0; i < 5; i++) await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Thử Một', authorityUnitId: 'y2025:commune:97001', yearFrom: 2000 + i });
    await createBook(ctx, { registerType: 'KT', authority: 'UBND xã Thử Hai', authorityUnitId: 'y2025:commune:97002', yearFrom: 2003 });
    http = await signedInApp(ctx);
  }, 60_000);
  afterAll(async () => {
    await http.app.close();
    dispose();
  });

  it('takes a unit by its API id or GSO code, with the units within it', async () => {
    expect((await runBooksList(ctx, { unit: '97' })).items).toHaveLength(6);
    expect((await runBooksList(ctx, { unit: 'y2025:province:97' })).items).toHaveLength(6);
    expect((await runBooksList(ctx, { unit: '97002' })).items.map((b) => b.authority)).toEqual(['UBND xã Thử Hai']);
    expect((await runBooksList(ctx, { unit: '97', type: 'KS', year: '2003' })).items.map((b) => b.yearFrom)).toEqual([2003]);
    expect((await runBooksList(ctx, { unit: '97', status: 'keying' })).items).toHaveLength(0);
    await expect(runBooksList(ctx, { unit: '97999' })).rejects.toThrow(/Không có đơn vị hành chính "97999"/);
  });

  it('follows every page without --limit, and gives one page with its cursor with it', async () => {
    const one = await runBooksList(ctx, { unit: '97', limit: '4' });
    expect(one.items).toHaveLength(4);
    expect(one.nextCursor).toBe(one.items[3]!.id);
    const rest = await runBooksList(ctx, { unit: '97', limit: '4', cursor: one.nextCursor! });
    expect(rest.nextCursor).toBeNull();
    const all = await runBooksList(ctx, { unit: '97' });
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((b) => b.id)).toEqual([...one.items, ...rest.items].map((b) => b.id));
  });

  it('prints items of the same shape as GET /api/books, with id and authorityUnit.id', async () => {
    const res = await http.app.inject({ method: 'GET', url: '/api/books?unit=97&type=KS&limit=200', headers: http.headers });
    expect(res.statusCode).toBe(200);
    const api = res.json<{ items: unknown[]; nextCursor: string | null }>();
    const cli = JSON.parse(JSON.stringify(await runBooksList(ctx, { unit: '97', type: 'KS' }))) as typeof api;
    expect(cli).toEqual(api);
    expect(cli.items[0]).toMatchObject({ id: expect.any(String), authorityUnit: { id: 'y2025:commune:97001', path: 'Xã Thử Một, Tỉnh Thử' } });
    const bad = await http.app.inject({ method: 'GET', url: '/api/books?limit=500', headers: http.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/từ 1 đến 200/);
  });
});
