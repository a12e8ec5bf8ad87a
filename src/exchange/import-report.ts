/**
 * The error report of a failed import: the file's own header and rows, each
 * at its original row and column (so "Ô E5" in a message is cell E5 here too;
 * every row, so the user fixes them in place and imports the whole file
 * again), with one more column "Lỗi" after the last one listing each row's
 * ERRORs and WARNINGs in Vietnamese, the cells at fault coloured (red: error,
 * yellow: warning), the header row frozen. The importer ignores the "Lỗi"
 * column, so the corrected report is itself a valid import file. Written
 * with exceljs' streaming writer (memory flat in the rows).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Finding } from '../registers/index.js';
import { DATA_SHEET } from './export-row.js';
import { ERROR_COLUMN, isErrorColumn } from './import-header.js';
import type { RowOutcome } from './import-rows.js';
import { tableRows, type Cell, type ImportTable } from './import-table.js';

const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8C9C9' } } as const;
const YELLOW = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2B3' } } as const;

export interface ReportColumns {
  /** Field key → the file's column (0-based). */
  colOfKey: ReadonlyMap<string, number>;
}

/** The stored value itself (unlike cellText: a number stays a number, so its date style still applies). */
const cellValue = (c: Cell): ExcelJS.CellValue => (c.t === 'empty' ? null : c.v);

/** Findings the import's fixEncoding option resolves. */
const CONVERTIBLE = new Set(['text.legacy_encoding', 'text.lookalike']);

const suggestion = (f: Finding) => (f.fix && CONVERTIBLE.has(f.code) ? ` Đề xuất: ${f.fix.label}. Để áp dụng, nhập lại tệp với tùy chọn chuyển bảng mã (fixEncoding=1, --fix-encoding).` : '');

export function errorLines(findings: readonly Finding[]): string {
  const line = (f: Finding) => `${f.severity === 'ERROR' ? 'Lỗi' : 'Cảnh báo'} [${f.path === 'row' ? 'cả dòng' : f.path}]: ${f.message}${suggestion(f)}`;
  const errors = findings.filter((f) => f.severity === 'ERROR');
  const warnings = findings.filter((f) => f.severity === 'WARNING');
  return [...errors, ...warnings].map(line).join('\n');
}

function writeHeader(ws: ExcelJS.Worksheet, table: ImportTable, errorCol: number): void {
  const row = ws.getRow(table.headerRowNo);
  for (const [col, text] of table.header) row.getCell(col + 1).value = text;
  row.getCell(errorCol).value = ERROR_COLUMN;
  row.font = { bold: true };
  row.getCell(errorCol).fill = RED;
}

function markCells(row: ExcelJS.Row, findings: readonly Finding[], cols: ReportColumns): void {
  for (const f of findings) {
    const col = cols.colOfKey.get(f.path);
    if (col === undefined) continue;
    const cell = row.getCell(col + 1);
    if (f.severity === 'ERROR' || cell.fill === undefined) cell.fill = f.severity === 'ERROR' ? RED : YELLOW;
  }
}

function writeRow(ws: ExcelJS.Worksheet, src: ImportTable['rows'][number], outcome: RowOutcome | undefined, cols: ReportColumns, errorCol: number): void {
  const row = ws.getRow(src.rowNo);
  for (const [col, c] of src.cells) {
    if (col + 1 === errorCol) continue;
    const cell = row.getCell(col + 1);
    cell.value = cellValue(c);
    if (c.t === 'number' && c.dateStyle) cell.numFmt = 'dd.mm.yyyy';
    else if (c.t === 'text') cell.numFmt = '@';
  }
  const findings = outcome?.findings ?? [];
  const lines = errorLines(findings);
  const last = row.getCell(errorCol);
  last.value = lines || null;
  last.alignment = { wrapText: true, vertical: 'top' };
  if (findings.some((f) => f.severity === 'ERROR')) last.fill = RED;
  else if (lines) last.fill = YELLOW;
  markCells(row, findings, cols);
}

function writeGuide(wb: ExcelJS.stream.xlsx.WorkbookWriter, fileName: string, fileNotes: readonly string[]): void {
  const ws = wb.addWorksheet('Hướng dẫn');
  const lines = [
    `Báo cáo lỗi khi nhập tệp "${fileName}".`,
    'Không có bản ghi nào được nhập: khi còn một dòng có lỗi thì cả tệp chưa được nhập (tất cả hoặc không gì cả).',
    `Cột "${ERROR_COLUMN}" (cột cuối cùng của trang dữ liệu) ghi lỗi và cảnh báo của từng dòng; ô sai tô đỏ, ô cần đối chiếu tô vàng.`,
    'Hãy sửa các ô tô đỏ theo đúng sổ, lưu tệp, rồi nhập lại chính tệp này (cột "Lỗi" được bỏ qua khi nhập).',
    'Cảnh báo (tô vàng) không chặn việc nhập: người nhập tệp xác nhận đã đối chiếu.',
    ...fileNotes,
  ];
  ws.getColumn(1).width = 120;
  lines.forEach((text, i) => (ws.getCell(i + 1, 1).value = text));
  ws.commit();
}

/** 1-based: the file's "Lỗi" column when it has one (a report imported again), else after the last named column. */
export function errorColumnOf(table: ImportTable): number {
  const existing = [...table.header].find(([, text]) => isErrorColumn(text));
  if (existing) return existing[0] + 1;
  return Math.max(0, ...table.header.keys()) + 2;
}

/**
 * Written with exceljs' streaming writer into a temporary file, each row committed as soon as it is written
 * and the rows read one at a time (tableRows: from the table's spill file for a big xlsx), so memory does not
 * grow with the file; the finished xlsx is read back as the answer.
 */
export async function buildErrorReport(fileName: string, table: ImportTable, outcomes: readonly RowOutcome[], cols: ReportColumns, fileNotes: readonly string[] = []): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'hotich-report-'));
  try {
    const filename = join(dir, 'report.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet(table.sheet || DATA_SHEET, { views: [{ state: 'frozen', ySplit: table.headerRowNo }] });
    const errorCol = errorColumnOf(table);
    ws.getColumn(errorCol).width = 80;
    writeHeader(ws, table, errorCol);
    ws.getRow(table.headerRowNo).commit();
    const byRow = new Map(outcomes.map((o) => [o.rowNo, o]));
    for await (const src of tableRows(table)) {
      writeRow(ws, src, byRow.get(src.rowNo), cols, errorCol);
      ws.getRow(src.rowNo).commit();
    }
    ws.commit();
    writeGuide(wb, fileName, fileNotes);
    await wb.commit();
    return await readFile(filename);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
