/**
 * XLSX through exceljs (non-streaming): the first worksheet, every non-empty
 * row with its worksheet row number, every cell as text. Numbers come back as
 * written without grouping ("1", not "1.0"): zero padding of codes stored as
 * numbers is restored later by the format's padding rule (../unit-code.ts).
 */
import ExcelJS from 'exceljs';
import { fileError } from './unit-file-error.js';
import type { TableRow } from './table-row.js';

type Scalar = number | string | boolean | Date | ExcelJS.CellErrorValue | undefined;

function scalarText(v: Scalar): string {
  if (v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.error;
  return String(v);
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object' || v instanceof Date || 'error' in v) return scalarText(v);
  if ('richText' in v) return v.richText.map((run) => run.text).join('');
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  return scalarText(v.result);
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = cellText(cell.value).trim();
  });
  return cells;
}

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    return workbook;
  } catch {
    const detail = 'không đọc được tệp Excel (.xlsx): tệp bị hỏng, chưa tải xong hoặc không phải bảng tính.';
    throw fileError('units.file_unreadable', fileName, detail);
  }
}

/** The rows of the first worksheet; none when the workbook has no sheet. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<TableRow[]> {
  const sheet = (await loadWorkbook(bytes, fileName)).worksheets[0];
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => rows.push({ cells: rowCells(row), line }));
  return rows;
}
