/**
 * The audit screen's listing on both backends: writes (record actions through
 * the real keying services, entity actions) and reads, newest first; the
 * caller's scope (a book predicate; rows of no book only for an actor who
 * sees everything); filters by login, unit (books whose authority lies
 * within it), record, book and dates; keyset pages that add up to the whole.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { exportReadyBook, keyCompleted, scannedBook } from '../../test/support/export-book.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import type { TestContext as ActorContext } from '../../test/support/context.js';
import { appendEntityAction, listAudit, logAccess, vietnamDay, type AuditItem, type AuditScope } from './index.js';

describeBackends('audit listing', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let bookA = '';
  let bookB = '';
  let recordB = '';
  let lan = '';
  const everything: AuditScope = { bookVisible: () => sql<SqlBool>`true`, seesEverything: true };
  const onlyBook = (id: string): AuditScope => ({ bookVisible: (col): RawBuilder<SqlBool> => sql<SqlBool>`${sql.ref(col)} = ${id}::uuid`, seesEverything: false });
  const list = async (scope: AuditScope, q: Record<string, unknown> = {}): Promise<AuditItem[]> => (await listAudit(ctx, scope, { limit: 200, ...q })).items;

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const db = ctx.store.db;
    await db
      .insertInto('admin_units')
      .values([
        { id: 'y2025:province:97', scheme: 'y2025', level: 'province', code: '97', name: 'Tỉnh Kiểm', kind: 'Tỉnh', parent_id: null, source: 'test' },
        { id: 'y2025:commune:97001', scheme: 'y2025', level: 'commune', code: '97001', name: 'Xã Kiểm', kind: 'Xã', parent_id: 'y2025:province:97', source: 'test' },
      ])
      .execute();
    await sql`select rebuild_admin_unit_within()`.execute(db);
    lan = (await db.insertInto('users').values({ login: 'ntlan', display_name: 'Nguyễn Thị Lan', role: 'officer', password_hash: null }).returning('id').executeTakeFirstOrThrow()).id;
    bookA = (await exportReadyBook(ctx)).bookId;
    const b = await scannedBook(ctx, { year: 2011, pages: 1 });
    bookB = b.bookId;
    recordB = await keyCompleted(ctx, bookB, b.pageIds, { ...CLEAN_KS_RECORD, so: '5' });
    await db.updateTable('books').set({ authority_unit_code: 'y2025:commune:97001' }).where('id', '=', bookB).execute();
    await appendEntityAction(db, { entityType: 'book', entityId: bookB, bookId: bookB, kind: 'status', actorId: lan, reason: 'đã quét xong' });
    await appendEntityAction(db, { entityType: 'user', entityId: lan, kind: 'created', actorId: null });
    await logAccess(db, { actorId: lan, action: 'record.view', entityType: 'record', entityId: recordB, bookId: bookB, ip: '10.2.3.4', userAgent: 'Firefox' });
    await logAccess(db, { actorId: lan, action: 'search', entityType: 'search', entityId: 'Nguyễn', ip: '10.2.3.4' });
  }, 90_000);
  afterAll(() => dispose());

  it('lists every write newest first for an actor who sees everything', async () => {
    const all = await list(everything);
    const total = Number((await sql<{ n: string }>`select (select count(*) from record_actions) + (select count(*) from entity_actions) as n`.execute(ctx.store.db)).rows[0]!.n);
    expect(all.length).toBe(total);
    expect(all.map((i) => i.at)).toEqual([...all.map((i) => i.at)].sort().reverse());
    expect(all[0]).toMatchObject({ table: 'entity_actions', entityType: 'user', bookId: null });
    expect(all[1]).toMatchObject({ table: 'entity_actions', kind: 'status', actorLogin: 'ntlan', actorName: 'Nguyễn Thị Lan', reason: 'đã quét xong', bookId: bookB });
    expect(all.find((i) => i.table === 'record_actions' && i.recordId === recordB)).toMatchObject({ bookId: bookB, entityType: 'record' });
  });

  it('shows only the books in scope, and nothing that belongs to no book', async () => {
    const scoped = await list(onlyBook(bookB));
    expect(scoped.length).toBeGreaterThan(0);
    expect(new Set(scoped.map((i) => i.bookId))).toEqual(new Set([bookB]));
    expect((await list(onlyBook(bookA))).every((i) => i.bookId === bookA)).toBe(true);
  });

  it('filters by login, unit, record, book and dates', async () => {
    expect((await list(everything, { user: 'NTLan' })).map((i) => i.kind)).toEqual(['status']);
    const inUnit = await list(everything, { unit: 'y2025:province:97' });
    expect(inUnit.length).toBeGreaterThan(1);
    expect(inUnit.every((i) => i.bookId === bookB)).toBe(true);
    const ofRecord = await list(everything, { record: recordB });
    expect(ofRecord.map((i) => i.kind)).toEqual(['completed', 'keyed', 'created']);
    expect((await list(everything, { book: bookA })).every((i) => i.bookId === bookA)).toBe(true);
    const today = vietnamDay(new Date());
    expect((await list(everything, { from: today, to: today })).length).toBe((await list(everything)).length);
    expect(await list(everything, { from: '2999-01-01' })).toEqual([]);
    expect(await list(everything, { to: '2000-01-01' })).toEqual([]);
    await expect(listAudit(ctx, everything, { from: '2026-02-01', to: '2026-01-01' })).rejects.toThrow('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  });

  it('lists the reads of personal data with where from', async () => {
    const reads = await list(everything, { log: 'access' });
    expect(reads.map((r) => [r.kind, r.ip, r.actorLogin])).toEqual([
      ['search', '10.2.3.4', 'ntlan'],
      ['record.view', '10.2.3.4', 'ntlan'],
    ]);
    expect(reads[1]).toMatchObject({ recordId: recordB, userAgent: 'Firefox', table: 'access_log' });
    expect((await list(onlyBook(bookB), { log: 'access' })).map((r) => r.kind)).toEqual(['record.view']);
  });

  it('pages by keyset, newest to oldest, adding up to the whole list', async () => {
    const all = await list(everything);
    const seen: AuditItem[] = [];
    let before: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAudit>> = await listAudit(ctx, everything, { limit: 4, ...(before ? { before } : {}) });
      seen.push(...page.items);
      before = page.next;
    } while (before);
    expect(seen).toEqual(all);
  });
});
