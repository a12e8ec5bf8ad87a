/**
 * `hotich export` through its command function on both backends: one book
 * into a folder (the four files, named after the commune code), and --all
 * for a province: the ready book of one of its communes exported, a book with
 * a draft and an empty book skipped with their reasons; bad options refused
 * in Vietnamese.
 */
import { readdirSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { exportReadyBook, scannedBook } from '../../test/support/export-book.js';
import type { ActorContext } from '../auth/index.js';
import { rebuildWithin } from '../units/index.js';
import type { AppError } from '../core/index.js';
import { createRecord } from '../entry/index.js';
import { runExport } from './export.command.js';

describeBackends('hotich export', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let ready = '';
  let drafty = '';
  let empty = '';
  const out = mkdtempSync(path.join(tmpdir(), 'hotich-cli-export-'));

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const db = ctx.store.db;
    await db
      .insertInto('admin_units')
      .values([
        { id: 'y2025:province:98', scheme: 'y2025', level: 'province', code: '98', name: 'Tỉnh Thử', kind: 'Tỉnh', parent_id: null, source: 'test' },
        { id: 'y2025:commune:98001', scheme: 'y2025', level: 'commune', code: '98001', name: 'Xã Thử', kind: 'Xã', parent_id: 'y2025:province:98', source: 'test' },
      ])
      .execute();
    ready = (await exportReadyBook(ctx)).bookId;
    const d = await scannedBook(ctx, { year: 2012, pages: 1 });
    drafty = d.bookId;
    await createRecord(ctx, { bookId: drafty, pageIds: d.pageIds, clientTxId: `tx-cli-export-${drafty}` });
    empty = (await scannedBook(ctx, { year: 2013, pages: 1 })).bookId;
    await rebuildWithin(db);
    await db.updateTable('books').set({ authority_unit_code: 'y2025:commune:98001' }).where('id', 'in', [ready, drafty, empty]).execute();
  }, 60_000);
  afterAll(() => {
    dispose();
    rmSync(out, { recursive: true, force: true });
  });

  it('exports one book into the folder', async () => {
    const dir = path.join(out, 'one');
    const run = await runExport(ctx, { book: ready, out: dir, nameCase: 'upper' });
    expect(readdirSync(dir).sort()).toEqual(['98001_KS_2008_02-2008.manifest.json', '98001_KS_2008_02-2008.xlsx', '98001_KS_2008_02-2008.zip', '98001_KS_2008_02-2008_bao-cao-kiem-tra.xlsx']);
    for (const f of run.exported[0]!.export.files)
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(dir, f.name)))
          .digest('hex'),
      ).toBe(f.sha256);
  });

  it('exports every ready book of a province with --all, skipping the others with a reason', async () => {
    const run = await runExport(ctx, { all: true, unit: '98', out: path.join(out, 'all') });
    expect(run.exported.map((e) => e.bookId)).toEqual([ready]);
    expect(run.skipped).toEqual(
      expect.arrayContaining([
        { bookId: drafty, reason: 'còn 1/1 bản ghi chưa hoàn thành' },
        { bookId: empty, reason: 'chưa có bản ghi đăng ký nào' },
      ]),
    );
  });

  it('refuses bad options in Vietnamese', async () => {
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: AppError) => e.message,
      );
    expect(await fail(runExport(ctx, { out }))).toBe('Chọn một trong hai: --book <mã sổ> hoặc --all --unit <mã đơn vị>.');
    expect(await fail(runExport(ctx, { book: ready }))).toBe('Cần chỉ thư mục ghi tệp: --out <thư mục>.');
    expect(await fail(runExport(ctx, { book: ready, out, nameCase: 'thuong' }))).toContain('Kiểu chữ họ tên "thuong" không hợp lệ');
    expect(await fail(runExport(ctx, { all: true, unit: '00', out }))).toBe('Không có quyển sổ nào thuộc đơn vị "00".');
    expect(await fail(runExport(ctx, { book: drafty, out }))).toContain('Bản ghi chưa hoàn thành');
  });
});
