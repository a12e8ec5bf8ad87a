/**
 * streamBookRecords on both backends: registrations only (keying passes
 * left out), số in numeric order ("01/2018" counts as 1, no số last), ties
 * by creation then id, across keyset pages of any size without a row lost
 * or repeated.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import type { ActorContext } from '../auth/index.js';
import { streamBookRecords } from './index.js';
import { provinceOfBook } from '../store/index.js';

describeBackends('streamBookRecords', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  const numbers = ['10', '2', '', '01/2018', '2', '100', ' 3', 'x7', '9'];

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const db = ctx.store.db;
    bookId = (await db.insertInto('books').values({ register_type: 'KS', template_version: 'KS-70', authority_text: 'UBND xã Thử', year_from: 2001 }).returning('id').executeTakeFirstOrThrow()).id;
    let first = '';
    for (const [i, so] of numbers.entries()) {
      const values = JSON.stringify(so === '' ? {} : { so });
      const created_at = new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + i).toISOString().replace('Z', `${String(i).padStart(3, '0')}Z`);
      const row = await db
        .insertInto('records')
        .values({ book_id: bookId, province_code: provinceOfBook(bookId), register_type: 'KS', template_version: 'KS-70', values, page_ids: '[]', created_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      first ||= row.id;
    }
    await db
      .insertInto('records')
      .values({
        book_id: bookId,
        province_code: provinceOfBook(bookId),
        register_type: 'KS',
        template_version: 'KS-70',
        values: JSON.stringify({ so: '1' }),
        page_ids: '[]',
        keying_of: first,
        keying_pass: 'B',
      })
      .execute();
  });
  afterAll(() => dispose());

  const collect = async (pageSize: number) => {
    const out: { so: string | undefined; id: string }[] = [];
    for await (const r of streamBookRecords(ctx.store.db, ctx.actor, bookId, { pageSize })) out.push({ so: r.values.so, id: r.id });
    return out;
  };

  it('yields the registrations in số order, keying passes left out', async () => {
    const all = await collect(500);
    expect(all.map((r) => r.so)).toEqual(['01/2018', '2', '2', ' 3', '9', '10', '100', undefined, 'x7']);
  });

  it.each([1, 2, 3, 4])('gives the same rows with pages of %i', async (size) => {
    expect(await collect(size)).toEqual(await collect(500));
  });
});
