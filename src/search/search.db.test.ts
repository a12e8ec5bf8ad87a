import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorContext } from '../auth/index.js';
import { saveRecord } from '../entry/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { bookOf, insertSearchUnits, keyed, UNITS } from '../../test/support/search-world.js';
import { signedInApp } from '../../test/support/http.js';
import { as, insertUsers } from '../../test/support/users.js';
import { rebuildPersonIndex } from './person-index.repo.js';
import { searchPeople, type SearchResult } from './search.service.js';

const TARGET = 'Nguyễn Thị Thuý Hoà';

/** Each typed form must find the target registration; `first` when it must be the top hit. */
const VARIANTS: readonly { typed: string; why: string; first: boolean }[] = [
  { typed: 'Nguyễn Thị Thuý Hoà', why: 'as written (new tone placement)', first: true },
  { typed: 'Nguyễn Thị Thúy Hòa', why: 'old tone placement', first: true },
  { typed: 'Nguyễn Thị Thuý Hoà'.normalize('NFD'), why: 'NFD input', first: true },
  { typed: 'nguyen thi thuy hoa', why: 'no diacritics', first: true },
  { typed: 'NGUYỄN THỊ THÚY HÒA', why: 'upper case', first: true },
  { typed: '  Nguyễn   Thị  Thuý\tHoà ', why: 'stray spaces', first: true },
  { typed: 'Nguyen Thi Thuy Hao', why: 'a slip in the given name', first: false },
  { typed: 'Nguyen Thi Thuyy Hoa', why: 'a slip in the middle name', first: false },
  { typed: 'Nguyn Thi Thuy Hoa', why: 'a slip in the family name', first: false },
  { typed: 'Thuý Hoà', why: 'without the family name', first: false },
];

describeBackends('search', (store) => {
  let ctx: ActorContext;
  const ids: Record<string, string> = {};
  const books: Record<string, { bookId: string; pageId: string }> = {};

  beforeAll(async () => {
    ctx = testContext(store()).ctx;
    await insertSearchUnits(ctx);
    books.old = await bookOf(ctx, UNITS.vuHoi, 'UBND xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình', 2018, '01/2018');
    books.new = await bookOf(ctx, UNITS.vuThu2025, 'UBND xã Vũ Thư Mới, tỉnh Hưng Yên Thử', 2025, '01/2025');
    books.other = await bookOf(ctx, UNITS.other, 'UBND xã Song Lãng, huyện Vũ Thư, tỉnh Thái Bình', 2018, '02/2018');
    const ks = (v: Record<string, string | undefined>) => patchValues(CLEAN_KS_RECORD, v) as Record<string, string>;
    ids.target = (await keyed(ctx, books.old!, ks({ so: '1', nksHoTen: TARGET, nksNgaySinh: '03.04.1990', ngayDangKy: '10.04.1990', meHoTen: 'Trần Thị Lan', chaHoTen: 'Nguyễn Văn Bình' }))).id;
    ids.hoa = (await keyed(ctx, books.old!, ks({ so: '2', nksHoTen: 'Nguyễn Thị Hoa', nksNgaySinh: '1991', ngayDangKy: '05.01.1992' }))).id;
    ids.hoaVan = (await keyed(ctx, books.other!, ks({ so: '3', nksHoTen: 'Nguyễn Văn Hòa', nksNgaySinh: '1988', ngayDangKy: '01.02.1988' }))).id;
    ids.khoe = (await keyed(ctx, books.new!, ks({ so: '1', nksHoTen: 'Đặng Văn Khoẻ', nksNgaySinh: '12.08.2025', ngayDangKy: '20.08.2025' }))).id;
    ids.late = (await keyed(ctx, books.new!, ks({ so: '2', nksHoTen: 'Nguyễn Thị Thúy Hòa', nksNgaySinh: '2025', ngayDangKy: '01.09.2025' }))).id;
    ids.other = (await keyed(ctx, books.other!, ks({ so: '4', nksHoTen: 'Lê Văn Tám', nksNgaySinh: '1975', ngayDangKy: '02.03.1975' }))).id;
  });

  const search = (q: string, more: Record<string, string | number> = {}, c = ctx): Promise<SearchResult> => searchPeople(c, { q, ...more });
  const recordIds = (r: SearchResult) => r.hits.map((h) => h.recordId);

  describe('name variants', () => {
    for (const v of VARIANTS) {
      it(`finds the registration typed with ${v.why}: "${v.typed}"`, async () => {
        const r = await search(v.typed, { year: 1990 });
        const at = recordIds(r).indexOf(ids.target!);
        expect(at, JSON.stringify(r.hits.map((h) => [h.name, h.score]))).toBeGreaterThanOrEqual(0);
        if (v.first) expect(at).toBe(0);
        else expect(at).toBeLessThan(5);
        expect(r.hits[at]!.reasons.length).toBeGreaterThan(0);
      });
    }
    it('finds the same name without a year first and ranks exact diacritics above folded', async () => {
      const r = await search('Nguyễn Thị Thuý Hoà');
      expect(recordIds(r).slice(0, 2).sort()).toEqual([ids.target, ids.late].sort());
      expect(r.hits[0]!.reasons[0]).toBe('Trùng họ tên, đúng cả dấu');
      const folded = await search('nguyen thi thuy hoa');
      expect(folded.hits[0]!.reasons[0]).toMatch(/khi bỏ dấu/);
    });
    it('folds Đ/D and khoẻ/khỏe', async () => {
      for (const typed of ['Dang Van Khoe', 'Đặng Văn Khỏe', 'ĐẶNG VĂN KHOẺ']) expect(recordIds(await search(typed))[0], typed).toBe(ids.khoe);
    });
    it('finds nothing for unrelated names', async () => {
      for (const typed of ['Hoàng Minh Tuấn', 'Phạm Quốc Bảo', 'Vương Đình Huệ']) expect((await search(typed)).hits, typed).toEqual([]);
    });
    it('finds parents by their own names, with their role', async () => {
      const r = await search('tran thi lan');
      expect(r.hits[0]).toMatchObject({ recordId: ids.target, role: 'me', roleLabel: 'mẹ', name: 'Trần Thị Lan' });
    });
    it('narrows by year or dates of birth or registration', async () => {
      expect(recordIds(await search('nguyen thi thuy hoa', { year: 2025 }))).toEqual([ids.late]);
      expect(recordIds(await search('nguyen thi thuy hoa', { from: '01.1990', to: '30.04.1990' }))).toEqual([ids.target]);
      expect((await search('nguyen thi thuy hoa', { year: 1970 })).hits).toEqual([]);
    });
  });

  describe('unit filter', () => {
    it('finds the books of an old commune named as written, before and after 2025', async () => {
      const r = await search('Nguyen Thi Thuy Hoa', { unit: 'UBND xã Vũ Hội, huyện Vũ Thư' });
      expect(r.unit?.id).toBe(UNITS.vuHoi);
      expect(recordIds(r).slice(0, 2).sort()).toEqual([ids.target, ids.late].sort());
      expect(new Set(r.hits.map((h) => h.bookId))).toEqual(new Set([books.old!.bookId, books.new!.bookId]));
      expect(r.hits[0]!.reasons.join(' ')).toMatch(/Vũ Hội/);
    });
    it('the 2025 commune includes the old communes merged into it; a district its communes; others are left out', async () => {
      const merged = await search('nguyen thi thuy hoa', { unit: UNITS.vuThu2025 });
      expect(recordIds(merged).slice(0, 2).sort()).toEqual([ids.target, ids.late].sort());
      expect(recordIds(merged)).not.toContain(ids.hoaVan);
      expect(recordIds(await search('nguyen van hoa', { unit: '345' }))).toContain(ids.hoaVan);
      expect(recordIds(await search('nguyen van hoa', { unit: UNITS.vuHoi }))).not.toContain(ids.hoaVan);
    });
    it('uses trigram similarity within a filter when the keys find nothing, and not without a filter', async () => {
      expect((await search('Ngyuen Thi Thuy Hao')).hits).toEqual([]);
      const r = await search('Ngyuen Thi Thuy Hao', { unit: UNITS.vuHoi, year: 1990 });
      expect(r.fallback).toBe(true);
      expect(recordIds(r)[0]).toBe(ids.target);
    });
    it('refuses an unknown place', async () => {
      await expect(search('nguyen', { unit: 'UBND xã Không Có, huyện Không Có' })).rejects.toMatchObject({ code: 'search.unit_unknown' });
    });
  });

  describe('scope and access log', () => {
    it('a keyer sees only her books; an officer with extracts.issue sees the province in a minimal view', async () => {
      const [keyerId, officerId] = await insertUsers(
        ctx,
        [
          { login: 'search-keyer', role: 'keyer' },
          { login: 'search-officer', role: 'officer' },
        ],
        [],
      );
      const keyer = await as(ctx, keyerId!);
      const officer = await as(ctx, officerId!);
      await ctx.store.db
        .insertInto('user_grants')
        .values([
          { user_id: keyerId!, kind: 'book', book_id: books.other!.bookId },
          { user_id: officerId!, kind: 'unit', unit_id: UNITS.other },
        ])
        .execute();
      expect(recordIds(await search('nguyen thi thuy hoa', {}, keyer))).toEqual([ids.hoaVan]);
      expect(recordIds(await search('nguyen van hoa', {}, keyer))).toEqual([ids.hoaVan]);
      const wide = await search('nguyen thi thuy hoa', { year: 1990 }, officer);
      expect(wide.provinceWide).toBe(true);
      expect(wide.hits[0]).toMatchObject({ recordId: ids.target, canOpen: false, pageId: null, status: null, authority: 'UBND xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình', quyen: '02/2018' });
      const own = await search('nguyen van hoa', {}, officer);
      expect(own.hits[0]).toMatchObject({ recordId: ids.hoaVan, canOpen: true, pageId: books.other!.pageId });
    });
    it('writes every search to the access log', async () => {
      const count = async () =>
        Number(
          (
            await ctx.store.db
              .selectFrom('access_log')
              .select((e) => e.fn.countAll().as('n'))
              .where('action', '=', 'search')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      await search('Lê Văn Tám', { type: 'KS' });
      await search('không ai');
      expect(await count()).toBe(before + 2);
      const last = await ctx.store.db
        .selectFrom('access_log')
        .select(['entity_type', 'entity_id'])
        .where('action', '=', 'search')
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toEqual({ entity_type: 'search', entity_id: '"khong ai"' });
    });
  });

  describe('HTTP', () => {
    it('GET /api/search reads the query string (year as text) and refuses a bad one in Vietnamese', async () => {
      const { app, headers } = await signedInApp(ctx, { role: 'keyer', grants: [{ kind: 'unit', unitId: UNITS.district }] });
      try {
        const ok = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('nguyen thi thuy hoa')}&year=1990&type=ks`, headers });
        expect(ok.statusCode).toBe(200);
        expect((ok.json() as SearchResult).hits.map((h) => h.recordId)).toEqual([ids.target]);
        const bad = await app.inject({ method: 'GET', url: '/api/search?q=&year=abc', headers });
        expect(bad.statusCode).toBe(400);
        expect(bad.body).toMatch(/Cần nhập họ tên cần tìm|Năm phải là số/);
      } finally {
        await app.close();
      }
    });
  });

  describe('index maintenance', () => {
    it('follows a corrected name in the same transaction, and a rebuild gives the same rows', async () => {
      const rec = await keyed(ctx, books.other!, patchValues(CLEAN_KS_RECORD, { so: '9', nksHoTen: 'Bùi Thị Mận', nksNgaySinh: '1980', ngayDangKy: '1980' }) as Record<string, string>);
      expect(recordIds(await search('bui thi man'))).toEqual([rec.id]);
      await saveRecord(ctx, { recordId: rec.id, clientTxId: `tx-search-fix-${process.pid}`, expectedVersion: rec.version, values: { nksHoTen: 'Bùi Thị Mến' } });
      expect((await search('bui thi man')).hits.map((h) => h.name)).not.toContain('Bùi Thị Mận');
      expect(recordIds(await search('bùi thị mến'))).toEqual([rec.id]);
      const rows = async () => await ctx.store.db.selectFrom('person_index').selectAll().orderBy('record_id').orderBy('role').execute();
      const before = await rows();
      const report = await rebuildPersonIndex(ctx.store.db, 2);
      expect(report.people).toBe(before.length);
      expect(await rows()).toEqual(before);
    });
  });
});
