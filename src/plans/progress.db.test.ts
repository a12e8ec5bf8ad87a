import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import {
  acceptLot,
  addDraft,
  addPages,
  at,
  completeDraft,
  completeRegistrations,
  confirmLoad,
  disagree,
  exportSignedOff,
  insertBook,
  insertPlanUnits,
  resolveDisagreement,
  secondPass,
  setDouble,
  UNITS,
} from '../../test/support/plan-world.js';
import { as, insertUsers } from '../../test/support/users.js';
import { getTemplate } from '../registers/index.js';
import { addPackage, createCampaign, getPackage, getProgress, packageRollupDrift, progressDrift, refreshProgress, stageFacts, stageFigures, updatePackage, type Stage } from './index.js';
import { bookInPackage } from './membership.js';

describeBackends('plans progress', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let userId: string;
  let campaignId: string;
  let pkgA: string;
  let pkgB: string;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    userId = (await insertUsers(ctx, [{ login: 'plans-reviewer', role: 'reviewer' }]))[0]!;
    campaignId = (await createCampaign(ctx, { name: 'Kế hoạch số hóa thử', docRef: '37/KH-UBND', issuedOn: '2026-10-01', unitId: UNITS.province })).id;
  });
  afterAll(() => dispose());

  const doneOf = (p: Awaited<ReturnType<typeof getProgress>>, id: string) =>
    Object.fromEntries(p.packages.find((x) => x.package.id === id)!.stages.map((s) => [s.stage, s.done])) as Record<Stage, number>;

  it('counts progress from the facts, equal to a count by hand', async () => {
    const b1 = await insertBook(ctx, { unit: UNITS.a, year: 2005, day: '2026-11-01', pages: 40, declared: 30 });
    const b2 = await insertBook(ctx, { unit: UNITS.a, year: 2006, day: '2026-11-02', pages: 20, declared: 10 });
    await insertBook(ctx, { unit: UNITS.a, type: 'KT', year: 2005, day: '2026-11-02' }); // other type: not in package A
    await insertBook(ctx, { unit: UNITS.a, year: 1990, day: '2026-11-02' }); // other years
    await addPages(ctx, b1, 12, '2026-11-10');
    await addPages(ctx, b1, 8, '2026-11-11');
    await addPages(ctx, b2, 5, '2026-11-11');
    const regs = await completeRegistrations(ctx, b1, 7, '2026-11-20');
    await completeRegistrations(ctx, b2, 3, '2026-11-21');
    await addDraft(ctx, b2); // a draft is not done
    await setDouble(ctx, b1);
    await secondPass(ctx, regs[0]!, '2026-11-22');
    await secondPass(ctx, regs[1]!, '2026-11-22');
    const d1 = await disagree(ctx, regs[0]!, 'nksHoTen');
    await disagree(ctx, regs[1]!, 'nksNgaySinh');
    await resolveDisagreement(ctx, d1, '2026-11-23', userId);
    await acceptLot(ctx, [b2], '2026-11-24', userId);
    await exportSignedOff(ctx, b2, '2026-11-24', userId);
    await confirmLoad(ctx, b2, '2026-11-25');
    pkgA = (
      await addPackage(ctx, campaignId, {
        unitId: UNITS.a,
        registerTypes: ['KS'],
        yearFrom: 2000,
        yearTo: 2010,
        stages: [
          { stage: 'key1', deadline: '2026-12-31' },
          { stage: 'scan', deadline: '2026-11-30', unitPrice: 1000 },
        ],
      })
    ).id;
    const p = await getProgress(ctx, { campaignId });
    const pkg = p.packages.find((x) => x.package.id === pkgA)!;
    expect(pkg.package.estimates).toEqual({ books: 2, pages: 60, registrations: 40, fields: 40 * getTemplate('KS').fields.length });
    expect(doneOf(p, pkgA)).toEqual({ inventory: 2, scan: 25, key1: 10, key2: 2, arbitration: 1, acceptance: 3, handover: 1, loaded: 1 });
    const byStage = Object.fromEntries(pkg.stages.map((s) => [s.stage, s]));
    expect(byStage.key2!.total).toBe(7); // registrations of the double-keyed book
    expect(byStage.arbitration!.total).toBe(2);
    expect(byStage.scan!.percent).toBe(41.7);
    expect(pkg.fields.done).toBe(10 * getTemplate('KS').fields.length);
    expect(pkg.cost).toEqual({ budget: 60_000, toDate: 25_000 });
    expect(p.today).toBe('2026-11-25');
    expect(await progressDrift(ctx.store.db)).toEqual([]);
    expect(await packageRollupDrift(ctx.store.db)).toEqual([]);
  });

  it('keeps the rollup equal to a full recomputation after a random keying, QC and export script', async () => {
    const books = [
      await insertBook(ctx, { unit: UNITS.a, year: 2003, day: '2026-10-20' }),
      await insertBook(ctx, { unit: UNITS.b, year: 2004, day: '2026-10-21' }),
      await insertBook(ctx, { unit: UNITS.b, type: 'KT', year: 2004, day: '2026-10-22' }),
    ];
    pkgB = (await addPackage(ctx, campaignId, { unitId: UNITS.b, registerTypes: ['KS', 'KT'], yearFrom: 2000, yearTo: 2010, estimates: { registrations: 100 } })).id;
    const pkgKT = (await addPackage(ctx, campaignId, { unitId: UNITS.b, registerTypes: ['KT'], yearFrom: 2004, yearTo: 2004 })).id;
    await addPackage(ctx, campaignId, { unitId: UNITS.district, registerTypes: ['KS'], yearFrom: 2000, yearTo: 2010 });
    let seed = 20261125;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Days on both sides of a month's end, so the 28-day window (read from the monthly fold) spans two months.
    const dayOf = () => (rnd(5) === 0 ? `2026-10-${String(25 + rnd(7)).padStart(2, '0')}` : `2026-11-${String(1 + rnd(25)).padStart(2, '0')}`);
    const drafts: string[] = [];
    const done: string[] = [];
    const open: string[] = [];
    for (let i = 0; i < 120; i++) {
      const book = books[rnd(books.length)]!;
      switch (rnd(11)) {
        case 0:
          await addPages(ctx, book, 1 + rnd(5), dayOf());
          break;
        case 1:
          drafts.push(await addDraft(ctx, book));
          break;
        case 2: {
          const d = drafts.pop();
          if (d) {
            await completeDraft(ctx, d, dayOf());
            done.push(d);
          }
          break;
        }
        case 3:
          done.push(...(await completeRegistrations(ctx, book, 1 + rnd(3), dayOf())));
          break;
        case 4:
          if (done.length) {
            const r = done[rnd(done.length)]!;
            await secondPass(ctx, r, dayOf());
            open.push(await disagree(ctx, r, `f${i}`));
          }
          break;
        case 5: {
          const d = open.pop();
          if (d) await resolveDisagreement(ctx, d, dayOf(), userId);
          break;
        }
        case 6:
          if (rnd(3) === 0) await acceptLot(ctx, [book], dayOf(), userId);
          else await setDouble(ctx, book);
          break;
        case 7:
          await exportSignedOff(ctx, book, dayOf(), userId);
          break;
        case 8:
          await confirmLoad(ctx, book, dayOf());
          break;
        case 9: {
          // A plan change: the KT package's years move over the books or away from them.
          const cur = await getPackage(ctx, pkgKT);
          const year = rnd(2) === 0 ? 2004 : 2011;
          await updatePackage(ctx, pkgKT, { unitId: UNITS.b, registerTypes: ['KT'], yearFrom: year, yearTo: year, version: cur.version, reason: 'Điều chỉnh theo quyết định' });
          break;
        }
        case 10:
          // A book's identity changes (its year or commune): it leaves a package and joins another.
          await ctx.store.db
            .updateTable('books')
            .set(rnd(2) === 0 ? { year_from: 2000 + rnd(12), year_to: null } : { authority_unit_code: rnd(2) === 0 ? UNITS.a : UNITS.b })
            .where('id', '=', book)
            .execute();
          break;
      }
      if (rnd(10) === 0) await refreshProgress(ctx.store.db);
    }
    const p = await getProgress(ctx, { campaignId });
    expect(await progressDrift(ctx.store.db)).toEqual([]);
    expect(await packageRollupDrift(ctx.store.db)).toEqual([]);
    // Each package's done per stage equals the full recomputation over its books; the units add up.
    const { rows } = await sql<{ package_id: string; stage: Stage; qty: string }>`
      select p.id as package_id, f.stage, sum(f.qty)::text as qty from plan_packages p join books b on ${bookInPackage('p', 'b')}
      join (${stageFacts(() => sql`true`)}) f on f.book_id = b.id group by 1, 2`.execute(ctx.store.db);
    for (const pkg of p.packages)
      for (const s of pkg.stages) {
        expect(s.done, `${pkg.unitName} ${s.stage}`).toBe(Number(rows.find((r) => r.package_id === pkg.package.id && r.stage === s.stage)?.qty ?? 0));
      }
    const district = p.units.find((u) => u.id === UNITS.district)!;
    const province = p.units.find((u) => u.id === UNITS.province)!;
    for (const [i, s] of district.stages.entries()) {
      expect(s.done).toBe(p.packages.reduce((a, x) => a + x.stages[i]!.done, 0));
      expect(province.stages[i]!.done).toBe(s.done);
    }
    const inB = p.packages.filter((x) => x.package.unitId === UNITS.b);
    expect(inB.map((x) => x.package.id)).toContain(pkgB);
    expect(p.units.find((u) => u.id === UNITS.b)!.stages[2]!.done).toBe(inB.reduce((a, x) => a + doneOf(p, x.package.id).key1, 0));
    // The 7/28-day throughput and the forecast equal those of the full recomputation's daily amounts.
    const { rows: daily } = await sql<{ package_id: string; stage: Stage; day: string; qty: string }>`
      select p.id as package_id, f.stage, f.day::text as day, sum(f.qty)::text as qty from plan_packages p join books b on ${bookInPackage('p', 'b')}
      join (${stageFacts(() => sql`true`)}) f on f.book_id = b.id group by 1, 2, 3`.execute(ctx.store.db);
    let moving = 0;
    for (const pkg of p.packages)
      for (const s of pkg.stages) {
        const days = new Map(daily.filter((r) => r.package_id === pkg.package.id && r.stage === s.stage).map((r) => [r.day, Number(r.qty)]));
        const full = stageFigures({ done: s.done, total: s.total, daily: days, today: p.today, deadline: s.deadline });
        expect({ rate7: s.rate7, rate28: s.rate28, forecast: s.forecast, status: s.status }, `${pkg.unitName} ${s.stage}`).toEqual({
          rate7: full.rate7,
          rate28: full.rate28,
          forecast: full.forecast,
          status: full.status,
        });
        if (s.rate28 > 0) moving += 1;
      }
    expect(moving).toBeGreaterThan(5);
  });

  it('shows a commune officer only the packages of her commune', async () => {
    const [officer] = await insertUsers(ctx, [{ login: 'plans-officer-b', role: 'officer' }], [{ kind: 'unit', unitId: UNITS.b }]);
    const p = await getProgress(await as(ctx, officer!), { campaignId });
    expect(p.packages.map((x) => x.package.id)).toContain(pkgB);
    expect(new Set(p.packages.map((x) => x.package.unitId))).toEqual(new Set([UNITS.b]));
    expect(p.units.map((u) => u.id)).not.toContain(UNITS.a);
    expect(at('2026-11-25')).toContain('+07:00');
  });
});
