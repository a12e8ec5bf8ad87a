/**
 * readUnitFile end to end on generated GSO fixtures: the same rows as CSV
 * (comma, semicolon, UTF-16LE tab), XLSX with numeric codes, HTML-table .xls;
 * title rows, header-only files, short rows; Windows-1258 decoding.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readUnitFile, type FileContent } from './index.js';
import { decodeText } from './file-sniff.js';

const HEADER = ['Mã', 'Tên', 'Tên Tiếng Anh', 'Cấp', 'Mã QH', 'Quận Huyện', 'Mã TP', 'Tỉnh / Thành Phố'];
const ROWS = [
  ['00001', 'Phường Phúc Xá', 'Phuc Xa Ward, "old"', 'Phường', '001', 'Quận Ba Đình', '01', 'Thành phố Hà Nội'],
  ['00004', 'Phường Trúc Bạch', '', 'Phường', '001', 'Quận Ba Đình', '01', 'Thành phố Hà Nội'],
  ['26734', 'Phường Tân Định', 'Line 1\nLine 2', 'Phường', '760', 'Quận 1', '79', 'Thành phố Hồ Chí Minh'],
  ['', '', '', '', '318', 'Huyện Bạch Long Vĩ', '31', 'Thành phố Hải Phòng'],
];

const quote = (cell: string, sep: string) => (/[",\n;\t]/.test(cell) || cell.includes(sep) ? `"${cell.replace(/"/g, '""')}"` : cell);
const toCsv = (rows: string[][], sep = ',') => rows.map((r) => r.map((c) => quote(c, sep)).join(sep)).join('\r\n') + '\r\n';
const utf8 = (name: string, text: string): FileContent => ({ name, bytes: new TextEncoder().encode(text) });

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
  return bytes;
}

const baseline = () => readUnitFile(utf8('gso.csv', '\uFEFF' + toCsv([HEADER, ...ROWS])));

describe('readUnitFile on a GSO commune list', () => {
  it('gives each unit once, codes padded, parents set, kinds from names', async () => {
    const batch = await baseline();
    expect(batch.format).toBe('gso-communes');
    expect(batch.source).toBe('gso.csv');
    expect(batch.warnings).toEqual([]);
    const ids = batch.units.map((u) => `${u.level}:${u.code}`);
    expect(ids.sort()).toEqual(['commune:00001', 'commune:00004', 'commune:26734', 'district:001', 'district:318', 'district:760', 'province:01', 'province:31', 'province:79']);
    expect(batch.units.find((u) => u.code === '00001')).toEqual({ scheme: 'legacy', level: 'commune', code: '00001', name: 'Phường Phúc Xá', kind: 'phuong', parentCode: '001' });
    expect(batch.units.find((u) => u.code === '318')).toMatchObject({ level: 'district', kind: 'huyen', parentCode: '31' });
    expect(batch.units.find((u) => u.code === '79')).toMatchObject({ name: 'Thành phố Hồ Chí Minh', kind: 'thanh_pho_tw' });
  });

  it.each([
    ['semicolons', (t: string[][]) => utf8('gso;.csv', toCsv(t, ';'))],
    ['tabs in UTF-16LE (Excel "Unicode text")', (t: string[][]) => ({ name: 'gso.txt', bytes: utf16le(toCsv(t, '\t')) })],
    ['UTF-8 without BOM, LF only', (t: string[][]) => utf8('gso.csv', toCsv(t).replace(/\r\n/g, '\n'))],
  ])('reads the same units from %s', async (_label, make) => {
    const batch = await readUnitFile(make([HEADER, ...ROWS]));
    expect(batch.units).toEqual((await baseline()).units);
  });

  it('reads an XLSX whose codes were stored as numbers, restoring their zeros', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS');
    sheet.getRow(3).values = HEADER;
    ROWS.forEach((row, i) => {
      sheet.getRow(4 + i).values = row.map((cell, col) => ([0, 4, 6].includes(col) && cell !== '' ? Number(cell) : cell));
    });
    expect(sheet.getCell('A4').value).toBe(1);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const batch = await readUnitFile({ name: 'danh-muc.xlsx', bytes });
    expect(batch.units).toEqual((await baseline()).units);
    expect(batch.warnings).toEqual([]);
  });

  it('reads an HTML table saved as .xls, decoding entities', async () => {
    const td = (c: string) => `<td>${c.replace(/&/g, '&amp;').replace(/ư/g, '&#432;').replace(/\n/g, '<br>')}`;
    const body = [HEADER, ...ROWS].map((r) => `<tr>${r.map(td).join('')}\n`).join('');
    const html = `\uFEFF  <html><meta charset="utf-8"><body><table border="1">\n${body}</table></body></html>`;
    const batch = await readUnitFile(utf8('DanhMuc.xls', html));
    expect(batch.units).toEqual((await baseline()).units);
  });

  it('skips title rows above the header, with a warning naming the header row', async () => {
    const batch = await readUnitFile(utf8('t.csv', toCsv([['DANH MỤC ĐƠN VỊ HÀNH CHÍNH'], [''], HEADER, ...ROWS])));
    expect(batch.units).toHaveLength(9);
    expect(batch.warnings).toEqual(['Tệp "t.csv": bỏ qua 1 dòng phía trên dòng tiêu đề (dòng 3).']);
  });

  it('accepts a header-only file: a valid, empty batch with one warning', async () => {
    const batch = await readUnitFile(utf8('empty-list.csv', toCsv([HEADER])));
    expect(batch).toMatchObject({ format: 'gso-communes', units: [], successors: [], aliases: [] });
    expect(batch.warnings).toEqual(['Tệp "empty-list.csv": tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.']);
  });

  it('reads a short row in the middle with a warning, never dropping it', async () => {
    const rows = ROWS.map((r, i) => (i === 1 ? r : [...r, '']));
    const batch = await readUnitFile(utf8('s.csv', toCsv([[...HEADER, 'Ghi chú'], ...rows])));
    expect(batch.units).toEqual((await baseline()).units);
    expect(batch.warnings).toEqual(['Tệp "s.csv", dòng 3: chỉ có 8 ô trong khi tiêu đề có 9 cột; các ô thiếu được coi là trống.']);
  });
});

describe('decodeText', () => {
  it('reads non-UTF-8 Vietnamese as Windows-1258, with a warning', () => {
    const decoded = decodeText(Uint8Array.from([0x48, 0x61, 0xcc, 0x20, 0x4e, 0xf4, 0xf2, 0x69]));
    expect(decoded.text).toBe('Hà Nội');
    expect(decoded.warning).toMatch(/Windows-1258/);
  });
});
