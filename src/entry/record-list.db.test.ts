/**
 * A book's registrations in windows, on both backends: registration order
 * (số as a number, then creation) across offset, cursor and "around a
 * record" windows; stored findings equal a fresh validation, follow every
 * change of the record, are read (not recomputed) when fresh, and are
 * recomputed when the rules version they were stamped with is not the
 * running one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { scannedBook } from '../../test/support/export-book.js';
import { signedInApp, type SignedInApp } from '../../test/support/http.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import type { ActorContext } from '../auth/index.js';
import { RULES_VERSION, completionBlockers, createRecord, getRecordView, listBookRecords, listBookRecordsPage, saveRecord, type RecordListItem, type RecordPage } from './index.js';

/** Số values in creation order: numbers out of order, one with a suffix, two without a number. */
const SO = ['12', '3', 'abc', '7bis', '1', '20', '', '3', '15', '2', '8', '11', '5', '4', '9', '6', '10', '14', '13', '16'];

describeBackends('record list: windows and stored findings', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookId = '';
  let http: SignedInApp;
  const created: string[] = [];

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const book = await scannedBook(ctx, { pages: 1 });
    bookId = book.bookId;
    for (const [i, so] of SO.entries()) {
      const r = await createRecord(ctx, { bookId, pageIds: book.pageIds, clientTxId: `tx-list-create-${i}` });
      // every third record clean, the others missing the child's name (an ERROR) or with the sex keyed as a word (a WARNING)
      const values = i % 3 === 0 ? CLEAN_KS_RECORD : i % 3 === 1 ? patchValues(CLEAN_KS_RECORD, { nksHoTen: undefined }) : patchValues(CLEAN_KS_RECORD, { nksGioiTinh: 'Nam' });
      await saveRecord(ctx, { recordId: r.id, expectedVersion: r.version, clientTxId: `tx-list-save-${i}`, values: { ...values, so } });
      created.push(r.id);
    }
    http = await signedInApp(ctx);
  }, 120_000);
  afterAll(async () => {
    await http.app.close();
    dispose();
  });

  const expectedOrder = () => {
    const key = (i: number) => {
      const n = Number.parseInt(SO[i]!, 10);
      return Number.isNaN(n) ? Infinity : n;
    };
    return SO.map((_, i) => i)
      .sort((a, b) => key(a) - key(b) || a - b)
      .map((i) => created[i]);
  };

  it('lists in registration order, the same through offset windows, cursors and the whole list', async () => {
    const all = await listBookRecords(ctx, bookId);
    expect(all.map((r) => r.id)).toEqual(expectedOrder());
    expect(all.map((r) => r.so).slice(0, 5)).toEqual(['1', '2', '3', '3', '4']);
    expect(all.slice(-2).map((r) => r.so)).toEqual(['abc', null]); // '' clears the field
    const byCursor: RecordListItem[] = [];
    let page: RecordPage = await listBookRecordsPage(ctx, bookId, { limit: 6 });
    for (;;) {
      expect(page.total).toBe(SO.length);
      byCursor.push(...page.items);
      if (page.nextCursor === null) break;
      page = await listBookRecordsPage(ctx, bookId, { limit: 6, after: page.nextCursor });
    }
    expect(byCursor.map((r) => r.id)).toEqual(all.map((r) => r.id));
    const window = await listBookRecordsPage(ctx, bookId, { offset: 7, limit: 4 });
    expect(window.offset).toBe(7);
    expect(window.items.map((r) => r.id)).toEqual(all.slice(7, 11).map((r) => r.id));
  });

  it('centres a window on a record, clipped at the start of the book', async () => {
    const all = (await listBookRecords(ctx, bookId)).map((r) => r.id);
    const mid = await listBookRecordsPage(ctx, bookId, { around: all[10], limit: 5 });
    expect(mid.offset).toBe(8);
    expect(mid.items.map((r) => r.id)).toEqual(all.slice(8, 13));
    const first = await listBookRecordsPage(ctx, bookId, { around: all[1], limit: 5 });
    expect(first.offset).toBe(0);
    expect(first.items[1]!.id).toBe(all[1]);
    const other = await scannedBook(ctx, { pages: 1, year: 2009 });
    await expect(listBookRecordsPage(ctx, other.bookId, { around: all[1] })).rejects.toThrow(/Không tìm thấy bản ghi/);
    await expect(listBookRecordsPage(ctx, bookId, { offset: 1, around: all[1] })).rejects.toThrow(/Chỉ dùng một/);
  });

  it('stores findings equal to a fresh validation, and follows a change of the record', async () => {
    const stored = await ctx.store.db.selectFrom('record_findings').selectAll().where('book_id', '=', bookId).execute();
    expect(stored).toHaveLength(SO.length);
    for (const row of stored) {
      const fresh = await getRecordView(ctx, row.record_id);
      expect(row.findings).toEqual(fresh.findings);
      expect(row.record_version).toBe(fresh.version);
      expect(row.rules_version).toBe(RULES_VERSION);
      const b = completionBlockers(fresh.findings);
      expect([row.errors, row.unacknowledged]).toEqual([b.errors.length, b.unacknowledged.length]);
    }
    expect(stored.filter((r) => r.errors > 0).length).toBeGreaterThan(0);
    expect(stored.filter((r) => r.errors === 0 && r.unacknowledged > 0).length).toBeGreaterThan(0);
    const id = created[1]!; // missing the child's name
    const before = await getRecordView(ctx, id);
    expect(before.findings.some((f) => f.code === 'field.required')).toBe(true);
    await saveRecord(ctx, { recordId: id, expectedVersion: before.version, clientTxId: 'tx-list-fix-1', values: { nksHoTen: 'Lê Thị Hoa' } });
    const row = await ctx.store.db.selectFrom('record_findings').selectAll().where('record_id', '=', id).executeTakeFirstOrThrow();
    expect(row.findings).toEqual((await getRecordView(ctx, id)).findings);
    expect(row.record_version).toBe(before.version + 1);
    expect((await listBookRecords(ctx, bookId)).find((r) => r.id === id)!.errors).toBe(completionBlockers(row.findings as never).errors.length);
  });

  it('reads fresh stored findings as they are, and recomputes those stamped with another rules version', async () => {
    const [a, b] = [created[0]!, created[2]!];
    // a fresh stamp is trusted: the list shows what is stored (it does not validate again)
    await ctx.store.db.updateTable('record_findings').set({ errors: 42 }).where('record_id', '=', a).execute();
    expect((await listBookRecords(ctx, bookId)).find((r) => r.id === a)!.errors).toBe(42);
    // a catalog/rules version change: every row stamped with the old version is recomputed when read
    await ctx.store.db.updateTable('record_findings').set({ rules_version: '0:old-catalog', errors: 42, findings: '[]' }).where('record_id', 'in', [a, b]).execute();
    const listed = await listBookRecordsPage(ctx, bookId, { limit: 100 });
    for (const id of [a, b]) {
      const fresh = await getRecordView(ctx, id);
      expect(listed.items.find((r) => r.id === id)!.errors).toBe(completionBlockers(fresh.findings).errors.length);
      const row = await ctx.store.db.selectFrom('record_findings').selectAll().where('record_id', '=', id).executeTakeFirstOrThrow();
      expect(row.rules_version).toBe(RULES_VERSION);
      expect(row.findings).toEqual(fresh.findings);
    }
    // a missing row (records from before 0016) is computed and stored on first read
    await ctx.store.db.deleteFrom('record_findings').where('record_id', '=', b).execute();
    await listBookRecordsPage(ctx, bookId, { around: b, limit: 3 });
    expect(await ctx.store.db.selectFrom('record_findings').select('record_id').where('record_id', '=', b).executeTakeFirst()).toBeDefined();
  });

  it('answers GET /api/books/:id/records with a window and refuses a bad one in Vietnamese', async () => {
    const res = await http.app.inject({ method: 'GET', url: `/api/books/${bookId}/records?limit=5&offset=5`, headers: http.headers });
    expect(res.statusCode).toBe(200);
    const page = res.json<RecordPage>();
    expect(page).toMatchObject({ total: SO.length, offset: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toBe(page.items[4]!.id);
    const bad = await http.app.inject({ method: 'GET', url: `/api/books/${bookId}/records?limit=1000`, headers: http.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/từ 1 đến 500/);
  });
});
