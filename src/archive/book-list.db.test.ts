/**
 * The book list at campaign scale, on both backends: keyset pages that never
 * repeat or skip a book, and the filters (unit at any level including the
 * old communes merged into a 2025 commune, register type, year, status,
 * folded words) combined with the caller's scope.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { as, insertUsers } from '../../test/support/users.js';
import type { ActorContext } from '../auth/index.js';
import { importBatches, type UnitRecord } from '../units/index.js';
import { createBook, listBooks, type BookView } from './index.js';

const u = (scheme: UnitRecord['scheme'], level: UnitRecord['level'], code: string, name: string, kind: UnitRecord['kind'], parentCode?: string): UnitRecord => ({
  scheme,
  level,
  code,
  name,
  kind,
  ...(parentCode ? { parentCode } : {}),
});

describeBackends('book list: paging and filters', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await importBatches(
      store().db,
      [
        {
          format: 'test',
          source: 'test',
          warnings: [],
          aliases: [],
          units: [
            u('legacy', 'province', '68', 'Tỉnh Lâm Đồng', 'tinh'),
            u('legacy', 'district', '682', 'Huyện Đạ Tẻh', 'huyen', '68'),
            u('legacy', 'commune', '25000', 'Xã An Nhơn', 'xa', '682'),
            u('legacy', 'commune', '25003', 'Xã Đạ Lây', 'xa', '682'),
            u('legacy', 'district', '683', 'Huyện Cát Tiên', 'huyen', '68'),
            u('legacy', 'commune', '25100', 'Xã Quảng Ngãi', 'xa', '683'),
            u('y2025', 'province', '68', 'Tỉnh Lâm Đồng', 'tinh'),
            u('y2025', 'commune', '24985', 'Xã Đạ Tẻh', 'xa', '68'),
          ],
          successors: [{ from: { scheme: 'legacy', level: 'commune', code: '25000' }, to: { scheme: 'y2025', level: 'commune', code: '24985' }, main: true }],
        },
      ],
      'test-book-list',
    );
    const add = async (key: string, registerType: string, unit: string, yearFrom: number, extra: Record<string, unknown> = {}) => {
      ids[key] = (await createBook(ctx, { registerType, authority: `UBND ${key}`, authorityUnitId: unit, yearFrom, ...extra })).id;
    };
    await add('xã An Nhơn KS 2008', 'KS', 'legacy:commune:25000', 2008, { volumeNo: '02/2008' });
    await add('xã An Nhơn KT 1985', 'KT', 'legacy:commune:25000', 1985, { yearTo: 1990 });
    await add('xã Đạ Lây KS 2008', 'KS', 'legacy:commune:25003', 2008);
    await add('xã Quảng Ngãi KH 2001', 'KH', 'legacy:commune:25100', 2001, { notes: 'Bìa rách, Tủ số 3' });
    await add('xã Đạ Tẻh mới KS 2026', 'KS', 'y2025:commune:24985', 2026);
    for (let i = 0; i < 7; i++) await add(`xã Quảng Ngãi KS ${1990 + i}`, 'KS', 'legacy:commune:25100', 1990 + i);
    await store().db.updateTable('books').set({ status: 'keying' }).where('id', '=', ids['xã Đạ Lây KS 2008']!).execute();
  });
  afterAll(() => dispose());

  const titles = (items: readonly BookView[]) => items.map((b) => b.authority.replace(/^UBND /, '')).sort();

  it('pages newest first with a cursor, never repeating or skipping a book', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listBooks(ctx, { limit: 5, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(Object.values(ids)));
    const all = (await listBooks(ctx, { limit: 200 })).items.map((b) => b.id);
    expect(seen).toEqual(all);
    expect(all[0]).toBe(ids['xã Quảng Ngãi KS 1996']);
  });

  it('filters by a unit at any level, by its GSO code, and by a 2025 commune with the old communes merged into it', async () => {
    expect(titles((await listBooks(ctx, { unit: 'legacy:district:682' })).items)).toEqual(['xã An Nhơn KS 2008', 'xã An Nhơn KT 1985', 'xã Đạ Lây KS 2008'].sort());
    expect(titles((await listBooks(ctx, { unit: '682' })).items)).toHaveLength(3);
    expect(titles((await listBooks(ctx, { unit: 'y2025:commune:24985' })).items)).toEqual(['xã An Nhơn KS 2008', 'xã An Nhơn KT 1985', 'xã Đạ Tẻh mới KS 2026'].sort());
    expect((await listBooks(ctx, { unit: 'legacy:province:68', limit: 200 })).items).toHaveLength(Object.keys(ids).length - 1);
    await expect(listBooks(ctx, { unit: '68' })).rejects.toThrow(/nhiều đơn vị/);
    await expect(listBooks(ctx, { unit: '99999' })).rejects.toThrow(/Không có đơn vị hành chính/);
  });

  it('filters by register type, a year within the book, status and folded words, all combined', async () => {
    expect(titles((await listBooks(ctx, { type: 'KT' })).items)).toEqual(['xã An Nhơn KT 1985']);
    expect(titles((await listBooks(ctx, { year: 1988 })).items)).toEqual(['xã An Nhơn KT 1985']);
    expect(titles((await listBooks(ctx, { year: '2008', type: 'ks' })).items)).toEqual(['xã An Nhơn KS 2008', 'xã Đạ Lây KS 2008'].sort());
    expect(titles((await listBooks(ctx, { status: 'keying' })).items)).toEqual(['xã Đạ Lây KS 2008']);
    expect((await listBooks(ctx, { status: 'inventoried,keying', limit: 200 })).items).toHaveLength(Object.keys(ids).length);
    expect(titles((await listBooks(ctx, { q: 'da lay' })).items)).toEqual(['xã Đạ Lây KS 2008']);
    expect(titles((await listBooks(ctx, { q: 'AN NHƠN 02/2008' })).items)).toEqual(['xã An Nhơn KS 2008']);
    expect(titles((await listBooks(ctx, { q: 'tu so 3' })).items)).toEqual(['xã Quảng Ngãi KH 2001']);
    expect(titles((await listBooks(ctx, { q: 'nhon', type: 'KT' })).items)).toEqual(['xã An Nhơn KT 1985']);
    expect((await listBooks(ctx, { q: 'hon' })).items).toHaveLength(0); // words match from their start only
  });

  it('keeps to the scope: a keyer of one district sees only its books, whatever the filter', async () => {
    const [keyer] = await insertUsers(ctx, [{ login: 'list-keyer', role: 'keyer' }], [{ kind: 'unit', unitId: 'legacy:district:683' }]);
    const kctx = await as(ctx, keyer!);
    expect((await listBooks(kctx, { limit: 200 })).items).toHaveLength(8);
    expect((await listBooks(kctx, { unit: 'legacy:district:682' })).items).toHaveLength(0);
    expect(titles((await listBooks(kctx, { type: 'KH' })).items)).toEqual(['xã Quảng Ngãi KH 2001']);
  });

  it('refuses a bad filter with a Vietnamese message', async () => {
    await expect(listBooks(ctx, { limit: 0 })).rejects.toThrow(/từ 1 đến 200/);
    await expect(listBooks(ctx, { cursor: 'x' })).rejects.toThrow(/Con trỏ trang/);
    await expect(listBooks(ctx, { type: 'XX' })).rejects.toThrow(/Loại sổ "XX"/);
  });
});
