import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../auth/index.js';
import { listKeyerAccuracy } from '../qc/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { at, insertBook, insertPlanUnits, UNITS } from '../../test/support/plan-world.js';
import { as, insertUsers } from '../../test/support/users.js';
import { addDays } from './forecast.js';
import { keyerThroughput, overallOf } from './keyer-throughput.service.js';

/** A small deterministic generator (no Math.random: the same script on both backends). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describeBackends('keyers throughput next to QC accuracy', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  const TODAY = '2026-11-25';
  type Fact = { keyer: string; book: 'a' | 'b'; back: number; draft: boolean };
  const facts: Fact[] = [];
  let keyers: string[];
  let orgs: string[];
  let planner: string;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    const books = { a: await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-09-01' }), b: await insertBook(ctx, { unit: UNITS.b, year: 2002, day: '2026-09-01' }) };
    orgs = [(await createOrganization(ctx, { name: 'Công ty Nhập Liệu Một', kind: 'contractor' })).id, (await createOrganization(ctx, { name: 'UBND xã Thử A', kind: 'ubnd_xa' })).id];
    keyers = await insertUsers(ctx, [
      { login: 'nhap-mot', role: 'keyer' },
      { login: 'nhap-hai', role: 'keyer' },
      { login: 'nhap-ba', role: 'keyer' },
    ]);
    await ctx.store.db.updateTable('users').set({ organization_id: orgs[0]! }).where('id', 'in', [keyers[0]!, keyers[1]!]).execute();
    await ctx.store.db.updateTable('users').set({ organization_id: orgs[1]! }).where('id', '=', keyers[2]!).execute();
    planner = (await insertUsers(ctx, [{ login: 'ke-hoach-xa-a', role: 'planner' }], [{ kind: 'unit', unitId: UNITS.a }]))[0]!;
    const rnd = lcg(14);
    for (let i = 0; i < 160; i++) facts.push({ keyer: keyers[Math.floor(rnd() * 3)]!, book: rnd() < 0.6 ? 'a' : 'b', back: Math.floor(rnd() * 40), draft: rnd() < 0.1 });
    await ctx.store.db
      .insertInto('records')
      .values(
        facts.map((f) => ({
          book_id: books[f.book],
          register_type: 'KS',
          template_version: 'KS-70',
          values: {},
          page_ids: '[]',
          keyed_by: f.keyer,
          status: f.draft ? 'draft' : 'completed',
          completed_at: f.draft ? null : at(addDays(TODAY, -f.back)),
          updated_at: at(addDays(TODAY, -f.back)),
        })),
      )
      .execute();
  });
  afterAll(() => dispose());

  const count = (keyer: string, days: number, books: readonly string[]) => facts.filter((f) => f.keyer === keyer && !f.draft && f.back < days && books.includes(f.book)).length;

  it('counts each keyer and organization over 7 and 28 days as a direct count does, next to the accuracy src/qc computes', async () => {
    const r = await keyerThroughput(ctx);
    expect(r.today).toBe(TODAY);
    const accuracy = new Map((await listKeyerAccuracy(ctx)).map((a) => [a.keyerId, a]));
    for (const k of keyers) {
      const row = r.keyers.find((x) => x.keyerId === k)!;
      expect(row).toMatchObject({ keyed7: count(k, 7, ['a', 'b']), keyed28: count(k, 28, ['a', 'b']) });
      expect(row.perDay28).toBeCloseTo(count(k, 28, ['a', 'b']) / 28, 2);
      expect(row.accuracy).toEqual(accuracy.get(k) ?? null);
      expect(row.overall).toEqual(overallOf(accuracy.get(k)));
    }
    expect(r.keyers.map((k) => k.organizationName)).toEqual(['Công ty Nhập Liệu Một', 'Công ty Nhập Liệu Một', 'UBND xã Thử A']);
    const org1 = r.organizations.find((o) => o.organizationId === orgs[0])!;
    expect(org1).toMatchObject({ organizationName: 'Công ty Nhập Liệu Một', keyers: 2, keyed28: count(keyers[0]!, 28, ['a', 'b']) + count(keyers[1]!, 28, ['a', 'b']) });
    expect(org1.keyed7).toBe(count(keyers[0]!, 7, ['a', 'b']) + count(keyers[1]!, 7, ['a', 'b']));
    expect(r.organizations.find((o) => o.organizationId === orgs[1])).toMatchObject({ keyers: 1, keyed28: count(keyers[2]!, 28, ['a', 'b']) });
    expect(count(keyers[0]!, 28, ['a', 'b'])).toBeLessThan(count(keyers[0]!, 40, ['a', 'b']));
  });

  it("counts only the books within the viewer's scope", async () => {
    const r = await keyerThroughput(await as(ctx, planner));
    for (const k of keyers) {
      const row = r.keyers.find((x) => x.keyerId === k);
      expect(row?.keyed28 ?? 0).toBe(count(k, 28, ['a']));
      expect(row?.keyed7 ?? 0).toBe(count(k, 7, ['a']));
    }
    expect(r.organizations.reduce((s, o) => s + o.keyed28, 0)).toBe(keyers.reduce((s, k) => s + count(k, 28, ['a']), 0));
  });
});
