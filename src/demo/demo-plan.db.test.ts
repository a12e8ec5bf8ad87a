import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { addPages, insertBook, insertPlanUnits, UNITS } from '../../test/support/plan-world.js';
import { getProgress, getBurnup } from '../plans/index.js';
import { seedDemoCampaign } from './index.js';

describeBackends('demo campaign', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    for (const unit of [UNITS.a, UNITS.b]) {
      const book = await insertBook(ctx, { unit, year: 2001, day: '2026-11-24', pages: 6, declared: 12 });
      await addPages(ctx, book, 6, '2026-11-24');
    }
  });
  afterAll(() => dispose());

  it('plans a package per commune with met deadlines, one late package and back-dated activity, once', async () => {
    const id = await seedDemoCampaign(ctx);
    expect(id).toBeDefined();
    expect(await seedDemoCampaign(ctx)).toBeUndefined();
    const p = await getProgress(ctx, { campaignId: id });
    expect(p.packages.map((x) => x.unitName).sort()).toEqual(['Xã Thử A', 'Xã Thử B']);
    const stage = (unit: string, s: string) => p.packages.find((x) => x.package.unitId === unit)!.stages.find((y) => y.stage === s)!;
    expect([stage(UNITS.a, 'inventory').status, stage(UNITS.a, 'scan').status]).toEqual(['done', 'done']);
    expect(stage(UNITS.a, 'key1').status).toBe('late');
    expect(stage(UNITS.b, 'key1').status).not.toBe('late');
    const scan = (await getBurnup(ctx, { campaignId: id })).series.find((s) => s.stage === 'scan')!;
    expect(scan.points.length).toBeGreaterThan(3);
    expect(scan.points[0]![0] < '2026-11-10').toBe(true);
  });
});
