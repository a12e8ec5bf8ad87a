/**
 * The big tables partitioned by province (migration 0032, docs/SCALE.md §3):
 * a book is placed by the province of its authority, its registrations,
 * their actions and its pages land in that province's partitions (made with
 * the first book of the province), a row naming another province than its
 * book's is refused, references to records carry the record's province, and
 * the hot lookups prune to one partition when they name the province. Then
 * 0032 applied to a database that already holds rows: every row moved into
 * its partition, chains still verify. On both backends.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { verifyAuditChains } from '../../src/audit/index.js';
import { createRecord, saveRecord } from '../../src/entry/index.js';
import { dropPgSchema, MIGRATIONS, migrate, openStore, provinceOfBook, sql, type Store } from '../../src/store/index.js';
import { BACKENDS, describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { insertPlanUnits, UNITS } from '../support/plan-world.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { rebuildWithin } from '../../src/units/index.js';
import { textJpeg } from '../support/scans.js';

let n = 0;
const tx = () => `tx-partitions-${process.pid}-${++n}`;
const partitionOf = async (store: Store, table: 'records' | 'record_actions' | 'pages', where: ReturnType<typeof sql>) =>
  (await sql<{ p: string }>`select distinct tableoid::regclass::text as p from ${sql.table(table)} where ${where}`.execute(store.db)).rows.map((r) => r.p);
const plan = async (store: Store, q: ReturnType<typeof sql>) => (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(store.db)).rows.map((r) => r['QUERY PLAN']).join('\n');

describeBackends('records, actions and pages partitioned by province', (store) => {
  let t: ReturnType<typeof testContext>;
  let placed = { bookId: '', recordId: '' };
  let unplaced = { bookId: '', recordId: '' };

  async function keyedBook(unit: string | undefined, volumeNo: string) {
    const book = await createBook(t.ctx, { registerType: 'KS', authority: `UBND ${volumeNo}`, ...(unit ? { authorityUnitId: unit } : {}), yearFrom: 2005, volumeNo });
    const page = { ...fakeIncomingPage(1, volumeNo), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877 };
    const stored = await storeIngestedFile(t.ctx, book.id, {
      name: `${volumeNo}.pdf`,
      sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'),
      kind: 'pdf',
      original: Buffer.from(volumeNo),
      pages: [page],
    });
    const rec = await createRecord(t.ctx, { bookId: book.id, pageIds: [stored.pages[0]!.id], clientTxId: tx() });
    await saveRecord(t.ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: rec.version, values: CLEAN_KS_RECORD });
    return { bookId: book.id, recordId: rec.id };
  }

  beforeAll(async () => {
    t = testContext(store());
    await insertPlanUnits(t.ctx);
    await t.ctx.store.db
      .insertInto('admin_units')
      .values({ id: 'historic:province:THUNGHIEM', scheme: 'historic', level: 'province', code: 'THUNGHIEM', name: 'Tỉnh Thử Nghiệm', kind: 'Tỉnh', parent_id: null, source: 'test' })
      .execute();
    await rebuildWithin(t.ctx.store.db);
    placed = await keyedBook(UNITS.a, 'P-1');
    unplaced = await keyedBook(undefined, 'P-2');
  }, 60_000);
  afterAll(() => t.dispose());

  it("places a book by its authority's province and keeps its rows in that province's partitions", async () => {
    const books = await t.ctx.store.db.selectFrom('books').select(['id', 'province_code']).where('id', 'in', [placed.bookId, unplaced.bookId]).execute();
    expect(Object.fromEntries(books.map((b) => [b.id, b.province_code]))).toEqual({ [placed.bookId]: '93', [unplaced.bookId]: '00' });
    expect(await partitionOf(store(), 'records', sql`book_id = ${placed.bookId}`)).toEqual(['records_p93']);
    expect(await partitionOf(store(), 'record_actions', sql`record_id = ${placed.recordId}`)).toEqual(['record_actions_p93']);
    expect(await partitionOf(store(), 'pages', sql`book_id = ${placed.bookId}`)).toEqual(['pages_p93']);
    expect(await partitionOf(store(), 'records', sql`book_id = ${unplaced.bookId}`)).toEqual(['records_default']);
    expect(await partitionOf(store(), 'record_actions', sql`record_id = ${unplaced.recordId}`)).toEqual(['record_actions_default']);
    expect(await partitionOf(store(), 'pages', sql`book_id = ${unplaced.bookId}`)).toEqual(['pages_default']);
  });

  it('places a book of a historic province that the list does not link to a coded one in the default partition', async () => {
    const book = await createBook(t.ctx, { registerType: 'KS', authority: 'UBND tỉnh Thử Nghiệm', authorityUnitId: 'historic:province:THUNGHIEM', yearFrom: 1980, volumeNo: 'P-3' });
    const row = await t.ctx.store.db.selectFrom('books').select('province_code').where('id', '=', book.id).executeTakeFirstOrThrow();
    expect(row.province_code).toBe('00');
  });

  it("refuses a row that names another province than its book's", async () => {
    const wrong = t.ctx.store.db.insertInto('records').values({ book_id: placed.bookId, province_code: '00', register_type: 'KS', template_version: 'KS-70', values: {}, page_ids: '[]' }).execute();
    await expect(wrong).rejects.toThrow(/foreign key/);
    const action = t.ctx.store.db.insertInto('record_actions').values({ record_id: placed.recordId, province_code: '00', client_tx_id: tx(), kind: 'keyed', payload: '{}' }).execute();
    await expect(action).rejects.toThrow(/foreign key/);
  });

  it("copies the record's province into what references it, and refuses a reference to no record", async () => {
    const people = await t.ctx.store.db
      .selectFrom('person_index')
      .select(sql<string>`record_province`.as('p'))
      .where('record_id', '=', placed.recordId)
      .execute();
    expect(people.length).toBeGreaterThan(0);
    expect(new Set(people.map((p) => p.p))).toEqual(new Set(['93']));
    await expect(t.ctx.store.db.insertInto('link_dirty').values({ record_id: randomUUID() }).execute()).rejects.toThrow(/foreign key/);
  });

  it('reads a record by id and province from one partition; by id alone, one index probe per partition', async () => {
    const one = await plan(store(), sql`select * from records where id = ${placed.recordId} and province_code = '93'`);
    expect(one).toMatch(/Index Scan using records_p93_pkey on records_p93/);
    expect(one).not.toMatch(/records_default/);
    const all = await plan(store(), sql`select * from records where id = ${placed.recordId}`);
    expect(all).toMatch(/records_p93_pkey/);
    expect(all).toMatch(/records_default_pkey/);
    expect(all).not.toMatch(/Seq Scan/);
  });

  it("reads a book's registrations and a record's actions from one partition when the province is named", async () => {
    const book = await plan(store(), sql`select id from records where book_id = ${placed.bookId} and province_code = '93' and keying_of is null order by so_sort, created_at, id limit 100`);
    expect(book).toMatch(/on records_p93/);
    expect(book).not.toMatch(/records_default|Seq Scan/);
    const actions = await plan(store(), sql`select * from record_actions where record_id = ${placed.recordId} and province_code = '93' order by id`);
    expect(actions).toMatch(/on record_actions_p93/);
    expect(actions).not.toMatch(/record_actions_default|Seq Scan/);
  });

  it("a writer that names the province with provinceOfBook lands in the book's partition", async () => {
    const row = await t.ctx.store.db
      .insertInto('pages')
      .values({ book_id: placed.bookId, province_code: provinceOfBook(placed.bookId), seq: 99, flags: '[]' })
      .returning(sql<string>`tableoid::regclass::text`.as('p'))
      .executeTakeFirstOrThrow();
    expect(row.p).toBe('pages_p93');
  });
});

/** A database at 0031 with rows, for the migration (each backend unmigrated, fresh). */
async function openUnmigrated(backend: (typeof BACKENDS)[number]): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (backend === 'pglite') {
    const s = await openStore({});
    return { store: s, dispose: () => s.close() };
  }
  const url = inject('postgresUrl');
  const schema = `hotich_t_${randomUUID().slice(0, 12).replaceAll('-', '')}`;
  const s = await openStore({ databaseUrl: url, pgSchema: schema });
  return {
    store: s,
    dispose: async () => {
      await s.close();
      await dropPgSchema(url, schema);
    },
  };
}

for (const backend of BACKENDS) {
  const skip = backend === 'postgresql' && inject('postgresProblem') !== '';
  (skip ? describe.skip : describe)(`migration 0032 on a database with rows [${backend}]`, () => {
    it('moves every row into its partition, fills the references, and the chains still verify', async () => {
      const { store: s, dispose } = await openUnmigrated(backend);
      try {
        const db = s.db;
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.id < '0032'),
        );
        const t = testContext(s);
        await insertPlanUnits(t.ctx);
        // Rows as the schema before 0032 takes them (no province_code anywhere).
        const book = async (unit: string | null, volume: string) =>
          (
            await sql<{ id: string }>`insert into books (register_type, template_version, authority_text, authority_unit_code, year_from, volume_no)
              values ('KS', 'KS-70', ${'UBND ' + volume}, ${unit}, 2001, ${volume}) returning id`.execute(db)
          ).rows[0]!.id;
        const inProvince = await book(UNITS.a, 'M-1');
        const nowhere = await book(null, 'M-2');
        const rows: { book: string; record: string }[] = [];
        for (const [i, b] of [inProvince, inProvince, nowhere].entries()) {
          const r = (await sql<{ id: string }>`insert into records (book_id, register_type, template_version, values, page_ids) values (${b}, 'KS', 'KS-70', '{}', '[]') returning id`.execute(db))
            .rows[0]!.id;
          await sql`insert into record_actions (record_id, client_tx_id, kind, payload) values (${r}, ${`tx-m0032-${backend}-${i}`}, 'created', '{}')`.execute(db);
          await sql`insert into pages (book_id, seq, flags) values (${b}, ${i + 1}, '[]')`.execute(db);
          await sql`insert into link_dirty (record_id) values (${r})`.execute(db);
          rows.push({ book: b, record: r });
        }
        const before = await verifyAuditChains(db);
        // Every foreign key the three tables had (column → table) is still there, the province added where the target is partitioned or books.
        const foreignKeys = async () =>
          (
            await sql<{ fk: string }>`select c.conrelid::regclass::text || '(' || a.attname || ') -> ' || c.confrelid::regclass::text as fk
              from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
              where c.contype = 'f' and c.conrelid in ('records'::regclass, 'record_actions'::regclass, 'pages'::regclass) and c.conparentid = 0
              order by 1`.execute(db)
          ).rows.map((r) => r.fk);
        const keysBefore = await foreignKeys();
        await migrate(db);
        expect(await foreignKeys()).toEqual(keysBefore);
        const placed = await sql<{ id: string; province_code: string }>`select id, province_code from books order by volume_no`.execute(db);
        expect(placed.rows.map((r) => r.province_code)).toEqual(['93', '00']);
        const where = (table: string) => sql<{ p: string; n: string }>`select tableoid::regclass::text as p, count(*) as n from ${sql.table(table)} group by 1 order by 1`.execute(db);
        for (const table of ['records', 'record_actions', 'pages']) {
          expect((await where(table)).rows.map((r) => [r.p, Number(r.n)])).toEqual([
            [`${table}_default`, 1],
            [`${table}_p93`, 2],
          ]);
        }
        const dirty = await sql<{ record_id: string; record_province: string }>`select record_id, record_province from link_dirty`.execute(db);
        expect(Object.fromEntries(dirty.rows.map((r) => [r.record_id, r.record_province]))).toEqual(Object.fromEntries(rows.map((r) => [r.record, r.book === inProvince ? '93' : '00'])));
        const after = await verifyAuditChains(db);
        expect(after.chains.map((c) => [c.chainId, c.ok, c.rows])).toEqual(before.chains.map((c) => [c.chainId, c.ok, c.rows]));
        expect(after.chains.every((c) => c.ok)).toBe(true);
        // New rows after the migration: the next action of a moved record chains on.
        await sql`insert into record_actions (record_id, province_code, client_tx_id, kind, payload) values (${rows[0]!.record}, '93', ${`tx-m0032-${backend}-next`}, 'keyed', '{}')`.execute(db);
        expect((await verifyAuditChains(db)).chains.every((c) => c.ok)).toBe(true);
        t.dispose();
      } finally {
        await dispose();
      }
    }, 120_000);
  });
}
