/**
 * An import written in batches (import-batches.ts), on both backends:
 * stopped after its first batches (as a crashed or taken-over job is), it
 * shows nothing — no record in the chosen book, no new book in the list or
 * by id, for the importing user too — and the next attempt with the same
 * import id goes on and ends with every row exactly once, the staging copy
 * gone. A second import of rows into a book that already holds them skips
 * them as before.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { csvFile } from '../../test/support/import-files.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { as, insertUsers } from '../../test/support/users.js';
import { createBook, getBook, listBooks } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { fold, listActions, projectionRow, stateOfRow } from '../entry/index.js';
import { importFile, type ImportProgress } from './index.js';

const ROWS = 24;
const KEYS = Object.keys(CLEAN_KS_RECORD);

/** ROWS clean registrations (so = 1..ROWS) of one quyển and year. */
const file = (quyenSo: string) =>
  csvFile(
    Array.from({ length: ROWS }, (_, i) => ({ ...CLEAN_KS_RECORD, so: String(i + 1), quyenSo })),
    KEYS,
  );

describeBackends('import in batches', (store) => {
  let ctx: ActorContext;
  let user: ActorContext;
  let dispose: () => void;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    user = await as(ctx, (await insertUsers(ctx, [{ login: 'nhaplo', role: 'officer' }]))[0]!);
  });
  afterAll(() => dispose());

  const recordsIn = async (bookId: string) =>
    Number(
      (
        await ctx.store.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('book_id', '=', bookId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const pendingOf = (importId: string) => ctx.store.db.selectFrom('books').selectAll().where('import_pending', '=', importId).execute();

  /** Runs the import and stops it (as a lost lease does) once `after` rows are written. */
  async function interrupted(input: Parameters<typeof importFile>[1], importId: string, after: number): Promise<number> {
    const stop = new AbortController();
    let seen = 0;
    const progress = (p: ImportProgress) => {
      if (p.phase !== 'writing' || p.rowsWritten < after || stop.signal.aborted) return;
      seen = p.rowsWritten;
      stop.abort(new Error('lease lost'));
    };
    await expect(importFile(user, input, { importId, batchRows: 5, progress, signal: stop.signal })).rejects.toThrow('lease lost');
    return seen;
  }

  it('into a chosen book: nothing shows until the last batch, and the next attempt ends with every row once', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '07/2008' });
    const importId = randomUUID();
    const input = { fileName: 'lo-1.csv', bytes: file('07/2008'), bookId: book.id };
    const written = await interrupted(input, importId, 10);
    expect(written).toBeGreaterThanOrEqual(10);
    expect(written).toBeLessThan(ROWS);
    expect(await recordsIn(book.id)).toBe(0);
    const [staging] = await pendingOf(importId);
    expect(staging).toMatchObject({ import_target: book.id, is_copy: true });
    expect(await recordsIn(staging!.id)).toBe(written);
    await expect(getBook(user, staging!.id)).rejects.toBeInstanceOf(NotFound);
    expect((await listBooks(user, {})).items.map((b) => b.id)).not.toContain(staging!.id);

    const { view } = await importFile(user, input, { importId, batchRows: 5 });
    expect(view).toMatchObject({ status: 'imported', rowsImported: ROWS, bookId: book.id });
    expect(await recordsIn(book.id)).toBe(ROWS);
    expect(await pendingOf(importId)).toEqual([]);
    const created = await ctx.store.db
      .selectFrom('record_actions')
      .select('payload')
      .where('kind', '=', 'created')
      .where(sql`payload->'source'->>'importId'`, '=', importId)
      .execute();
    expect(created).toHaveLength(ROWS);
    const findings = await ctx.store.db.selectFrom('record_findings').select('book_id').where('book_id', '=', book.id).execute();
    expect(findings).toHaveLength(ROWS);
    // A batch writes each records row whole before its actions: the row is the fold of the actions stored, and
    // its people and its linkage mark are there, as writeProjection leaves them for a record keyed by hand.
    const rows = await ctx.store.db.selectFrom('records').selectAll().where('book_id', '=', book.id).execute();
    for (const row of rows) expect(projectionRow(stateOfRow(row)), row.id).toEqual(projectionRow(fold(await listActions(ctx.store.db, row.id))));
    const ids = rows.map((r) => r.id);
    const people = await ctx.store.db.selectFrom('person_index').select('record_id').distinct().where('record_id', 'in', ids).execute();
    expect(people).toHaveLength(ROWS);
    const marked = await ctx.store.db.selectFrom('link_dirty').select('record_id').where('record_id', 'in', ids).execute();
    expect(marked).toHaveLength(ROWS);
  });

  it('without a book: the new book is hidden from everyone until the import ends', async () => {
    const importId = randomUUID();
    const input = { fileName: 'lo-2.csv', bytes: file('09/2008') };
    await interrupted(input, importId, 5);
    const [hidden] = await pendingOf(importId);
    expect(hidden).toMatchObject({ import_target: null, volume_no: '09/2008' });
    await expect(getBook(user, hidden!.id)).rejects.toBeInstanceOf(NotFound);
    expect((await listBooks(user, {})).items.map((b) => b.id)).not.toContain(hidden!.id);

    const { view } = await importFile(user, input, { importId, batchRows: 5 });
    expect(view.report.books).toEqual([expect.objectContaining({ id: hidden!.id, records: ROWS })]);
    expect((await getBook(user, hidden!.id)).import_pending).toBeNull();
    expect(await recordsIn(hidden!.id)).toBe(ROWS);

    // The same registrations again (another file: other bytes), into that book: all skipped, nothing written.
    const again = await importFile(user, { fileName: 'lo-3.csv', bytes: Buffer.concat([file('09/2008'), Buffer.from('\n')]), bookId: hidden!.id }, { batchRows: 5 });
    expect(again.view).toMatchObject({ status: 'imported', rowsImported: 0 });
    expect(await recordsIn(hidden!.id)).toBe(ROWS);
  });
});
