/**
 * The audit hash chains on both backends, with actions written through the
 * real services (a keyed book, entity actions, reads): an intact chain
 * verifies; each tampering done directly in SQL (the append-only triggers
 * switched off with session_replication_role = replica, as a database
 * superuser could) is found and the row named: an edited payload, a deleted
 * row, two rows re-ordered, a deleted last row, a row rewritten with a fresh
 * hash, a row slipped in outside the chain, a consistent truncation caught by
 * a checkpoint and by a published head. Each tampering happens in a
 * transaction that is rolled back, so every test starts from the intact chain.
 * Since 0028 a book's rows are in its own chain ('actions:<book>',
 * 'access:<book>'), rows of no book in 'actions' / 'access': a save holds the
 * lock of its book's chain only, so writers of two books do not wait for
 * each other; rows chained before 0028 keep their chain, place and hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { exportReadyBook, keyCompleted, scannedBook } from '../../test/support/export-book.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import type { TestContext as ActorContext } from '../../test/support/context.js';
import { type Database, migrate, MIGRATIONS, openStore, provinceOfRecord } from '../store/index.js';
import { appendEntityAction, listAuditHeads, logAccess, parseHeadLine, takeCheckpoint, verifyAuditChains, type ChainReport, type VerifyReport } from './index.js';

class Rollback extends Error {}

/** Runs `tamper` as a superuser would (triggers off), verifies inside the same transaction, then rolls everything back. */
async function verifyAfter(ctx: ActorContext, tamper: (tx: Transaction<Database>) => Promise<unknown>, opts: Parameters<typeof verifyAuditChains>[1] = {}): Promise<VerifyReport> {
  let report: VerifyReport | undefined;
  await ctx.store.db
    .transaction()
    .execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await tamper(tx);
      await sql`set local session_replication_role = origin`.execute(tx);
      report = await verifyAuditChains(tx, { batchSize: 3, ...opts });
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return report!;
}

const chain = (r: VerifyReport, id: string): ChainReport => r.chains.find((c) => c.chainId === id)!;

interface Row {
  tbl: string;
  id: string;
  chain_seq: string;
}

/** The rows of one write chain, in chain order. */
async function actionRows(ctx: ActorContext, chainId: string): Promise<Row[]> {
  const r = await sql<Row>`select * from (select 'record_actions' as tbl, id, chain_seq from record_actions where chain_id = ${chainId}
    union all select 'entity_actions', id, chain_seq from entity_actions where chain_id = ${chainId}) x order by chain_seq`.execute(ctx.store.db);
  return r.rows;
}

/** The advisory locks of the audit chains this session holds (0012: key 727002, hashtext(chain)). */
async function chainLocks(tx: Transaction<Database>, chains: string[]): Promise<string[]> {
  const held = await sql<{ objid: string }>`select objid::text as objid from pg_locks where locktype = 'advisory' and classid = 727002 and pid = pg_backend_pid() and granted`.execute(tx);
  const keys = await sql<{ c: string; k: string }>`select c, (hashtext(c)::bigint & 4294967295)::text as k from unnest(${chains}::text[]) c`.execute(tx);
  const have = new Set(held.rows.map((r) => r.objid));
  return keys.rows.filter((r) => have.has(r.k)).map((r) => r.c);
}

describeBackends('audit hash chains', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let rows: Row[] = [];
  let bookId = '';
  let bookChain = '';
  const recordRow = (i: number) => rows.filter((r) => r.tbl === 'record_actions')[i]!;

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const ready = await exportReadyBook(ctx);
    bookId = ready.bookId;
    bookChain = `actions:${bookId}`;
    const records = ready.records;
    await appendEntityAction(ctx.store.db, { entityType: 'book', entityId: bookId, bookId, kind: 'status', actorId: null, payload: { to: 'keyed' } });
    for (const id of Object.values(records)) await logAccess(ctx.store.db, { actorId: null, action: 'record.view', entityType: 'record', entityId: id, bookId, ip: '10.0.0.7' });
    await appendEntityAction(ctx.store.db, { entityType: 'export', entityId: 'e1', bookId, kind: 'signed', actorId: null, reason: 'đã kiểm tra' });
    rows = await actionRows(ctx, bookChain);
  }, 60_000);
  afterAll(() => dispose());

  it("chains every write and read of a book in order in the book's chains, and an intact chain verifies", async () => {
    expect(rows.map((r) => r.chain_seq)).toEqual(rows.map((_, i) => String(i + 1)));
    expect(rows.filter((r) => r.tbl === 'record_actions').length).toBeGreaterThanOrEqual(9);
    const all = await sql<{ n: string }>`select (select count(*) from record_actions) + (select count(*) from entity_actions where book_id = ${bookId}::uuid) as n`.execute(ctx.store.db);
    expect(rows.length).toBe(Number(all.rows[0]!.n));
    const report = await verifyAuditChains(ctx.store.db, { batchSize: 4 });
    expect(report.ok).toBe(true);
    expect(report.chains.map((c) => c.chainId)).toEqual(['actions', bookChain, 'access', `access:${bookId}`]);
    expect(chain(report, bookChain).rows).toBe(rows.length);
    expect(chain(report, bookChain).label).toContain(`quyển sổ ${bookId}`);
    expect(chain(report, `access:${bookId}`).rows).toBe(3);
    expect(chain(report, 'access').rows).toBe(0);
    const heads = await listAuditHeads(ctx.store.db);
    expect(heads.find((h) => h.chainId === bookChain)).toMatchObject({ seq: String(rows.length), rowTable: 'entity_actions', rowId: rows.at(-1)!.id });
  });

  it("a write holds the lock of its book's chain only", async () => {
    const { bookId: other, pageIds } = await scannedBook(ctx, { year: 2011, pages: 1 });
    const recordOfOther = await keyCompleted(ctx, other, pageIds, { ...CLEAN_KS_RECORD, so: '5' });
    const chains = ['actions', 'access', bookChain, `actions:${other}`];
    let locks: string[] = [];
    await ctx.store.db
      .transaction()
      .execute(async (tx) => {
        await tx
          .insertInto('record_actions')
          .values({ record_id: recordOfOther, province_code: provinceOfRecord(recordOfOther), client_tx_id: 'tx-audit-lock-1', kind: 'keyed', actor_id: null, payload: '{}' })
          .execute();
        locks = await chainLocks(tx, chains);
        if (ctx.store.backend === 'postgresql') {
          // Another connection writes to the first book and commits while this transaction still holds its lock.
          await appendEntityAction(ctx.store.db, { entityType: 'book', entityId: bookId, bookId, kind: 'note', actorId: null, clientTxId: 'tx-audit-lock-2' });
        }
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(locks).toEqual([`actions:${other}`]);
    expect((await verifyAuditChains(ctx.store.db)).ok).toBe(true);
    rows = await actionRows(ctx, bookChain);
  });

  it('a replayed write (same client transaction id) leaves no gap', async () => {
    const base = await actionRows(ctx, 'actions');
    const again = await appendEntityAction(ctx.store.db, { entityType: 'export', entityId: 'e2', kind: 'signed', actorId: null, clientTxId: 'tx-audit-replay-1' });
    const replay = await appendEntityAction(ctx.store.db, { entityType: 'export', entityId: 'e2', kind: 'signed', actorId: null, clientTxId: 'tx-audit-replay-1' });
    expect(again).toMatchObject({ chain_id: 'actions', chain_seq: String(base.length + 1) });
    expect(replay).toBeUndefined();
    expect((await verifyAuditChains(ctx.store.db)).ok).toBe(true);
  });

  it('names a record action whose payload was edited', async () => {
    const target = recordRow(3);
    const r = await verifyAfter(ctx, (tx) => sql`update record_actions set payload = '{"values": {"nksHoTen": "Người Khác"}}' where id = ${target.id}`.execute(tx));
    expect(r.ok).toBe(false);
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'hash_mismatch', table: 'record_actions', id: target.id, seq: target.chain_seq });
    expect(chain(r, bookChain).problem!.message).toBe(
      `Chuỗi "${bookChain}": dòng record_actions #${target.id} (số thứ tự ${target.chain_seq}) đã bị sửa trực tiếp trong cơ sở dữ liệu: nội dung không còn khớp với mã băm đã ghi.`,
    );
    expect(chain(r, `access:${bookId}`).ok).toBe(true);
    expect(chain(r, 'actions').ok).toBe(true);
  });

  it('names the place of a deleted row and its neighbours', async () => {
    const target = recordRow(4);
    const seq = Number(target.chain_seq);
    const r = await verifyAfter(ctx, (tx) => sql`delete from record_actions where id = ${target.id}`.execute(tx));
    const before = rows[seq - 2]!;
    const after = rows[seq]!;
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'gap', table: after.tbl, id: after.id, seq: after.chain_seq });
    expect(chain(r, bookChain).problem!.message).toContain(`thiếu số thứ tự ${seq} giữa dòng ${before.tbl} #${before.id} (số thứ tự ${before.chain_seq}) và dòng ${after.tbl} #${after.id}`);
  });

  it('names the first of two rows whose places were swapped', async () => {
    const [a, b] = [recordRow(2), recordRow(5)];
    const r = await verifyAfter(ctx, async (tx) => {
      await sql`update record_actions set chain_seq = -1 where id = ${a.id}`.execute(tx);
      await sql`update record_actions set chain_seq = ${a.chain_seq}::bigint where id = ${b.id}`.execute(tx);
      await sql`update record_actions set chain_seq = ${b.chain_seq}::bigint where id = ${a.id}`.execute(tx);
    });
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'prev_mismatch', table: 'record_actions', id: b.id, seq: a.chain_seq });
    expect(chain(r, bookChain).problem!.message).toContain('thứ tự các dòng đã bị đổi');
  });

  it('names two rows whose contents were swapped', async () => {
    const [a, b] = [recordRow(1), recordRow(6)];
    const r = await verifyAfter(ctx, (tx) =>
      sql`update record_actions x set payload = y.payload, kind = y.kind from record_actions y
          where (x.id, y.id) in ((${a.id}::bigint, ${b.id}::bigint), (${b.id}::bigint, ${a.id}::bigint))`.execute(tx),
    );
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'hash_mismatch', id: a.id, seq: a.chain_seq });
  });

  it('names the deleted last row from the head', async () => {
    const last = rows.at(-1)!;
    const r = await verifyAfter(ctx, (tx) => sql`delete from ${sql.table(last.tbl)} where id = ${last.id}`.execute(tx));
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'tail_missing', table: last.tbl, id: last.id, seq: last.chain_seq });
    expect(chain(r, bookChain).problem!.message).toContain(`đầu chuỗi ghi dòng cuối (dòng ${last.tbl} #${last.id} (số thứ tự ${last.chain_seq}))`);
  });

  it('a deleted last row stays visible after new writes are chained', async () => {
    const last = rows.at(-1)!;
    const r = await verifyAfter(ctx, async (tx) => {
      await sql`delete from ${sql.table(last.tbl)} where id = ${last.id}`.execute(tx);
      await sql`set local session_replication_role = origin`.execute(tx);
      await appendEntityAction(tx, { entityType: 'book', entityId: bookId, bookId, kind: 'note', actorId: null });
    });
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'gap', seq: String(Number(last.chain_seq) + 1) });
    expect(chain(r, bookChain).problem!.message).toContain(`thiếu số thứ tự ${last.chain_seq} giữa`);
  });

  it('a row edited together with its hash is caught at the next row', async () => {
    const target = recordRow(2);
    const next = rows[Number(target.chain_seq)]!;
    const r = await verifyAfter(ctx, async (tx) => {
      await sql`update record_actions set kind = 'corrected' where id = ${target.id}`.execute(tx);
      await sql`update record_actions t set hash = audit_row_hash(prev_hash, audit_content(t)) where id = ${target.id}`.execute(tx);
    });
    expect(chain(r, bookChain).problem).toMatchObject({ kind: 'prev_mismatch', table: next.tbl, id: next.id });
  });

  it('finds a row slipped in with the triggers off', async () => {
    const r = await verifyAfter(ctx, (tx) =>
      sql`insert into entity_actions (entity_type, entity_id, kind, chain_id, chain_seq, prev_hash, hash) values ('book', 'x', 'created', 'other', 1, ${'0'.repeat(64)}, ${'0'.repeat(64)})`.execute(
        tx,
      ),
    );
    expect(chain(r, 'actions').problem).toMatchObject({ kind: 'outside_chain', table: 'entity_actions' });
    expect(chain(r, bookChain).ok).toBe(true);
  });

  it('names an edited access-log row in the access chain', async () => {
    const r = await verifyAfter(ctx, (tx) => sql`update access_log set ip = '192.168.1.1' where chain_id = ${`access:${bookId}`} and chain_seq = 2`.execute(tx));
    expect(chain(r, bookChain).ok).toBe(true);
    expect(chain(r, `access:${bookId}`).problem).toMatchObject({ kind: 'hash_mismatch', table: 'access_log', seq: '2' });
  });

  it('chains many rows of one transaction and concurrent writers without gaps, moving the head at commit', async () => {
    const before = (await listAuditHeads(ctx.store.db)).find((h) => h.chainId === 'actions')!;
    await ctx.store.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('entity_actions')
        .values(Array.from({ length: 30 }, (_, i) => ({ entity_type: 'page', entity_id: `bulk-${i}`, kind: 'created', actor_id: null, payload: '{}' })))
        .execute();
      for (let i = 0; i < 5; i++) await appendEntityAction(tx, { entityType: 'page', entityId: `one-${i}`, kind: 'created', actorId: null });
      const inside = (await listAuditHeads(tx)).find((h) => h.chainId === 'actions')!;
      expect(inside.seq).toBe(before.seq);
    });
    const writer = (w: number) =>
      ctx.store.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 5; i++) await appendEntityAction(tx, { entityType: 'page', entityId: `w${w}-${i}`, kind: 'created', actorId: null });
      });
    await Promise.all([1, 2, 3, 4].map(writer));
    const report = await verifyAuditChains(ctx.store.db);
    expect(report.ok).toBe(true);
    const after = (await listAuditHeads(ctx.store.db)).find((h) => h.chainId === 'actions')!;
    expect(Number(after.seq)).toBe(Number(before.seq) + 55);
    expect(chain(report, 'actions').rows).toBe(Number(after.seq));
  });

  it('a consistent truncation (last row and head rolled back together) is caught by the checkpoint and by a published head', async () => {
    const heads = await listAuditHeads(ctx.store.db);
    const published = heads.find((h) => h.chainId === bookChain)!;
    const last = rows.at(-1)!;
    const prev = rows.at(-2)!;
    const truncate = async (tx: Transaction<Database>) => {
      await sql`delete from ${sql.table(last.tbl)} where id = ${last.id}`.execute(tx);
      await sql`update audit_heads h set seq = t.chain_seq, hash = t.hash, row_table = ${prev.tbl}, row_id = t.id from ${sql.table(prev.tbl)} t where t.id = ${prev.id} and h.chain_id = ${bookChain}`.execute(
        tx,
      );
    };
    expect((await verifyAfter(ctx, truncate)).ok).toBe(true);
    const withHead = await verifyAfter(ctx, truncate, { anchors: [parseHeadLine(`${bookChain}:${published.seq}:${published.hash}`)] });
    expect(chain(withHead, bookChain).problem).toMatchObject({ kind: 'anchor_mismatch' });
    expect(chain(withHead, bookChain).problem!.message).toContain(
      `đầu chuỗi đã công bố (số thứ tự ${published.seq}) ghi số thứ tự ${published.seq} nhưng chuỗi chỉ còn đến số thứ tự ${prev.chain_seq}`,
    );
    const day = await takeCheckpoint(ctx.store.db, new Date('2026-11-25T20:00:00Z'));
    expect(day.map((c) => [c.chainId, c.day, c.seq])).toEqual(heads.map((h) => [h.chainId, '2026-11-26', h.seq]));
    expect(day.find((c) => c.chainId === bookChain)?.seq).toBe(published.seq);
    const withCheckpoint = await verifyAfter(ctx, truncate);
    expect(chain(withCheckpoint, bookChain).problem!.message).toContain('điểm mốc ngày 2026-11-26');
    // The next day: the base chains again, and of the books' chains only those that moved since.
    await appendEntityAction(ctx.store.db, { entityType: 'book', entityId: bookId, bookId, kind: 'note', actorId: null });
    const next = await takeCheckpoint(ctx.store.db, new Date('2026-11-26T20:00:00Z'));
    expect(next.map((c) => c.chainId)).toEqual(['access', 'actions', bookChain]);
    expect(next.at(-1)?.seq).toBe(String(Number(published.seq) + 1));
  });
});

describe('chaining the rows written before migrations 0012 and 0028 [pglite]', () => {
  it("chains old rows oldest first; rows chained before 0028 keep their chain, place and hash, and a book's new rows start its own chain", async () => {
    const store = await openStore({});
    const db = store.db;
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.id < '0012'),
      );
      const b = await db.insertInto('books').values({ register_type: 'KS', template_version: 'KS-70', authority_text: 'UBND xã A', year_from: 2000 }).returning('id').executeTakeFirstOrThrow();
      // Before 0032 the tables have no province_code: these rows are written as the schema of then takes them.
      const r = (await sql<{ id: string }>`insert into records (book_id, register_type, template_version, values, page_ids) values (${b.id}, 'KS', 'KS-70', '{}', '[]') returning id`.execute(db))
        .rows[0]!;
      await db
        .insertInto('entity_actions')
        .values({ entity_type: 'book', entity_id: b.id, book_id: b.id, kind: 'created', actor_id: null, payload: '{}', created_at: '2025-01-01T00:00:00Z' })
        .execute();
      await sql`insert into record_actions (record_id, client_tx_id, kind, payload, created_at) values (${r.id}, 'tx-backfill-1', 'created', '{}', '2025-01-02T00:00:00Z')`.execute(db);
      await db.insertInto('access_log').values({ actor_id: null, action: 'record.view', entity_type: 'record', entity_id: r.id }).execute();
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.id < '0028'),
      );
      await sql`insert into record_actions (record_id, client_tx_id, kind, payload) values (${r.id}, 'tx-backfill-2', 'keyed', '{}')`.execute(db);
      const chainedRows = async () =>
        (
          await sql<Row & { chain_id: string; hash: string }>`select * from (select 'entity_actions' as tbl, id, chain_id, chain_seq, hash from entity_actions
            union all select 'record_actions', id, chain_id, chain_seq, hash from record_actions) x order by chain_id, chain_seq`.execute(db)
        ).rows.map((x) => [x.tbl, x.chain_id, x.chain_seq, x.hash]);
      const before0028 = await chainedRows();
      expect(before0028.map((x) => x.slice(0, 3))).toEqual([
        ['entity_actions', 'actions', '1'],
        ['record_actions', 'actions', '2'],
        ['record_actions', 'actions', '3'],
      ]);
      await migrate(db);
      await db
        .insertInto('record_actions')
        .values({ record_id: r.id, province_code: provinceOfRecord(r.id), client_tx_id: 'tx-backfill-3', kind: 'keyed', actor_id: null, payload: '{}' })
        .execute();
      const after = await chainedRows();
      expect(after.slice(0, 3)).toEqual(before0028);
      expect(after.slice(3).map((x) => x.slice(0, 3))).toEqual([['record_actions', `actions:${b.id}`, '1']]);
      const report = await verifyAuditChains(db);
      expect(report.chains.map((c) => [c.chainId, c.ok, c.rows])).toEqual([
        ['actions', true, 3],
        [`actions:${b.id}`, true, 1],
        ['access', true, 1],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
