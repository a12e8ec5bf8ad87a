/**
 * From raw rows to a header and data rows. The header is the first non-empty
 * row whose columns name a known format (title rows above it are skipped with
 * a warning). Data rows are squared to the header's width: in delimited text a
 * short LAST row means the file was cut ('units.file_truncated'); a short row
 * elsewhere, or extra non-empty cells, is read with a warning. Blank rows are
 * not data and are skipped.
 */
import { detectFormat, nearestFormat, missingColumns, UNIT_FORMATS, type UnitFormatId } from './format-catalog.js';
import { isBlankRow, type TableRow } from './table-row.js';
import { fileError, where } from './unit-file-error.js';

export interface TableLayout {
  format: UnitFormatId;
  header: string[];
  rows: TableRow[];
  warnings: string[];
}

/** How many non-empty rows may stand above the header (titles, dates, notes). */
const MAX_TITLE_ROWS = 10;

function cleanHeader(cells: readonly string[]): string[] {
  return cells.map((c) =>
    c
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function unknownHeader(fileName: string, row: TableRow): Error {
  const found = cleanHeader(row.cells).filter((c) => c !== '');
  const near = nearestFormat(found);
  if (near) {
    const missing = missingColumns(near, found).join(', ');
    return fileError('units.missing_column', fileName, `thiếu cột ${missing} của định dạng "${near.label}".`, row.line);
  }
  const accepted = UNIT_FORMATS.map((f) => `"${f.label}" (${f.requiredColumns.join(', ')})`).join('; ');
  const detail = `không nhận ra định dạng từ dòng tiêu đề. Các cột tìm thấy: ${found.join(', ') || '(không có)'}. Các định dạng được chấp nhận: ${accepted}.`;
  return fileError('units.format_unknown', fileName, detail, row.line);
}

function findHeader(fileName: string, rows: readonly TableRow[]): { index: number; format: UnitFormatId } {
  const candidates = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row));
  const first = candidates[0];
  if (!first) throw fileError('units.file_empty', fileName, 'tệp không có dữ liệu.');
  for (const { row, index } of candidates.slice(0, MAX_TITLE_ROWS)) {
    const format = detectFormat(cleanHeader(row.cells));
    if (format) return { index, format };
  }
  throw unknownHeader(fileName, first.row);
}

function squared(row: TableRow, width: number, fileName: string, warnings: string[]): TableRow {
  const extra = row.cells.slice(width).filter((c) => c.trim() !== '');
  if (extra.length > 0) warnings.push(`${where(fileName, row.line)}: có ${extra.length} ô ngoài các cột của tiêu đề (${extra.join(', ')}); các ô này bị bỏ qua.`);
  const cells = row.cells.slice(0, width);
  while (cells.length < width) cells.push('');
  return { cells, line: row.line };
}

function checkShortRows(rows: readonly TableRow[], width: number, fileName: string, warnings: string[]): void {
  rows.forEach((row, i) => {
    if (row.cells.length >= width) return;
    const detail = `chỉ có ${row.cells.length} ô trong khi tiêu đề có ${width} cột`;
    if (i === rows.length - 1) throw fileError('units.file_truncated', fileName, `${detail}; tệp có thể bị cắt cụt ở dòng cuối.`, row.line);
    warnings.push(`${where(fileName, row.line)}: ${detail}; các ô thiếu được coi là trống.`);
  });
}

/** `strictWidth`: delimited text, where every row writes every column. */
export function layoutTable(fileName: string, raw: readonly TableRow[], strictWidth: boolean): TableLayout {
  const { index, format } = findHeader(fileName, raw);
  const headerRow = raw[index] as TableRow;
  const header = cleanHeader(headerRow.cells);
  const warnings: string[] = [];
  const skipped = raw.slice(0, index).filter((row) => !isBlankRow(row)).length;
  if (skipped > 0) warnings.push(`${where(fileName)}: bỏ qua ${skipped} dòng phía trên dòng tiêu đề (dòng ${headerRow.line}).`);
  const data = raw.slice(index + 1).filter((row) => !isBlankRow(row));
  if (strictWidth) checkShortRows(data, header.length, fileName, warnings);
  return { format, header, rows: data.map((row) => squared(row, header.length, fileName, warnings)), warnings };
}
