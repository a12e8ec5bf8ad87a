/**
 * Importing into the database, on both backends: completed records with
 * their provenance and the importing user's acknowledged warnings; the same
 * file twice adds nothing; a file with row errors writes no book and no
 * record but an error report (read back with the independent xlsx reader)
 * that, corrected, imports; without a book, one book per (quyển, year);
 * a book of another register type is refused; a record-level replay adds
 * nothing. The same file read and checked in a worker thread gives the same
 * outcome (error report, typed refusal, import) with its progress.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { csvFile, mojWorkbook } from '../../test/support/import-files.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { readXlsx } from '../../test/support/xlsx-raw.js';
import { createBook } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { AppError } from '../core/index.js';
import { importRecord, listActions } from '../entry/index.js';
import type { Store } from '../store/index.js';
import { getImport, getImportErrorReport, importFile, type ImportProgress } from './index.js';
import { as, insertUsers } from '../../test/support/users.js';

async function counts(store: Store) {
  const n = async (t: 'books' | 'records' | 'record_actions' | 'imports') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { books: await n('books'), records: await n('records'), actions: await n('record_actions'), imports: await n('imports') };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const rec = (patch: Record<string, string | number | Date | undefined>) => patchValues<string | number | Date>(CLEAN_KS_RECORD, patch);

describeBackends('import', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let userId = '';
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    userId = (await insertUsers(ctx, [{ login: 'nhap', role: 'officer' }]))[0]!;
  });
  afterAll(() => dispose());

  it('imports every row of a file into the chosen book as completed records with their provenance', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '02/2018' });
    const bytes = await mojWorkbook([rec({ ngayDangKy: new Date(Date.UTC(2008, 9, 27)) }), rec({ so: '16', nksHoTen: 'Lê Thị Hoa', nksGioiTinh: '2' })]);
    const { view } = await importFile(await as(ctx, userId), { fileName: 'ks-2008.xlsx', bytes, bookId: book.id });
    expect(view).toMatchObject({ status: 'imported', rowsTotal: 2, rowsImported: 2, warnings: 1, templateId: 'KS-70', bookId: book.id, sheet: 'DL Import' });
    expect(view.summary).toMatch(/^Đã nhập 2 bản ghi từ tệp "ks-2008.xlsx"/);
    const rows = await ctx.store.db.selectFrom('records').selectAll().where('book_id', '=', book.id).orderBy('created_at').execute();
    expect(rows.map((r) => [r.status, r.values.so, r.page_ids])).toEqual([
      ['completed', '15', []],
      ['completed', '16', []],
    ]);
    expect(rows[0]!.values).toEqual(CLEAN_KS_RECORD);
    expect(rows[0]!.acknowledged).toEqual(['ngayDangKy:import.date_serial']);
    const actions = await listActions(ctx.store.db, rows[0]!.id);
    expect(actions.map((a) => a.kind)).toEqual(['created', 'keyed', 'warnings_acknowledged', 'completed']);
    expect(actions.every((a) => a.actor_id === userId)).toBe(true);
    expect(actions[0]!.payload.source).toEqual({ kind: 'import', importId: view.id, file: 'ks-2008.xlsx', sheet: 'DL Import', row: 2, sha256: view.sha256 });
    expect(await getImport(ctx, view.id)).toEqual(view);
  });

  it('adds nothing when the same file comes again, and says where it went', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '03/2008' });
    const bytes = await mojWorkbook([rec({ so: '21' })]);
    await importFile(ctx, { fileName: 'a.xlsx', bytes, bookId: book.id });
    const before = await counts(ctx.store);
    for (const bookId of [book.id, undefined]) {
      const e = await refusal(importFile(ctx, { fileName: 'a-copy.xlsx', bytes, bookId }));
      expect(e.code).toBe('import.already_imported');
      expect(e.message).toMatch(/^Tệp này đã được nhập vào quyển Sổ đăng ký khai sinh 03\/2008 .* lúc /);
    }
    expect(await counts(ctx.store)).toEqual(before);
  });

  it('writes nothing when a row has an error, and gives an error report that imports once corrected', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '04/2008' });
    const bytes = await mojWorkbook([rec({ so: '31' }), rec({ so: '32', nksNgaySinh: '31.02.2008', nksSoDinhDanh: 1208012345 })]);
    const before = await counts(ctx.store);
    const { view, errorReport } = await importFile(await as(ctx, userId), { fileName: 'loi.xlsx', bytes, bookId: book.id });
    expect(view).toMatchObject({ status: 'failed', rowsTotal: 2, rowsImported: 0, errorReportUrl: `/api/imports/${view.id}/error-report.xlsx` });
    expect(view.report.rows.map((r) => r.row)).toEqual([3]);
    expect(await counts(ctx.store)).toEqual({ ...before, imports: before.imports + 1 });

    const report = readXlsx(errorReport!);
    const sheet = report.rows('DL Import');
    expect(sheet[0]!.at(-1)!.text).toBe('Lỗi');
    expect(sheet[1]!.at(-1)!.text).toBe('');
    const errors = sheet[2]!.at(-1)!.text;
    expect(errors).toMatch(/Lỗi \[nksNgaySinh\]:/);
    expect(errors).toMatch(/Lỗi \[nksSoDinhDanh\]: .*mất số 0 ở đầu/);
    expect((await getImportErrorReport(ctx, view.id)).bytes.equals(errorReport!)).toBe(true);

    const fixed = await mojWorkbook([rec({ so: '31' }), rec({ so: '32', nksNgaySinh: '28.02.2008' })], {
      keys: [...Object.keys(CLEAN_KS_RECORD), 'Lỗi'],
      headers: [...Object.keys(CLEAN_KS_RECORD), 'Lỗi'],
    });
    const again = await importFile(ctx, { fileName: 'loi.xlsx', bytes: fixed, bookId: book.id });
    expect(again.view).toMatchObject({ status: 'imported', rowsImported: 2 });
  });

  it('reads and checks in a worker thread with the same outcome: error report, typed refusal, import, progress', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '09/2008' });
    const bad = await mojWorkbook([rec({ so: '91' }), rec({ so: '92', nksNgaySinh: '31.02.2008' })]);
    const inProcess = await importFile(ctx, { fileName: 'luong.xlsx', bytes: bad, bookId: book.id }, { thread: false });
    const seen: ImportProgress[] = [];
    const threaded = await importFile(ctx, { fileName: 'luong.xlsx', bytes: bad, bookId: book.id }, { thread: true, progress: (p) => seen.push(p) });
    const bare = (r: typeof threaded.view.report) => ({ ...r, errorReport: typeof r.errorReport });
    expect(bare(threaded.view.report)).toEqual(bare(inProcess.view.report));
    expect(readXlsx(threaded.errorReport!).rows('DL Import')).toEqual(readXlsx(inProcess.errorReport!).rows('DL Import'));
    expect(seen.at(-1)).toEqual({ phase: 'done', rowsTotal: 2, rowsRead: 2, rowsChecked: 2, rowsWritten: 0 });
    const other = await createBook(ctx, { registerType: 'KT', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '09/2008' });
    const e = await refusal(importFile(ctx, { fileName: 'luong.xlsx', bytes: bad, bookId: other.id }, { thread: true }));
    expect([e.constructor.name, e.code]).toEqual(['Invalid', 'import.book_type_mismatch']);
    const good = await mojWorkbook([rec({ so: '93' })]);
    const done = await importFile(ctx, { fileName: 'luong-sach.xlsx', bytes: good, bookId: book.id }, { thread: true, progress: (p) => seen.push(p) });
    expect(done.view).toMatchObject({ status: 'imported', rowsImported: 1 });
    expect(seen.at(-1)).toEqual({ phase: 'done', rowsTotal: 1, rowsRead: 1, rowsChecked: 1, rowsWritten: 1 });
  });

  it('refuses a TCVN3 name naming its Unicode form, and imports it converted once the user chooses fixEncoding', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '05/2008' });
    const bytes = await mojWorkbook([rec({ so: '51', meHoTen: 'NguyÔn ThÞ H\u00AD¬ng' }), rec({ so: '52', chaHoTen: '\u00D0ặng Văn Tú' })]);
    const { view, errorReport } = await importFile(ctx, { fileName: 'tcvn3.xlsx', bytes, bookId: book.id });
    expect(view.status).toBe('failed');
    const lines = readXlsx(errorReport!)
      .rows('DL Import')
      .slice(1)
      .map((r) => r.at(-1)!.text);
    expect(lines[0]).toMatch(/Lỗi \[meHoTen\]: .*TCVN3.*Đề xuất: Chuyển sang Unicode: Nguyễn Thị Hương\. Để áp dụng, nhập lại tệp với tùy chọn chuyển bảng mã/);
    expect(lines[1]).toMatch(/Lỗi \[chaHoTen\]: .*Đề xuất: Sửa thành: Đặng Văn Tú/);

    const fixed = await importFile(ctx, { fileName: 'tcvn3.xlsx', bytes, bookId: book.id, fixEncoding: true });
    expect(fixed.view).toMatchObject({ status: 'imported', rowsImported: 2 });
    expect(fixed.view.report.rows.flatMap((r) => r.warnings)).toEqual([
      expect.stringMatching(/^\[meHoTen\] Đã chuyển từ bảng mã cũ \(TCVN3\/VNI\) sang Unicode: "NguyÔn ThÞ H.¬ng" thành "Nguyễn Thị Hương"\.$/),
      expect.stringMatching(/^\[chaHoTen\] Đã sửa chữ cái thuộc bảng chữ khác .*"Đặng Văn Tú"\.$/),
    ]);
    const stored = await ctx.store.db.selectFrom('records').select('values').where('book_id', '=', book.id).orderBy('created_at').execute();
    expect(stored.map((r) => [r.values.meHoTen, r.values.chaHoTen])).toEqual([
      ['Nguyễn Thị Hương', 'Phạm Văn Tú'],
      ['Nguyễn Thị Lan', 'Đặng Văn Tú'],
    ]);
  });

  it('without a book, creates one book per (quyển số, year of ngày đăng ký) with the authority written in the file', async () => {
    const rows = [
      rec({ so: '1', quyenSo: '01/2018', ngayDangKy: '05.01.2018', nksNgaySinh: '01.01.2018' }),
      rec({ so: '2', quyenSo: '01/2018', ngayDangKy: '06.01.2018', nksNgaySinh: '01.01.2018' }),
      rec({ so: '1', quyenSo: '01/2019', ngayDangKy: '07.01.2019', nksNgaySinh: '01.01.2019', noiDangKy: 'UBND xã Mỹ Đức' }),
    ];
    const { view } = await importFile(ctx, { fileName: 'nhieu-quyen.xlsx', bytes: await mojWorkbook(rows) });
    expect(view).toMatchObject({ status: 'imported', rowsImported: 3, bookId: null });
    const books = await ctx.store.db
      .selectFrom('books')
      .selectAll()
      .where(
        'id',
        'in',
        view.report.books.map((b) => b.id),
      )
      .orderBy('year_from')
      .execute();
    expect(books.map((b) => [b.volume_no, b.year_from, b.authority_text, b.template_version])).toEqual([
      ['01/2018', 2018, CLEAN_KS_RECORD.noiDangKy, 'KS-70'],
      ['01/2019', 2019, 'UBND xã Mỹ Đức', 'KS-70'],
    ]);
    expect(view.report.books.map((b) => b.records)).toEqual([2, 1]);
  });

  it("skips rows already in the book whatever the file's line endings, encoding or tone placement, and makes no second book", async () => {
    const rows = [
      rec({ so: '31', quyenSo: '07/2016', ngayDangKy: '05.03.2016', nksNgaySinh: '01.03.2016', nksHoTen: 'Nguyễn Thị Thuý Hoà' }),
      rec({ so: '32', quyenSo: '07/2016', ngayDangKy: '06.03.2016', nksNgaySinh: '01.03.2016' }),
    ] as Record<string, string>[];
    const keys = Object.keys(rows[0]!);
    const first = (await importFile(ctx, { fileName: 'dot-1.csv', bytes: csvFile(rows, keys) })).view;
    expect(first).toMatchObject({ status: 'imported', rowsImported: 2 });
    const bookId = first.report.books[0]!.id;
    const before = await counts(ctx.store);
    const lf = Buffer.from(csvFile(rows, keys).toString('utf8').replace(/\r\n/g, '\n'));
    const again = (await importFile(ctx, { fileName: 'dot-1-lf.csv', bytes: lf })).view;
    expect(again).toMatchObject({ status: 'imported', rowsImported: 0 });
    expect(again.report.books.map((b) => [b.id, b.records])).toEqual([[bookId, 0]]);
    expect(again.report.notes.join(' ')).toContain('Bỏ qua 2 dòng đã có trong sổ (cùng số, ngày đăng ký và họ tên');
    const retyped = [{ ...rows[0]!, so: '031', nksHoTen: 'NGUYỄN THỊ THÚY HÒA', ngayDangKy: '5/3/2016' }, rows[1]!, { ...rows[1]!, so: '33', nksHoTen: 'Lê Văn Mới' }];
    const text = csvFile(retyped, keys, { bom: false }).toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const third = (await importFile(ctx, { fileName: 'dot-1-utf16.csv', bytes: utf16 })).view;
    expect(third).toMatchObject({ status: 'imported', rowsImported: 1 });
    expect(third.summary).toContain('Đã nhập 1 bản ghi');
    expect(third.report.notes.join(' ')).toContain('Bỏ qua 2 dòng đã có trong sổ');
    const after = await counts(ctx.store);
    expect([after.books, after.records]).toEqual([before.books, before.records + 1]);
  });

  it('refuses a book of another register type, and a broken file, changing nothing', async () => {
    const kt = await createBook(ctx, { registerType: 'KT', authority: 'UBND xã An Nhơn', yearFrom: 2008 });
    const before = await counts(ctx.store);
    const e = await refusal(importFile(ctx, { fileName: 'ks.xlsx', bytes: await mojWorkbook([rec({ so: '41' })]), bookId: kt.id }));
    expect(e.code).toBe('import.book_type_mismatch');
    expect(e.message).toMatch(/mẫu KS-70 \(Sổ đăng ký khai sinh\) nhưng quyển đã chọn là Sổ đăng ký khai tử/);
    expect((await refusal(importFile(ctx, { fileName: 'x.xlsx', bytes: Buffer.from('%PDF-1.4') }))).code).toBe('import.not_table');
    expect(await counts(ctx.store)).toEqual(before);
  });

  it('importRecord: a replayed row finds its record and adds nothing', async () => {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: '06/2008' });
    const source = { kind: 'import' as const, importId: '00000000-0000-4000-8000-000000000001', file: 'r.xlsx', sheet: 'DL Import', row: 2, sha256: 'a'.repeat(64) };
    const input = {
      bookId: book.id,
      registerType: 'KS',
      templateId: 'KS-70',
      values: CLEAN_KS_RECORD,
      acknowledge: [],
      source,
      clientTxId: 'imp-replay-test-0001',
      today: ctx.clock(),
      actor: ctx.actor,
    };
    const first = await ctx.store.db.transaction().execute((tx) => importRecord(tx, input));
    const before = await counts(ctx.store);
    const second = await ctx.store.db.transaction().execute((tx) => importRecord(tx, input));
    expect(second).toEqual({ recordId: first.recordId, replayed: true });
    expect(await counts(ctx.store)).toEqual(before);
    const bad = { ...input, clientTxId: 'imp-replay-test-0002', values: patchValues(CLEAN_KS_RECORD, { nksHoTen: undefined }) };
    expect((await refusal(ctx.store.db.transaction().execute((tx) => importRecord(tx, bad)))).code).toBe('import.row_not_completable');
    expect(await counts(ctx.store)).toEqual(before);
  });
});
