/** The tolerant HTML-table / SpreadsheetML reader behind ".xls" exports. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, readHtmlTable } from './html-table-reader.js';

describe('decodeEntities', () => {
  it('decodes named, Latin-1 accented, decimal and hex entities', () => {
    expect(decodeEntities('Ph&#432;&#7901;ng Ph&uacute;c X&aacute; &amp; B&#x1EA1;ch&nbsp;Mai &Ecirc;')).toBe('Phường Phúc Xá & Bạch Mai Ê');
    expect(decodeEntities('&unknown; 5 &lt; 6')).toBe('&unknown; 5 < 6');
  });
});

describe('readHtmlTable', () => {
  it('reads rows of the largest table, tolerating missing end tags, <br> and colspan', () => {
    const html = `<html><head><style>td{}</style></head><body>
      <table><tr><td>menu</td></tr></table>
      <table border=1>
        <tr><td colspan="2"><b>DANH MỤC</b></td><td>x</td>
        <tr><th>Mã<th>Tên<th>Ghi chú
        <tr><td>00001</td><td>Phường<br/>Phúc Xá</td><td></td></tr>
      </table></body></html>`;
    expect(readHtmlTable(html)).toEqual([
      { cells: ['DANH MỤC', '', 'x'], line: 1 },
      { cells: ['Mã', 'Tên', 'Ghi chú'], line: 2 },
      { cells: ['00001', 'Phường Phúc Xá', ''], line: 3 },
    ]);
  });
  it('reads SpreadsheetML (Excel 2003 XML) with ss:Index gaps', () => {
    const xml = `<?xml version="1.0"?><Workbook><Worksheet ss:Name="S"><Table>
      <Row><Cell><Data ss:Type="String">Mã</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">C</Data></Cell></Row>
      <Row><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>`;
    expect(readHtmlTable(xml).map((r) => r.cells)).toEqual([['Mã', '', 'C'], ['1']]);
  });
  it('gives no rows when there is no table', () => {
    expect(readHtmlTable('<html><body><p>Không có dữ liệu</p></body></html>')).toEqual([]);
  });
});
