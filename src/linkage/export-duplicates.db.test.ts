import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { keyCompleted, scannedBook } from '../../test/support/export-book.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { readXlsx } from '../../test/support/xlsx-raw.js';
import type { ActorContext } from '../auth/index.js';
import { createExport, openExportFile } from '../exchange/index.js';
import { decideCandidate, listCandidates, runLinkageJob } from './linkage.service.js';

describeBackends('linkage: a decided duplicate is not exported twice', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  const ids: string[] = [];

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const { bookId, pageIds } = await scannedBook(ctx);
    ids.push(await keyCompleted(ctx, bookId, [pageIds[0]!], patchValues(CLEAN_KS_RECORD, { so: '15' })));
    // the same birth keyed again on the next page, with the old tone placement and another số
    ids.push(await keyCompleted(ctx, bookId, [pageIds[1]!], patchValues(CLEAN_KS_RECORD, { so: '16', nksHoTen: 'PHẠM ANH ĐÀI' })));
    ids.push(
      await keyCompleted(ctx, bookId, [pageIds[2]!], patchValues(CLEAN_KS_RECORD, { so: '17', nksHoTen: 'Lê Văn Mười', nksNgaySinh: '20.10.2008', meHoTen: 'Đỗ Thị Hạnh', chaHoTen: 'Lê Văn Sáu' })),
    );
    await runLinkageJob(ctx, { unitId: null, mode: 'full', actorId: null });
  }, 120_000);
  afterAll(() => dispose());

  it('leaves the dropped record out of the data file and lists the decision in the report', async () => {
    const cands = await listCandidates(ctx, { status: 'open' });
    const pair = cands.find((c) => [c.recordA, c.recordB].sort().join() === [ids[0], ids[1]].sort().join());
    expect(pair?.kind).toBe('reregistration');
    expect(cands.some((c) => [c.recordA, c.recordB].includes(ids[2]!))).toBe(false);
    await decideCandidate(ctx, pair!.id, { decision: 'duplicate_of', keepId: ids[0], reason: 'Nhập hai lần' });
    const done = await createExport(ctx, (await ctx.store.db.selectFrom('records').select('book_id').where('id', '=', ids[0]!).executeTakeFirstOrThrow()).book_id);
    const file = async (kind: string) => buffer((await openExportFile(ctx, done.id, done.files.find((f) => f.kind === kind)!.name)).open());
    const text = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));
    const data = text(readXlsx(await file('xlsx')).rows('DL Import'));
    expect(data.length - 1).toBe(2);
    // The manifest counts what the files hold: the two rows exported and the one left out.
    const manifest = JSON.parse((await file('manifest')).toString('utf8')) as { counts: { registrations: number; rows: number; pdfs: number; duplicatesLeftOut: number } };
    expect(manifest.counts).toMatchObject({ registrations: 2, rows: 2, duplicatesLeftOut: 1 });
    expect(data.flat()).not.toContain('16');
    const report = text(readXlsx(await file('report')).rows('Cảnh báo'));
    const line = report.find((r) => r.includes('linkage.duplicate'));
    expect(line).toBeDefined();
    expect(line).toContain(ids[1]);
    expect(line!.join(' ')).toContain(ids[0]!);
    // the report's summary counts the registrations exported, not the book's, and names the one left out
    const summary = new Map(text(readXlsx(await file('report')).rows('Thông tin')).map((r) => [r[0], r[1]]));
    expect(summary.get('Số bản ghi đăng ký xuất')).toBe('2');
    expect(summary.get('Bản ghi trùng đã quyết định, không xuất')).toBe('1');
  });
});
