/**
 * Reading import files, without a database: the official MoJ template, header
 * tolerance, Excel dates and numbers, lost leading zeros, formulas, merged
 * cells, missing columns, unknown registers, CSV encodings, and the bad
 * inputs (not a spreadsheet, encrypted, legacy .xls, zip bombs, a million
 * empty rows). Bad files are generated here, in memory.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { csvFile, mojWorkbook, type CellInput } from '../../test/support/import-files.js';
import { craftZip, entryOf, inlineRow, sheetClose, sheetOpen, streamedEntry, xlsxFrame } from '../../test/support/zip-craft.js';
import { AppError } from '../core/index.js';
import { getTemplate } from '../registers/index.js';
import { readCsvTable } from './import-csv.js';
import { checkHeaderMerges, checkRows, planColumns, type RowOutcome } from './import-rows.js';
import { sniffImportFile } from './import-sniff.js';
import { readXlsxTable, type MatchedTable } from './import-xlsx.js';

const TODAY = new Date('2026-11-25T12:00:00');

async function rowsOf(m: MatchedTable): Promise<RowOutcome[]> {
  checkHeaderMerges(m.table);
  return checkRows(m.table, planColumns(m.match), TODAY);
}

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const e: unknown = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const codes = (o: RowOutcome, severity: 'ERROR' | 'WARNING') => o.findings.filter((f) => f.severity === severity).map((f) => `${f.path}:${f.code}`);

describe('the official MoJ template', () => {
  it.runIf(hasShared('data', 'moj-templates', 'khai-sinh-template-70col.xlsx'))('is recognised as KS-70 with all 70 columns and its 3 sample rows', async () => {
    const m = await readXlsxTable(readFileSync(sharedPath('data', 'moj-templates', 'khai-sinh-template-70col.xlsx')));
    expect(m.match.template.id).toBe('KS-70');
    expect(m.match.columns.size).toBe(70);
    expect(m.table.sheet).toBe('DL Import');
    const rows = await rowsOf(m);
    expect(rows.map((r) => r.rowNo)).toEqual([2, 3, 4]);
    expect(rows[0]!.values).toMatchObject({ so: '01/2018', ngayDangKy: '27.10.2008', loaiDangKy: '1', nksHoTen: 'Phạm Anh Đài' });
    expect(rows[0]!.values.STT).toBeUndefined(); // STT is the file's numbering
    expect(codes(rows[2]!, 'WARNING')).toContain('nycSoGiayToTuyThan:import.number_as_text');
  });
});

describe('header matching', () => {
  it('tolerates case, spaces, line breaks and i=[…] hints, and ignores the "Lỗi" column', async () => {
    const keys = Object.keys(CLEAN_KS_RECORD);
    const headers = keys.map((k, i) => (i % 3 === 0 ? ` ${k.toUpperCase()}  ` : i % 3 === 1 ? `${k}\r\ni=[1,2,3]` : k.toLowerCase()));
    const m = await readXlsxTable(await mojWorkbook([CLEAN_KS_RECORD], { keys: [...keys, 'Lỗi'], headers: [...headers, 'Lỗi '] }));
    expect(m.match.template.registerType).toBe('KS');
    expect(m.match.unknown).toEqual([]);
    const [row] = await rowsOf(m);
    expect(row!.values).toEqual(CLEAN_KS_RECORD);
    expect(row!.findings).toEqual([]);
  });

  it('tells KS-60 (older vendor layout) from KS-70 by its columns', async () => {
    const ks60 = getTemplate('KS-60').fields.map((f) => f.key);
    const m = await readXlsxTable(await mojWorkbook([CLEAN_KS_RECORD], { templateId: 'KS-60', keys: ks60, headers: ks60 }));
    expect(m.match.template.id).toBe('KS-60');
  });

  it('finds the header below title rows and in the second sheet', async () => {
    const bytes = await mojWorkbook([CLEAN_KS_RECORD], {
      before: (wb) => wb.addWorksheet('Bìa').addRow(['Danh sách khai sinh']),
      decorate: (ws) => ws.insertRow(1, ['SỔ ĐĂNG KÝ KHAI SINH — xã An Nhơn']),
    });
    const m = await readXlsxTable(bytes);
    expect([m.table.sheet, m.table.headerRowNo]).toEqual(['DL Import', 2]);
    expect((await rowsOf(m))[0]!.values.nksHoTen).toBe('Phạm Anh Đài');
  });

  it('refuses a header that matches no register, saying what it saw', async () => {
    const bytes = await mojWorkbook([{ a: 'Nguyễn Văn A' }], { keys: ['a', 'b'], headers: ['Họ và tên', 'Ngày sinh'] });
    const e = await refusal(readXlsxTable(bytes));
    expect(e.code).toBe('import.unknown_template');
    expect(e.message).toMatch(/Không nhận ra loại sổ.*Họ và tên/);
  });

  it('refuses a file without a required column, naming it', async () => {
    const keys = Object.keys(CLEAN_KS_RECORD).filter((k) => k !== 'nksHoTen');
    const m = await readXlsxTable(await mojWorkbook([CLEAN_KS_RECORD], { keys }));
    const e = await refusal(() => planColumns(m.match));
    expect(e.code).toBe('import.missing_column');
    expect(e.message).toContain('nksHoTen (Họ, chữ đệm, tên)');
  });
});

describe('cells that are not text', () => {
  const record = (patch: Record<string, CellInput>) => patchValues<CellInput>(CLEAN_KS_RECORD, patch);

  it('turns Excel dates into dd.mm.yyyy with a WARNING', async () => {
    const rows = await rowsOf(await readXlsxTable(await mojWorkbook([record({ ngayDangKy: new Date(Date.UTC(2008, 9, 27)), nksNgaySinh: 39692, chaNgaySinh: 1979 })])));
    expect(rows[0]!.values).toMatchObject({ ngayDangKy: '27.10.2008', nksNgaySinh: '01.09.2008', chaNgaySinh: '1979' });
    expect(codes(rows[0]!, 'WARNING')).toEqual(expect.arrayContaining(['ngayDangKy:import.date_serial', 'nksNgaySinh:import.date_serial', 'chaNgaySinh:import.number_as_text']));
    expect(codes(rows[0]!, 'ERROR')).toEqual([]);
  });

  it('keeps numbers as their digits with a WARNING, and reports lost leading zeros as ERRORs (never guessed)', async () => {
    const rows = await rowsOf(
      await readXlsxTable(
        await mojWorkbook([record({ so: 15, nksSoDinhDanh: 1208012345, meLoaiGiayToTuyThan: 1, meSoGiayToTuyThan: 12345678, chaLoaiGiayToTuyThan: '1', chaSoGiayToTuyThan: 123456789 })]),
      ),
    );
    const [row] = rows;
    expect(row!.values).toMatchObject({ so: '15', nksSoDinhDanh: '1208012345', meSoGiayToTuyThan: '12345678', chaSoGiayToTuyThan: '123456789' });
    expect(codes(row!, 'ERROR')).toEqual(expect.arrayContaining(['nksSoDinhDanh:import.leading_zero_lost', 'meSoGiayToTuyThan:import.leading_zero_lost']));
    expect(codes(row!, 'ERROR')).not.toContain('chaSoGiayToTuyThan:import.leading_zero_lost');
    expect(codes(row!, 'WARNING')).toEqual(expect.arrayContaining(['so:import.number_as_text', 'chaSoGiayToTuyThan:import.number_as_text']));
    expect(row!.findings.find((f) => f.code === 'import.leading_zero_lost')!.message).toMatch(/mất số 0 ở đầu.*còn 10 chữ số.*Không tự thêm số 0/);
  });

  it("uses a formula's cached value with a WARNING; a formula without one is an ERROR", async () => {
    const rows = await rowsOf(
      await readXlsxTable(
        await mojWorkbook([
          record({ trangSo: { formula: '50+5', result: 55 }, nksNoiSinh: { formula: 'CONCAT("Bệnh viện ","A")', result: 'Bệnh viện A' } }),
          record({ so: '16', trangSo: { formula: '50+6' } as CellInput }),
        ]),
      ),
    );
    expect(rows[0]!.values).toMatchObject({ trangSo: '55', nksNoiSinh: 'Bệnh viện A' });
    expect(codes(rows[0]!, 'WARNING')).toEqual(expect.arrayContaining(['trangSo:import.formula', 'nksNoiSinh:import.formula']));
    expect(codes(rows[0]!, 'ERROR')).toEqual([]);
    expect(codes(rows[1]!, 'ERROR')).toContain('trangSo:import.formula_no_value');
  });

  it('refuses merged data cells row by row, and a merged header outright', async () => {
    const two = [record({}), record({ so: '16' })];
    const data = await readXlsxTable(await mojWorkbook(two, { decorate: (ws) => ws.mergeCells('C2:C3') }));
    const rows = await rowsOf(data);
    expect(codes(rows[0]!, 'ERROR')).toEqual(['row:import.merged_cells']);
    expect(codes(rows[1]!, 'ERROR')).toEqual(['row:import.merged_cells', 'quyenSo:field.required']); // the value sits in C2 only
    expect(rows[1]!.findings[0]!.message).toContain('C2:C3');
    const header = await readXlsxTable(await mojWorkbook(two, { decorate: (ws) => ws.mergeCells('BR1:BS1') }));
    expect((await refusal(() => checkHeaderMerges(header.table))).code).toBe('import.merged_header');
  });
});

describe('files that are not a readable spreadsheet', () => {
  it('says what a PDF, an image or random bytes are', () => {
    expect(() => sniffImportFile('a.xlsx', Buffer.from('%PDF-1.7\n'))).toThrow(/là tệp PDF, không phải Excel/);
    expect(() => sniffImportFile('a.xlsx', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toThrow(/ảnh JPEG/);
    expect(() => sniffImportFile('a.xlsx', Buffer.from([1, 2, 0, 0, 9, 0]))).toThrow(/nhị phân/);
    expect(() => sniffImportFile('a.xlsx', Buffer.alloc(0))).toThrow(/rỗng/);
  });

  it('tells a password-protected workbook from a legacy .xls (both OLE containers)', () => {
    const cfb = (extra: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);
    expect(() => sniffImportFile('a.xlsx', cfb(Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le')))).toThrow(/đặt mật khẩu/);
    expect(() => sniffImportFile('a.xls', cfb(Buffer.from('Workbook', 'utf16le')))).toThrow(/Excel 97-2003 \(\.xls\)/);
  });

  it('refuses a zip that is not a workbook, and a broken zip', async () => {
    expect((await refusal(readXlsxTable(craftZip([entryOf('readme.txt', 'xin chào')])))).code).toBe('import.not_xlsx');
    const good = await mojWorkbook([CLEAN_KS_RECORD]);
    expect((await refusal(readXlsxTable(good.subarray(0, good.length - 30)))).code).toBe('import.not_xlsx');
  });
});

describe('zip bombs', () => {
  const zeros = (mb: number) =>
    (function* () {
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < mb; i++) yield chunk;
    })();

  it('refuses a sheet that declares 2 GB uncompressed before inflating anything', async () => {
    const sheet = { ...(await streamedEntry('xl/worksheets/sheet1.xml', zeros(1))), declaredSize: 2 * 1024 ** 3 };
    const e = await refusal(readXlsxTable(craftZip([...xlsxFrame(), sheet])));
    expect(e.code).toBe('import.zip_bomb');
    expect(e.message).toMatch(/bom nén.*khai báo 2048 MB/);
  });

  it('refuses an honest 64 MB of zeros by its compression ratio', async () => {
    const sheet = await streamedEntry('xl/worksheets/sheet1.xml', zeros(64));
    expect(sheet.deflated.length).toBeLessThan(200 * 1024);
    const e = await refusal(readXlsxTable(craftZip([...xlsxFrame(), sheet])));
    expect(e.message).toMatch(/tỉ lệ \d+:1/);
  });

  it('stops a part that inflates to more than it declared (a lying header)', async () => {
    const sheet = { ...(await streamedEntry('xl/worksheets/sheet1.xml', zeros(64))), declaredSize: 1000 };
    const e = await refusal(readXlsxTable(craftZip([...xlsxFrame(), sheet])));
    expect(e.code).toBe('import.zip_bomb');
  });
});

describe('a million empty rows', () => {
  it('are counted while streaming, not stored, and the data after them is read', async () => {
    const header = Object.keys(CLEAN_KS_RECORD);
    function* sheet() {
      yield sheetOpen + inlineRow(1, header);
      let chunk = '';
      for (let r = 2; r <= 1_000_001; r++) {
        chunk += `<row r="${r}" spans="1:70"/>`;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      yield (
        chunk +
        inlineRow(
          1_000_002,
          header.map((k) => CLEAN_KS_RECORD[k]!),
        ) +
        sheetClose
      );
    }
    const bytes = craftZip([...xlsxFrame(), await streamedEntry('xl/worksheets/sheet1.xml', sheet())]);
    expect(bytes.length).toBeLessThan(4 * 1024 ** 2);
    const m = await readXlsxTable(bytes);
    expect(m.table.emptyRows).toBe(1_000_000);
    const rows = await rowsOf(m);
    expect(rows.map((r) => [r.rowNo, r.values.nksHoTen])).toEqual([[1_000_002, 'Phạm Anh Đài']]);
  });
});

describe('CSV', () => {
  const keys = Object.keys(CLEAN_KS_RECORD);

  it('reads UTF-8 with or without BOM, comma or semicolon', async () => {
    for (const opts of [{}, { bom: false }, { delimiter: ';' }]) {
      const m = readCsvTable(csvFile([CLEAN_KS_RECORD], keys, opts));
      expect(m.table.kind).toBe('csv');
      const [row] = await rowsOf(m);
      expect(row!.values).toEqual(CLEAN_KS_RECORD);
      expect(row!.findings).toEqual([]);
    }
  });

  it('refuses text in a legacy 8-bit code page, naming TCVN3 when it reads as such', () => {
    const tcvn3 = Buffer.from(`${keys.join(',')}\r\n${keys.map((k) => (k === 'nksHoTen' ? 'Ph¹m V¨n §µi' : 'x')).join(',')}\r\n`, 'latin1');
    expect(() => readCsvTable(tcvn3)).toThrow(/TCVN3.*CSV UTF-8/);
    const latin = Buffer.from(`${keys.join(',')}\r\nCaf\xe9,x\r\n`, 'latin1');
    expect(() => readCsvTable(latin)).toThrow(/không phải Unicode UTF-8/);
  });
});
