import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../auth/index.js';
import { listKeyerAccuracy } from '../qc/index.js';
import { getTemplate } from '../registers/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { at, insertBook, insertPlanUnits, UNITS } from '../../test/support/plan-world.js';
import { as, insertUsers } from '../../test/support/users.js';
import { addDays } from './forecast.js';
import { keyerThroughput, overallOf } from './keyer-throughput.service.js';
import { provinceOfBook, provinceOfRecord } from '../store/index.js';

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
          province_code: provinceOfBook(books[f.book]),
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
      // Fields = registrations × the catalog's field count; these records have no actions, so no active time.
      expect(row).toMatchObject({ fields28: count(k, 28, ['a', 'b']) * getTemplate('KS').fields.length, activeHours28: 0, fieldsPerHour28: null, fieldsPerHour7: null });
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

/**
 * Fields per hour by hand: keyers' actions at known times (Vietnam time).
 * Nhập Một keys on day −1 in commune A from 08:00 to 08:12 (two KS), on a
 * KS of commune B at 08:20–08:25, and a KT of commune A at 08:30–08:34; QC
 * verifies at 08:50 (not keying). On day −10: 14:00–14:09:59 (599 s apart: one
 * session) and 14:19:59–14:21:59 (600 s later: a new session). On day −30
 * (outside 28 days) one more. Nhập Hai keys one KS on day −2, 09:00–09:06,
 * and works a draft at 09:10–09:12, and imports one from a file at 09:30 (not
 * keying). Nhập Ba keys only in commune B.
 * Sessions: last − first + 60 s; a gap of 600 s or more splits.
 */
describeBackends('keyers fields per hour from the action log', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  const TODAY = '2026-11-25';
  let k1 = '';
  let k2 = '';
  let k3 = '';
  let org = '';
  let planner = '';
  const KS = getTemplate('KS').fields.length;
  const KT = getTemplate('KT').fields.length;
  let tx = 0;
  const time = (back: number, hms: string) => `${addDays(TODAY, -back)}T${hms}+07:00`;

  async function record(book: string, type: 'KS' | 'KT', keyer: string, back: number, actions: [string, string][], status = 'completed', imported = false): Promise<void> {
    const r = await ctx.store.db
      .insertInto('records')
      .values({
        book_id: book,
        province_code: provinceOfBook(book),
        register_type: type,
        template_version: type === 'KS' ? 'KS-70' : 'KT-48',
        values: {},
        page_ids: '[]',
        keyed_by: keyer,
        status,
        completed_at: status === 'draft' ? null : at(addDays(TODAY, -back)),
        updated_at: at(addDays(TODAY, -back)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const payload = (kind: string) => (imported && kind === 'created' ? JSON.stringify({ source: { kind: 'import', file: 'so-cu.xlsx', row: 2 } }) : '{}');
    const rows = actions.map(([kind, hms]) => ({
      record_id: r.id,
      province_code: provinceOfRecord(r.id),
      client_tx_id: `tx-fph-${++tx}`,
      kind,
      actor_id: keyer,
      payload: payload(kind),
      created_at: time(back, hms),
    }));
    await ctx.store.db.insertInto('record_actions').values(rows).execute();
  }
  /** Created at `from`, saved 30 s later, completed at `to`. */
  const keyed = (from: string, to: string): [string, string][] => {
    const [h, m, s] = from.split(':').map(Number) as [number, number, number];
    const saved = new Date(Date.UTC(2000, 0, 1, h, m, s + 30)).toISOString().slice(11, 19);
    return [
      ['created', from],
      ['keyed', saved],
      ['completed', to],
    ];
  };

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await insertPlanUnits(ctx);
    const a = await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-09-01' });
    const aKt = await insertBook(ctx, { unit: UNITS.a, type: 'KT', year: 2001, day: '2026-09-01' });
    const b = await insertBook(ctx, { unit: UNITS.b, year: 2002, day: '2026-09-01' });
    org = (await createOrganization(ctx, { name: 'Công ty Nhập Liệu Giờ', kind: 'contractor' })).id;
    const ids = await insertUsers(ctx, [
      { login: 'gio-mot', role: 'keyer' },
      { login: 'gio-hai', role: 'keyer' },
      { login: 'gio-ba', role: 'keyer' },
    ]);
    [k1, k2, k3] = [ids[0]!, ids[1]!, ids[2]!];
    await ctx.store.db.updateTable('users').set({ organization_id: org }).where('id', 'in', ids).execute();
    planner = (await insertUsers(ctx, [{ login: 'gio-ke-hoach-a', role: 'planner' }], [{ kind: 'unit', unitId: UNITS.a }]))[0]!;
    await record(a, 'KS', k1, 1, keyed('08:00:00', '08:05:00'));
    await record(a, 'KS', k1, 1, [...keyed('08:06:00', '08:12:00'), ['verified', '08:50:00']]);
    await record(b, 'KS', k1, 1, keyed('08:20:00', '08:25:00'));
    await record(aKt, 'KT', k1, 1, keyed('08:30:00', '08:34:00'));
    await record(a, 'KS', k1, 10, keyed('14:00:00', '14:09:59'));
    await record(a, 'KS', k1, 10, keyed('14:19:59', '14:21:59'));
    await record(a, 'KS', k1, 30, keyed('10:00:00', '10:05:00'));
    await record(a, 'KS', k2, 2, keyed('09:00:00', '09:06:00'));
    await record(a, 'KS', k2, 2, keyed('09:10:00', '09:12:00'), 'draft');
    await record(b, 'KS', k3, 1, keyed('10:00:00', '10:05:00'));
    // Imported from a file by Nhập Hai (not keying: neither its fields nor its minutes count).
    await record(a, 'KS', k2, 2, keyed('09:30:00', '09:30:40'), 'completed', true);
  });
  afterAll(() => dispose());

  const perHour = (fields: number, seconds: number) => Math.round(((fields * 3600) / seconds) * 10) / 10;
  const expectRow = (row: object | undefined, fields7: number, secs7: number, fields28: number, secs28: number) =>
    expect(row).toMatchObject({
      fields7,
      fields28,
      activeHours7: Math.round((secs7 / 3600) * 100) / 100,
      activeHours28: Math.round((secs28 / 3600) * 100) / 100,
      fieldsPerHour7: perHour(fields7, secs7),
      fieldsPerHour28: perHour(fields28, secs28),
    });

  it('divides the fields keyed by the active sessions: a gap of 10 minutes splits, QC actions and older days do not count', async () => {
    const r = await keyerThroughput(ctx);
    // Nhập Một, day −1: one session 08:00–08:34 (the commune B record fills the gaps), day −10: 599 s + 60, then 120 s + 60.
    const one7 = 34 * 60 + 60;
    expectRow(
      r.keyers.find((k) => k.keyerId === k1),
      3 * KS + KT,
      one7,
      5 * KS + KT,
      one7 + (599 + 60) + (120 + 60),
    );
    // Nhập Hai: 09:00–09:12 with the draft's actions (time on a draft counts; its fields when it is completed).
    expectRow(
      r.keyers.find((k) => k.keyerId === k2),
      KS,
      12 * 60 + 60,
      KS,
      12 * 60 + 60,
    );
    expectRow(
      r.keyers.find((k) => k.keyerId === k3),
      KS,
      5 * 60 + 60,
      KS,
      5 * 60 + 60,
    );
    const secs7 = one7 + 780 + 360;
    expectRow(
      r.organizations.find((o) => o.organizationId === org),
      5 * KS + KT,
      secs7,
      7 * KS + KT,
      secs7 + 659 + 180,
    );
  });

  it("counts only actions and records in the reader's scope: the commune B record leaves a gap that splits the session", async () => {
    const r = await keyerThroughput(await as(ctx, planner));
    expect(r.keyers.map((k) => k.keyerId).sort()).toEqual([k1, k2].sort());
    const one7 = 12 * 60 + 60 + (4 * 60 + 60);
    expectRow(
      r.keyers.find((k) => k.keyerId === k1),
      2 * KS + KT,
      one7,
      4 * KS + KT,
      one7 + 659 + 180,
    );
    expectRow(
      r.organizations.find((o) => o.organizationId === org),
      3 * KS + KT,
      one7 + 780,
      5 * KS + KT,
      one7 + 659 + 180 + 780,
    );
  });
});
