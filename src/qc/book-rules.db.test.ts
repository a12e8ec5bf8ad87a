/**
 * Book-level rules on both backends, through the real services: numbering
 * continues across the books of one authority, register type and year (a
 * gap between two books is seen from both sides, a gap before the first
 * entry of the first book too); a registration dated outside the book's
 * year or before it was opened is an ERROR that blocks the export, while
 * WARNINGs go into the manifest for the reviewer's sign-off.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { rejection } from '../../test/support/errors.js';
import { keyCompleted, scannedBook } from '../../test/support/export-book.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import type { ActorContext } from '../auth/index.js';
import { createExport } from '../exchange/index.js';
import { getBookChecks } from './index.js';

describeBackends('book rules', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  const authority = `UBND xã Thử Số ${process.pid}`;

  beforeAll(() => {
    ({ ctx, dispose } = testContext(store()));
  });
  afterAll(() => dispose());

  const book = async (volume: string, sos: string[], dates: string[] = [], openedOn?: string) => {
    const b = await scannedBook(ctx, { authority, volume, pages: sos.length, ...(openedOn ? { openedOn } : {}) });
    const ids: string[] = [];
    for (const [i, so] of sos.entries())
      ids.push(await keyCompleted(ctx, b.bookId, [b.pageIds[i]!], patchValues(CLEAN_KS_RECORD, { so, ngayDangKy: dates[i] ?? `${10 + i}.11.2008` }), ['ks.on_time_but_late', 'ks.late']));
    return { bookId: b.bookId, ids };
  };

  it('sees the numbers missing between two books of one year, and before the first entry', async () => {
    const first = await book('01/2008', ['3', '4', '5']);
    const second = await book('02/2008', ['8', '9']);
    const a = await getBookChecks(ctx, first.bookId);
    expect(a.items.filter((i) => i.code.startsWith('so_gap')).map((i) => [i.code, i.subject, i.severity])).toEqual([
      ['so_gap_before', '2008:1-2', 'WARNING'],
      ['so_gap_after', '2008:6-7', 'WARNING'],
    ]);
    expect(a.items.find((i) => i.code === 'so_gap_before')!.message).toBe('Thiếu số 1-2 năm 2008 trước số đầu tiên của quyển (3; đánh số tiếp từ số 1).');
    const b = await getBookChecks(ctx, second.bookId);
    expect(b.items.filter((i) => i.code.startsWith('so_gap')).map((i) => [i.code, i.subject])).toEqual([['so_gap_before', '2008:6-7']]);
    expect(b.items[0]!.message).toContain('sau số 5 của quyển sổ trước');
    const exp = await createExport(ctx, second.bookId);
    const manifest = (await ctx.store.db.selectFrom('exports').select('manifest').where('id', '=', exp.id).executeTakeFirstOrThrow()).manifest as { bookChecks: { warnings: number; open: number } };
    expect(manifest.bookChecks).toMatchObject({ warnings: 1, open: 1 });
  }, 120_000);

  it('blocks the export of a book with a registration dated outside its year or before it was opened', async () => {
    const b = await book('03/2008', ['1', '2'], ['05.10.2008', '02.01.2009'], '01.10.2008');
    const checks = await getBookChecks(ctx, b.bookId);
    expect(checks.items.filter((i) => i.severity === 'ERROR').map((i) => i.message)).toEqual(['Ngày đăng ký của số 2 (02.01.2009) ngoài năm của quyển sổ (2008).']);
    const e = await rejection(createExport(ctx, b.bookId));
    expect(e.code).toBe('export.blocked');
    expect(e.message).toContain('lỗi kiểm tra toàn quyển sổ');
    const early = await book('04/2008', ['1'], ['15.09.2008'], '01.10.2008');
    expect((await getBookChecks(ctx, early.bookId)).items.find((i) => i.code === 'date_outside_book')!.message).toBe('Ngày đăng ký của số 1 (15.09.2008) trước ngày mở sổ (01.10.2008).');
  }, 120_000);
});
