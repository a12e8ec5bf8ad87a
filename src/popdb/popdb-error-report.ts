/**
 * The error report of a refused result file, built the way src/exchange's
 * import report is: the file's own header and rows at their original row and
 * column (so the user fixes them in place and imports the whole file again),
 * one more column "Lỗi" listing each row's errors in Vietnamese (red), the
 * header frozen, and a guide sheet. The reader ignores the "Lỗi" column, so
 * the corrected report is itself a valid result file.
 */
import ExcelJS from 'exceljs';
import type { RowErrors } from './popdb-rows.js';
import type { ResultTable } from './popdb-read.js';

export const ERROR_COLUMN = 'Lỗi';
const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8C9C9' } } as const;

function errorColumnOf(table: ResultTable): number {
  const existing = [...table.header].find(([, text]) => text.trim() === ERROR_COLUMN);
  return existing ? existing[0] + 1 : Math.max(0, ...table.header.keys()) + 2;
}

export async function buildPopdbErrorReport(fileName: string, table: ResultTable, bad: readonly RowErrors[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.sheet || 'DoiChieu', { views: [{ state: 'frozen', ySplit: table.headerRowNo }] });
  const errorCol = errorColumnOf(table);
  ws.getColumn(errorCol).width = 80;
  const head = ws.getRow(table.headerRowNo);
  for (const [col, text] of table.header) head.getCell(col + 1).value = text;
  head.getCell(errorCol).value = ERROR_COLUMN;
  head.getCell(errorCol).fill = RED;
  head.font = { bold: true };
  const byRow = new Map(bad.map((b) => [b.row, b.errors]));
  for (const src of table.rows) {
    const row = ws.getRow(src.rowNo);
    for (const [col, text] of src.raw) {
      if (col + 1 === errorCol) continue;
      row.getCell(col + 1).value = text;
      row.getCell(col + 1).numFmt = '@';
    }
    const errors = byRow.get(src.rowNo) ?? [];
    const last = row.getCell(errorCol);
    last.value = errors.length > 0 ? errors.join('\n') : null;
    last.alignment = { wrapText: true, vertical: 'top' };
    if (errors.length > 0) last.fill = RED;
  }
  const guide = wb.addWorksheet('Hướng dẫn');
  [
    `Báo cáo lỗi khi nhập tệp kết quả đối chiếu "${fileName}".`,
    'Không dòng nào được nhập: khi còn một dòng có lỗi thì cả tệp chưa được nhập (tất cả hoặc không gì cả).',
    `Cột "${ERROR_COLUMN}" (cột cuối) ghi lỗi của từng dòng.`,
    'Hãy sửa các dòng có lỗi, lưu tệp, rồi nhập lại chính tệp này (cột "Lỗi" được bỏ qua khi nhập).',
  ].forEach((text, i) => (guide.getCell(i + 1, 1).value = text));
  guide.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
