import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { addDraft, at, completeRegistrations, insertBook, insertPlanUnits, setDouble, UNITS } from '../../test/support/plan-world.js';
import { as, insertUsers } from '../../test/support/users.js';
import { getHome } from './home.service.js';
import { provinceOfBook, provinceOfRecord } from '../store/index.js';

describeBackends('home page facts', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  const TODAY = '2026-11-25';
  const YESTERDAY = '2026-11-24';
  let users: { officer: string; keyer: string; reviewer: string; planner: string; admin: string };
  const books: Record<'a1' | 'a2' | 'a3' | 'b1', string> = { a1: '', a2: '', a3: '', b1: '' };
  let waitingA = 0;
  let keyerDraft = '';
  let keyerPass = '';
  const action = (recordId: string, kind: string, n: number) =>
    ctx.store.db
      .insertInto('record_actions')
      .values({ record_id: recordId, province_code: provinceOfRecord(recordId), client_tx_id: `tx-home-${kind}-${n}-${recordId}`, kind, actor_id: null, payload: '{}' })
      .execute();
  const setStatus = (id: string, status: string) => ctx.store.db.updateTable('books').set({ status }).where('id', '=', id).execute();
  const keyedBy = (ids: readonly string[], userId: string, day: string) =>
    ctx.store.db
      .updateTable('records')
      .set({ keyed_by: userId, completed_at: at(day) })
      .where('id', 'in', [...ids])
      .execute();

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    books.a1 = await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-09-01' });
    books.a2 = await insertBook(ctx, { unit: UNITS.a, year: 2002, day: '2026-09-02' });
    books.a3 = await insertBook(ctx, { unit: UNITS.a, year: 2003, day: '2026-09-03' });
    books.b1 = await insertBook(ctx, { unit: UNITS.b, year: 2004, day: '2026-09-04' });
    await setStatus(books.a1, 'keying');
    await setStatus(books.a2, 'checking');
    await setStatus(books.a3, 'exported');
    await setStatus(books.b1, 'checking');
    const unitA = [{ kind: 'unit' as const, unitId: UNITS.a }];
    const [officer, reviewer, planner] = await insertUsers(
      ctx,
      [
        { login: 'home-canbo', role: 'officer' },
        { login: 'home-kiemtra', role: 'reviewer' },
        { login: 'home-sotuphap', role: 'planner' },
      ],
      unitA,
    );
    const [keyer] = await insertUsers(ctx, [{ login: 'home-nhaplieu', role: 'keyer' }], [{ kind: 'book', bookId: books.a1 }]);
    const [admin] = await insertUsers(ctx, [{ login: 'home-quantri', role: 'admin' }]);
    users = { officer: officer!, keyer: keyer!, reviewer: reviewer!, planner: planner!, admin: admin! };

    // a1 (keying): 3 completed by the keyer (2 today, 1 yesterday), 1 of them verified; 2 drafts (one hers).
    const a1Done = await completeRegistrations(ctx, books.a1, 3, TODAY);
    await keyedBy(a1Done.slice(0, 2), keyer!, TODAY);
    await keyedBy(a1Done.slice(2), keyer!, YESTERDAY);
    await action(a1Done[0]!, 'verified', 1);
    const other = await addDraft(ctx, books.a1);
    keyerDraft = await addDraft(ctx, books.a1);
    await ctx.store.db.updateTable('records').set({ keyed_by: keyer! }).where('id', '=', keyerDraft).execute();
    // a2 (checking): 4 completed; one compared, one verified then reopened (waiting again).
    const a2Done = await completeRegistrations(ctx, books.a2, 4, YESTERDAY);
    await action(a2Done[0]!, 'compared', 1);
    await action(a2Done[1]!, 'verified', 1);
    await action(a2Done[1]!, 'reopened', 2);
    // a3 (exported): its completed registrations wait for nobody.
    await completeRegistrations(ctx, books.a3, 2, YESTERDAY);
    // b1: out of the commune-A users' scope.
    await completeRegistrations(ctx, books.b1, 5, YESTERDAY);
    waitingA = 2 + 3;
    // A keying pass of hers in a double-keyed book she is assigned comes before any draft registration.
    const dbl = await insertBook(ctx, { unit: UNITS.a, year: 2005, day: '2026-09-05' });
    await setDouble(ctx, dbl);
    const reg = await addDraft(ctx, dbl);
    keyerPass = (
      await ctx.store.db
        .insertInto('records')
        .values({ book_id: dbl, province_code: provinceOfBook(dbl), register_type: 'KS', template_version: 'KS-70', values: {}, page_ids: '[]', keying_of: reg, keying_pass: 'A', keyed_by: keyer! })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    expect(other).not.toBe(keyerDraft);
  });
  afterAll(() => dispose());

  it("counts the officer's books by status and the registrations waiting for a check, only in her commune", async () => {
    const h = await getHome(await as(ctx, users.officer));
    expect(h.today).toBe(TODAY);
    expect(h.books.total).toBe(4);
    expect(h.books.byStatus).toMatchObject({ keying: 1, checking: 1, exported: 1, inventoried: 1 });
    expect(h.review?.records).toBe(waitingA);
    expect(h.review?.books.map((b) => [b.id, b.records])).toEqual([
      [books.a2, 3],
      [books.a1, 2],
    ]);
    expect(h.review?.books[0]?.title).toMatch(/^Sổ đăng ký khai sinh/);
    expect(h.keying?.keyedToday).toBe(0);
  });

  it('gives the planner no review or keying part, and the admin every book', async () => {
    const p = await getHome(await as(ctx, users.planner));
    expect(p).toMatchObject({ review: null, keying: null });
    expect(p.books.total).toBe(4);
    const a = await getHome(await as(ctx, users.admin));
    expect(a.books.total).toBe(5);
    expect(a.books.byStatus.checking).toBe(2);
    expect(a.review?.records).toBe(waitingA + 5);
  });

  it("counts the keyer's day and week within her assigned book and opens her own pass, then her draft, next", async () => {
    const me = await as(ctx, users.keyer);
    const h = await getHome(me);
    expect(h.books.total).toBe(1);
    expect(h.review).toBeNull();
    expect(h.keying).toMatchObject({ keyedToday: 2, keyed7: 3, drafts: 1 });
    expect(h.keying?.next?.recordId).toBe(keyerDraft);
    expect(h.keying?.next?.book.id).toBe(books.a1);
    await ctx.store.db.insertInto('user_grants').values({ user_id: users.keyer, kind: 'unit', unit_id: UNITS.a }).execute();
    const wider = await getHome(me);
    expect(wider.keying?.next?.recordId).toBe(keyerPass);
    expect(wider.keying?.drafts).toBe(2);
  });
});
