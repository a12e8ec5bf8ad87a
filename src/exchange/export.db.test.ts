/**
 * Exporting a book to the MoJ on both backends, through the real services:
 * the files read back by independent readers (test/support/xlsx-raw.ts for
 * the xlsx, `unzip -t` and pdf-lib for the zip), SHA-256 values of the
 * manifest checked against the bytes, the gate (drafts and ERRORs block with
 * a Vietnamese list), warnings in the report, the reviewer's sign-off shown
 * in later manifests, the naming pattern and name casing options.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { exportReadyBook, keyCompleted, scannedBook, type ExportBook } from '../../test/support/export-book.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { readXlsx, unzipEntries } from '../../test/support/xlsx-raw.js';
import { rejection } from '../../test/support/errors.js';
import type { ActorContext } from '../auth/index.js';
import { createRecord } from '../entry/index.js';
import { getTemplate, headerRow } from '../registers/index.js';
import { REPORT_HEADER } from './export-report.js';
import { createExport, openExportFile, listExports, signOffExport, type ExportView } from './index.js';
import { as, insertUsers } from '../../test/support/users.js';

const KS = getTemplate('KS');
const col = (key: string) => KS.fields.findIndex((f) => f.key === key);

describeBackends('MoJ export', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let book: ExportBook;
  let first: ExportView;
  const files = new Map<string, Buffer>();
  const dir = mkdtempSync(path.join(tmpdir(), 'hotich-export-'));
  let reviewer = '';

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    book = await exportReadyBook(ctx);
    reviewer = (await insertUsers(ctx, [{ login: `rv-${book.bookId.slice(0, 8)}`, role: 'reviewer' }]))[0]!;
    first = await createExport(ctx, book.bookId);
    for (const f of first.files) files.set(f.kind, await buffer((await openExportFile(ctx, first.id, f.name)).open()));
  }, 120_000);
  afterAll(() => {
    dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the files after the book and stores them with their SHA-256', () => {
    expect(first.files.map((f) => [f.kind, f.name])).toEqual([
      ['xlsx', 'xxxxx_KS_2008_02-2008.xlsx'],
      ['zip', 'xxxxx_KS_2008_02-2008.zip'],
      ['report', 'xxxxx_KS_2008_02-2008_bao-cao-kiem-tra.xlsx'],
      ['manifest', 'xxxxx_KS_2008_02-2008.manifest.json'],
    ]);
    for (const f of first.files) expect(createHash('sha256').update(files.get(f.kind)!).digest('hex')).toBe(f.sha256);
    expect(first).toMatchObject({ registrations: 3, warnings: 1, signedOff: null });
  });

  it('writes "DL Import": the catalog header, one Text row per registration in số order, STT 1..n', () => {
    const wb = readXlsx(files.get('xlsx')!);
    expect(wb.sheetNames).toEqual(['DL Import', 'Ghi chu']);
    const rows = wb.rows('DL Import');
    expect(rows[0]!.map((c) => c.text)).toEqual(headerRow(KS));
    const value = (r: number, key: string) => rows[r]!.find((c) => c.ref.replace(/\d+$/, '') === rows[0]![col(key)]!.ref.replace(/\d+$/, ''))?.text;
    expect(rows.slice(1).map((_, i) => [value(i + 1, 'STT'), value(i + 1, 'so')])).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '10'],
    ]);
    expect([value(2, 'nksHoTen'), value(3, 'nksHoTen'), value(1, 'meSoGiayToTuyThan'), value(1, 'ngayDangKy'), value(1, 'chaNgaySinh')]).toEqual([
      'Phạm Anh Đài',
      'Lê Văn Mười',
      '001234567',
      '27.10.2008',
      '1979',
    ]);
    for (const row of rows) for (const c of row) expect([c.type, wb.numFmtOf(c.style)]).toEqual(['inlineStr', '49']);
    expect(wb.rows('Ghi chu').map((r) => r.map((c) => c.text))).toContainEqual(['4', 'Đăng ký quá hạn']);
  });

  it("zips one PDF per row, named by its số, that unzip -t accepts and pdf-lib opens with the record's pages", async () => {
    const zip = files.get('zip')!;
    const file = path.join(dir, 'book.zip');
    writeFileSync(file, zip);
    const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(unzip.error, 'Debian unzip is needed').toBeUndefined();
    expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
    const entries = [...unzipEntries(zip)];
    expect(entries.map(([n]) => n)).toEqual(['xxxxx_KS_2008_02-2008_1.pdf', 'xxxxx_KS_2008_02-2008_2.pdf', 'xxxxx_KS_2008_02-2008_10.pdf']);
    const pages = await Promise.all(entries.map(async ([, pdf]) => (await PDFDocument.load(pdf)).getPageCount()));
    expect(pages).toEqual([2, 1, 1]);
  });

  it("writes a manifest whose hashes are the files' and which sums the export up", () => {
    const m = JSON.parse(files.get('manifest')!.toString('utf8'));
    expect(m).toMatchObject({
      format: 'hotich-export/1',
      exportId: first.id,
      template: { id: 'KS-70', columns: 70 },
      options: { nameCase: 'title', namePattern: '{commune}_{type}_{year}_{volume}' },
      counts: { registrations: 3, rows: 3, pdfs: 3, pdfPages: 4, warnings: 1 },
      validation: { errors: 0, drafts: 0, warnings: 1, warningsByCode: { 'id_doc.type_missing': 1 } },
      previousExports: [],
    });
    expect(m.files).toHaveLength(3);
    for (const f of m.files) expect(createHash('sha256').update(files.get(f.kind)!).digest('hex')).toBe(f.sha256);
  });

  it('lists the warnings in the report, with a sign-off block', () => {
    const rows = readXlsx(files.get('report')!)
      .rows('Cảnh báo')
      .map((r) => r.map((c) => c.text));
    expect(rows[1]).toEqual(['1', '1', book.records['1'], 'meLoaiGiayToTuyThan', expect.any(String), 'id_doc.type_missing', expect.stringContaining('Có số giấy tờ'), 'Có']);
    expect(rows.flat()).toContain('KÝ DUYỆT CỦA NGƯỜI KIỂM TRA');
  });

  it("records a reviewer's sign-off once and shows it in later exports", async () => {
    const signed = await signOffExport(await as(ctx, reviewer), first.id, { note: 'Đã kiểm tra các cảnh báo.' });
    expect(signed.signedOff).toMatchObject({ by: expect.stringMatching(/^rv-/), note: 'Đã kiểm tra các cảnh báo.' });
    expect((await rejection(signOffExport(await as(ctx, reviewer), first.id, {}))).code).toBe('export.already_signed_off');
    const again = await createExport(ctx, book.bookId, { nameCase: 'upper', namePattern: '{type}-{year}-{volume}' });
    expect(again.files[0]!.name).toBe('KS-2008-02-2008.xlsx');
    const m = JSON.parse((await buffer((await openExportFile(ctx, again.id, 'KS-2008-02-2008.manifest.json')).open())).toString('utf8'));
    expect(m.previousExports).toEqual([
      { id: first.id, createdAt: expect.any(String), warnings: 1, signedOff: { by: expect.stringMatching(/^rv-/), at: expect.any(String), note: 'Đã kiểm tra các cảnh báo.' } },
    ]);
    const rows = readXlsx(await buffer((await openExportFile(ctx, again.id, 'KS-2008-02-2008.xlsx')).open())).rows('DL Import');
    expect(rows[2]!.map((c) => c.text)).toContain('PHẠM ANH ĐÀI');
    expect((await listExports(ctx, book.bookId)).map((e) => [e.id, e.signedOff !== null])).toEqual(
      expect.arrayContaining([
        [first.id, true],
        [again.id, false],
      ]),
    );
  });

  it('writes coded fields in their canonical form whatever alias was keyed, a lunar date as its solar day, and lists each replacement', async () => {
    const { bookId, pageIds } = await scannedBook(ctx, { year: 1985, volume: '01/1985', pages: 1 });
    const keyed = patchValues(CLEAN_KS_RECORD, {
      so: '1',
      quyenSo: '01/1985',
      ngayDangKy: '20.02.1985',
      nksNgaySinh: 'mùng 5 tháng Giêng năm Ất Sửu',
      nksGioiTinh: 'Nam giới',
      nksDanToc: 'Kinh (Việt)',
      nksQuocTich: 'Vietnam',
      meDanToc: 'Mèo',
      meNgaySinh: '1960',
      chaNgaySinh: '1958',
    });
    const id = await keyCompleted(ctx, bookId, pageIds, keyed, ['code.alias', 'ethnicity.alias', 'nationality.alias']);
    const done = await createExport(ctx, bookId);
    const file = async (kind: string) => buffer((await openExportFile(ctx, done.id, done.files.find((f) => f.kind === kind)!.name)).open());
    const rows = readXlsx(await file('xlsx')).rows('DL Import');
    const value = (key: string) => rows[1]!.find((c) => c.ref.replace(/\d+$/, '') === rows[0]![col(key)]!.ref.replace(/\d+$/, ''))?.text;
    expect(['nksGioiTinh', 'nksDanToc', 'nksQuocTich', 'meDanToc', 'nksNgaySinh'].map(value)).toEqual(['1', 'Kinh', 'Việt Nam', 'Mông', '25.01.1985']);
    const report = readXlsx(await file('report'))
      .rows('Cảnh báo')
      .map((r) => r.map((c) => c.text));
    expect(report[0]).toEqual([...REPORT_HEADER]);
    const replaced = report.filter((r) => r[5] === 'export.canonical').map((r) => [r[0], r[1], r[2], r[3], r.at(-2), r.at(-1)]);
    expect(replaced).toEqual([
      ['1', '1', id, 'nksGioiTinh', 'Nam giới', '1'],
      ['1', '1', id, 'nksNgaySinh', 'mùng 5 tháng Giêng năm Ất Sửu', '25.01.1985'],
      ['1', '1', id, 'nksDanToc', 'Kinh (Việt)', 'Kinh'],
      ['1', '1', id, 'nksQuocTich', 'Vietnam', 'Việt Nam'],
      ['1', '1', id, 'meDanToc', 'Mèo', 'Mông'],
    ]);
    const manifest = JSON.parse((await file('manifest')).toString('utf8'));
    expect(manifest.counts.canonicalReplacements).toBe(5);
    const stored = await ctx.store.db.selectFrom('records').select('values').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.values).toMatchObject({ nksDanToc: 'Kinh (Việt)', nksGioiTinh: 'Nam giới', nksNgaySinh: 'mùng 5 tháng Giêng năm Ất Sửu' });
  });

  it('refuses a bad name pattern in Vietnamese', async () => {
    const e = await rejection(createExport(ctx, book.bookId, { namePattern: '{xa}_{year}' }));
    expect([e.code, e.message]).toEqual(['export.name_pattern', expect.stringContaining('không có chỗ trống {xa}')]);
  });

  it('blocks a book with a draft or an ERROR, listing the records and fields in Vietnamese', async () => {
    const { bookId, pageIds } = await scannedBook(ctx, { year: 2009, volume: '01', pages: 1 });
    await keyCompleted(ctx, bookId, pageIds, patchValues(CLEAN_KS_RECORD, { so: '1' }));
    const bad = await keyCompleted(ctx, bookId, pageIds, patchValues(CLEAN_KS_RECORD, { so: '2' }));
    // As if completed under an older catalog: the value is an ERROR now.
    await ctx.store.db
      .updateTable('records')
      .set({ values: JSON.stringify(patchValues(CLEAN_KS_RECORD, { so: '2', nksNgaySinh: '31.02.2008' })) })
      .where('id', '=', bad)
      .execute();
    await createRecord(ctx, { bookId, pageIds, clientTxId: `tx-export-draft-${bookId}` });
    const e = await rejection(createExport(ctx, bookId));
    expect(e.code).toBe('export.blocked');
    expect(e.message).toContain('2 bản ghi có lỗi hoặc chưa hoàn thành');
    expect(e.message).toContain('- Số 2 (dòng 2): Ngày, tháng, năm sinh (nksNgaySinh): Ngày 31 không có trong tháng 2 năm 2008');
    expect(e.message).toMatch(/- Không có số \(dòng 3\): Bản ghi chưa hoàn thành \(còn đang nhập liệu và còn \d+ lỗi\)\./);
    expect((e.details as { problems: { recordId: string; code: string }[] }).problems).toContainEqual(expect.objectContaining({ recordId: bad, code: 'date.impossible' }));
    expect(await listExports(ctx, bookId)).toEqual([]);
  });

  it('refuses an empty book', async () => {
    const { bookId } = await scannedBook(ctx, { year: 2010, pages: 1 });
    expect((await rejection(createExport(ctx, bookId))).code).toBe('export.empty');
  });
});
