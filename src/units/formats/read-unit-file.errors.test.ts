/** Every way a file is refused: the UnitFileError code, and a Vietnamese message naming the file and row. */
import { describe, expect, it } from 'vitest';
import { decodeTcvn3 } from '../../vn/index.js';
import { readUnitFile, UnitFileError, type FileContent } from './index.js';

const HEADER = 'Mã,Tên,Tên Tiếng Anh,Cấp,Mã QH,Quận Huyện,Mã TP,Tỉnh / Thành Phố';
const ROW_1 = '00001,Phường Phúc Xá,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội';
const ROW_2 = '00004,Phường Trúc Bạch,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội';
const utf8 = (name: string, text: string): FileContent => ({ name, bytes: new TextEncoder().encode(text) });

async function failure(file: FileContent): Promise<UnitFileError> {
  const error: unknown = await readUnitFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnitFileError);
  const e = error as UnitFileError;
  expect(e.message).toContain(`Tệp "${file.name}"`);
  return e;
}

/** TCVN3 bytes of a Unicode text, built from the decoder's own table. */
function encodeTcvn3(text: string): string {
  const inverse = new Map<string, string>();
  for (let b = 0xa1; b <= 0xfe; b++) {
    const byte = String.fromCharCode(b);
    if (decodeTcvn3(byte) !== byte) inverse.set(decodeTcvn3(byte), byte);
  }
  return Array.from(text, (ch) => inverse.get(ch) ?? ch).join('');
}

describe('readUnitFile refuses bad files with a Vietnamese message naming the file', () => {
  it.each([
    ['0 bytes', new Uint8Array()],
    ['BOM and blank lines', new TextEncoder().encode('\uFEFF\r\n \r\n')],
  ])('empty file: %s', async (_label, bytes) => {
    const e = await failure({ name: 'rong.csv', bytes });
    expect(e.code).toBe('units.file_empty');
    expect(e.message).toMatch(/trống/);
  });

  it('binary XLS (CFB signature): asks to save as .xlsx or .csv', async () => {
    const bytes = new Uint8Array(512);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await failure({ name: 'DanhMuc.xls', bytes });
    expect(e.code).toBe('units.xls_binary');
    expect(e.message).toMatch(/\.xlsx/);
    expect(e.message).toMatch(/CSV/);
  });

  it('a broken zip named .xlsx', async () => {
    const e = await failure({ name: 'hong.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(e.code).toBe('units.file_unreadable');
  });

  it('unknown header: lists the accepted formats and the columns found', async () => {
    const e = await failure(utf8('nguoi.csv', 'Họ tên;Ngày sinh;Nơi sinh\nA;1.1.2000;Hà Nội\n'));
    expect(e.code).toBe('units.format_unknown');
    expect(e.message).toContain('Họ tên, Ngày sinh, Nơi sinh');
    expect(e.message).toContain('Danh mục xã, phường, thị trấn của Tổng cục Thống kê');
    expect(e.message).toContain('Mã QH');
  });

  it('missing required column: names it and the format it was close to', async () => {
    const e = await failure(utf8('thieu.csv', `${HEADER.replace(',Mã QH', '')}\n`));
    expect(e.code).toBe('units.missing_column');
    expect(e.message).toContain('thiếu cột Mã QH của định dạng "Danh mục xã, phường, thị trấn');
  });

  it('a file cut in the middle of its last row', async () => {
    const text = `${HEADER}\n${ROW_1}\n${ROW_2}\n`;
    const e = await failure(utf8('cut.csv', text.slice(0, text.length - 30)));
    expect(e).toMatchObject({ code: 'units.file_truncated', row: 3 });
    expect(e.message).toMatch(/cắt cụt/);
  });

  it('a file cut inside a quoted cell', async () => {
    const e = await failure(utf8('cut2.csv', `${HEADER}\n${ROW_1}\n00004,"Phường Trúc`));
    expect(e).toMatchObject({ code: 'units.file_truncated', row: 3 });
  });

  it.each([
    ['1.5', 'không phải số nguyên'],
    ['123456', 'dài hơn 5 chữ số'],
    ['', 'thiếu mã'],
  ])('a bad commune code %j, with its row', async (code, reason) => {
    const e = await failure(utf8('ma.csv', `${HEADER}\n${ROW_1}\n${ROW_2.replace('00004', code)}\n`));
    expect(e).toMatchObject({ code: 'units.bad_code', row: 3 });
    expect(e.message).toContain(reason);
  });

  it('a required name left empty', async () => {
    const e = await failure(utf8('ten.csv', `${HEADER}\n${ROW_2.replace('Quận Ba Đình', '')}\n`));
    expect(e).toMatchObject({ code: 'units.missing_value', row: 2 });
  });

  it('the same code with another name inside one file', async () => {
    const e = await failure(utf8('trung.csv', `${HEADER}\n${ROW_1}\n${ROW_2.replace('Quận Ba Đình', 'Quận Hoàn Kiếm')}\n`));
    expect(e).toMatchObject({ code: 'units.conflict', row: 3 });
    expect(e.message).toContain('Quận Ba Đình');
    expect(e.message).toContain('Quận Hoàn Kiếm');
  });

  it('keeps a mere spelling variant (Hoà/Hòa) with a warning instead', async () => {
    const batch = await readUnitFile(utf8('hoa.csv', `${HEADER}\n${ROW_1}\n${ROW_2.replace(/Hà Nội/, 'HÀ NỘI').replace('Thành phố', 'Thành Phố')}\n`));
    expect(batch.units.find((u) => u.code === '01')?.name).toBe('Thành phố Hà Nội');
    expect(batch.warnings).toHaveLength(1);
    expect(batch.warnings[0]).toMatch(/^Tệp "hoa.csv", dòng 3: .*giữ cách viết đầu tiên/);
  });

  it('a row typed in TCVN3, as UTF-8 mojibake or as raw 8-bit bytes', async () => {
    const legacy = encodeTcvn3(ROW_2);
    expect(legacy).toContain('Thµnh phè Hµ Néi');
    const e = await failure(utf8('abc.csv', `${HEADER}\n${ROW_1}\n${legacy}\n`));
    expect(e).toMatchObject({ code: 'units.legacy_encoding', row: 3 });
    expect(e.message).toContain('TCVN3');
    const raw = Uint8Array.from(`Ma,Ten,Ten Tieng Anh,Cap,Ma QH,Quan Huyen,Ma TP,Tinh\n${legacy}\n`, (ch) => ch.charCodeAt(0) & 0xff);
    expect((await failure({ name: 'abc8bit.csv', bytes: raw })).code).toBe('units.legacy_encoding');
  });
});
