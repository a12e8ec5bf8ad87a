import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChains } from '../audit/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext, type TestContext } from '../../test/support/context.js';
import { confirmLoads } from './index.js';

const BOOKS = 16;
const ROUNDS = 3;

describeBackends('confirmLoads across books', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  beforeAll(() => {
    ({ ctx, dispose } = testContext(store()));
  });
  afterAll(() => dispose());

  async function newBooks(n: number): Promise<string[]> {
    const rows = await ctx.store.db
      .insertInto('books')
      .values(
        Array.from({ length: n }, (_, i) => ({
          register_type: 'KS',
          template_version: 'KS-70',
          authority_text: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
          year_from: 2008,
          volume_no: `${i + 1}/2008`,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** A deadlock would be retried (store transactRetrying) and logged: the test asks for none, so the lock order is what it checks. */
  const retries: string[] = [];
  const confirm = (bookIds: readonly string[], batchRef: string) =>
    confirmLoads({ ...ctx, log: { ...ctx.log, warn: (msg) => retries.push(msg) } }, { loads: bookIds.map((bookId) => ({ bookId, loadedOn: '2026-11-20', batchRef })), source: 'typed' });

  // Each batch writes to the audit chain of every book it names. Without the chains locked in one order first,
  // on PostgreSQL the two batches (books in opposite orders, run at once) would each hold the chains of one end
  // and wait for the other's: a deadlock, and one of them aborted (40P01). PGlite runs them one after the other.
  it('two batches naming the same books in opposite orders, at once, both commit and every book chain stays whole', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const books = await newBooks(BOOKS);
      const outcomes = await Promise.allSettled([confirm(books, `LÔ-${round}-A`), confirm([...books].reverse(), `LÔ-${round}-B`)]);
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.confirmed : String(o.reason)))).toEqual([BOOKS, BOOKS]);
      const loaded = await ctx.store.db.selectFrom('entity_actions').select('book_id').where('kind', '=', 'loaded').where('book_id', 'in', books).execute();
      expect(loaded).toHaveLength(2 * BOOKS);
    }
    expect(retries).toEqual([]);
    const report = await verifyAuditChains(ctx.store.db);
    expect(report.chains.filter((c) => !c.ok).map((c) => c.problem)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
