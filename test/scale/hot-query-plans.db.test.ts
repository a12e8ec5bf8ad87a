/**
 * The plans of the hot queries on a small synthetic province (src/demo
 * synth.ts, 3,000 registrations registered by the communes of province 93,
 * analysed by synth's own refresh of the planner's statistics): each must use
 * its index, not read the whole table. records, record_actions and pages are
 * partitioned by province (migration 0032, docs/SCALE.md §3): a plan names
 * the partitions' own indexes (records_p93_pkey), which are read back to the
 * index of the partitioned table they belong to (records_pkey). Record by
 * id, a book's registrations (an index on the book), its actions (the
 * fold), a person search by blocking keys, a book's people,
 * the actions of the last 28 days (keyers' active time, src/plans), the QC
 * guard every save runs (is the registration double keyed?), the recomputation
 * of a dirty book's progress (the rollup refresh).
 * On both backends.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { synthProvince } from '../../src/demo/index.js';
import { fold } from '../../src/entry/index.js';
import { stageFacts } from '../../src/plans/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { insertPlanUnits } from '../support/plan-world.js';

describeBackends('hot query plans on a synthetic province', (store) => {
  let t: ReturnType<typeof testContext>;
  let recordId = '';
  let bookId = '';
  beforeAll(async () => {
    t = testContext(store());
    await insertPlanUnits(t.ctx);
    await synthProvince(t.ctx, { registrations: 3000, perBook: 100, firstVolume: 9000, province: '93' });
    const r = await t.ctx.store.db.selectFrom('records').select(['id', 'book_id']).where('status', '=', 'completed').limit(1).executeTakeFirstOrThrow();
    [recordId, bookId] = [r.id, r.book_id];
  }, 240_000);
  afterAll(() => t.dispose());

  const plan = async (q: ReturnType<typeof sql>) => (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(t.ctx.store.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
  /** The indexes a plan reads, each named as the partitioned table's index when it is a partition's. */
  const indexesOf = async (p: string): Promise<string[]> => {
    const used = [...p.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]!);
    const parents = await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent from pg_inherits i
      join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where c.relname = any(${used})`.execute(t.ctx.store.db);
    const parentOf = new Map(parents.rows.map((r) => [r.child, r.parent]));
    return used.map((u) => parentOf.get(u) ?? u);
  };
  /** A sequential scan is allowed only of an empty partition (the DEFAULT one here: every book is placed in province 93), which costs nothing. */
  const scansNothingWhole = async (p: string) => {
    for (const [, table] of p.matchAll(/Seq Scan on ((?:records|record_actions|pages|person_index)\w*)/g)) {
      const rows = await sql<{ n: string }>`select count(*) as n from ${sql.table(table!)}`.execute(t.ctx.store.db);
      expect(Number(rows.rows[0]!.n), `sequential scan of ${table}`).toBe(0);
    }
  };
  const usesIndex = async (p: string, index: string) => {
    expect(await indexesOf(p)).toContain(index);
    await scansNothingWhole(p);
  };

  it('synthesizes by the keying rules: each row is the fold of its actions, its people are indexed', async () => {
    const db = t.ctx.store.db;
    const rows = await db.selectFrom('records').select(['id', 'version', 'status', 'values']).orderBy('id').limit(50).execute();
    for (const row of rows) {
      const actions = await db.selectFrom('record_actions').select(['kind', 'payload', 'actor_id', 'created_at']).where('record_id', '=', row.id).orderBy('id').execute();
      const s = fold(actions);
      expect([s.version, s.status, s.values]).toEqual([row.version, row.status, row.values]);
    }
    const counts = await db
      .selectFrom('records')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    expect(counts.map((c) => [c.status, Number(c.n)])).toEqual([
      ['completed', 2700],
      ['draft', 300],
    ]);
    const named = await db.selectFrom('person_index').select(['full_name', 'role']).where('role', '=', 'nks').limit(5).execute();
    expect(named).toHaveLength(5);
    for (const p of named) expect(p.full_name).toMatch(/^\p{Lu}\p{Ll}* (\p{Lu}\p{Ll}* )*\p{Lu}\p{Ll}*$/u);
    // Every indexed name is findable: the search reads candidate names from person_names first.
    const orphans = await sql<{ n: string }>`select count(*) as n from person_index p where not exists (select 1 from person_names n where n.name_fold = p.name_fold)`.execute(db);
    expect(Number(orphans.rows[0]?.n)).toBe(0);
  });

  it('finds a record by id through its primary key', async () => {
    const p = await plan(sql`select * from records where id = ${recordId}`);
    await usesIndex(p, 'records_pkey');
    expect(p).toMatch(/records_p93_pkey/);
  });

  it("reads a book's registrations in list order through an index on the book (records_book_*_idx)", async () => {
    const p = await plan(sql`select id from records where book_id = ${bookId} and keying_of is null order by so_sort, created_at, id limit 100`);
    expect((await indexesOf(p)).some((u) => /^records_book_\w+_idx$/.test(u))).toBe(true);
    await scansNothingWhole(p);
  });

  it('asks whether a registration is double keyed (the QC guard of every save) through the (keying_of, keying_pass) index', async () => {
    const p = await plan(sql`select p.id from records p join record_actions ca on ca.record_id = p.id and ca.kind = 'created' where p.keying_of = ${recordId} limit 1`);
    await usesIndex(p, 'records_keying_pass_unique');
    await usesIndex(p, 'record_actions_record_idx');
  });

  it("reads a record's actions (its fold) through record_actions_record_idx", async () => {
    await usesIndex(await plan(sql`select * from record_actions where record_id = ${recordId} order by id`), 'record_actions_record_idx');
  });

  it("reads the actions of a 28-day window (keyers' active time, src/plans keyer-hours.repo.ts) through record_actions_time_idx", async () => {
    const p = await plan(sql`select actor_id, created_at from record_actions where created_at >= '2026-10-29T00:00:00+07:00'::timestamptz and created_at < '2026-11-26T00:00:00+07:00'::timestamptz`);
    await usesIndex(p, 'record_actions_time_idx');
  });

  it("recomputes a dirty book's progress (src/plans stage-facts, the rollup refresh) through the book indexes of records and pages", async () => {
    const p = await plan(sql`select * from (${stageFacts((col) => sql`${col} = ${bookId}`)}) f`);
    const used = await indexesOf(p);
    expect(used.some((u) => /^records_book_\w+$/.test(u))).toBe(true);
    expect(used.some((u) => /^pages_book_\w+$/.test(u))).toBe(true);
    await scansNothingWhole(p);
  });

  // Person search runs in two steps (src/search/search.repo.ts): candidate names by blocking key in person_names, then people by exact name (+ year).
  it('finds candidate names by given name + family name through the blocking key of person_names', async () => {
    const p = await plan(sql`select name_fold from person_names where ten_key = 'lan' and ho_key = 'nguyen' limit 200`);
    expect(p).toMatch('person_names_ten_ho_idx');
    expect(p).not.toMatch(/Seq Scan on person_names\b/);
  });

  it('reads the people of a name born or registered in a year range through the name+year indexes', async () => {
    const p = await plan(sql`select record_id from person_index where name_fold = 'nguyen thi lan' and (birth_year between 1990 and 1992 or event_year between 1990 and 1992)`);
    await usesIndex(p, 'person_index_fold_idx');
    expect(p).toMatch('person_index_fold_event_idx');
  });

  it("lists a book's people through person_index_book_idx", async () => {
    await usesIndex(await plan(sql`select record_id from person_index where book_id = ${bookId} order by reg_so`), 'person_index_book_idx');
  });
});
