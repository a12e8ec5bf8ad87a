/**
 * From a file's bytes to a UnitBatch: sniff the container by content, read
 * its rows, find the header and the format it names, refuse text typed in a
 * legacy font, then hand the rows to the format's parser.
 */
import { detectLegacyEncoding } from '../../vn/index.js';
import type { UnitBatch } from '../unit.types.js';
import { BatchBuilder } from './batch-builder.js';
import { readCsv } from './csv-reader.js';
import { decodeText, isMarkup, sniffBinary } from './file-sniff.js';
import { FORMAT_PARSERS } from './format-parsers.js';
import { readHtmlTable } from './html-table-reader.js';
import { RowReader } from './row-reader.js';
import { layoutTable } from './table-layout.js';
import type { TableRow } from './table-row.js';
import { fileError, where } from './unit-file-error.js';
import { readXlsx } from './xlsx-reader.js';

export type FileContent = { name: string; bytes: Uint8Array };

interface RawTable {
  rows: TableRow[];
  /** Delimited text: every row must write every column. */
  strictWidth: boolean;
  warnings: string[];
}

const BINARY_XLS = 'đây là tệp Excel 97-2003 (.xls nhị phân), chưa đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8", rồi nhập lại.';

async function readRawTable(file: FileContent): Promise<RawTable> {
  const binary = sniffBinary(file.bytes);
  if (binary === 'cfb') throw fileError('units.xls_binary', file.name, BINARY_XLS);
  if (binary === 'xlsx') return { rows: await readXlsx(file.bytes, file.name), strictWidth: false, warnings: [] };
  const { text, warning } = decodeText(file.bytes);
  const warnings = warning ? [`${where(file.name)}: ${warning}`] : [];
  if (text.trim().replace(/^\uFEFF/, '') === '') throw fileError('units.file_empty', file.name, 'tệp trống.');
  if (isMarkup(text)) return { rows: readHtmlTable(text), strictWidth: false, warnings };
  return { rows: readCsv(text, file.name), strictWidth: true, warnings };
}

function checkLegacyEncoding(fileName: string, rows: readonly TableRow[]): void {
  for (const row of rows) {
    const found = detectLegacyEncoding(row.cells.join(' '));
    if (found) throw fileError('units.legacy_encoding', fileName, `${found.message}.`, row.line);
  }
}

export async function readUnitFile(file: FileContent): Promise<UnitBatch> {
  if (file.bytes.length === 0) throw fileError('units.file_empty', file.name, 'tệp trống (0 byte).');
  const raw = await readRawTable(file);
  checkLegacyEncoding(file.name, raw.rows);
  const layout = layoutTable(file.name, raw.rows, raw.strictWidth);
  const batch = new BatchBuilder(layout.format, file.name);
  batch.addWarnings([...raw.warnings, ...layout.warnings]);
  if (layout.rows.length === 0) batch.warn(undefined, 'tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.');
  FORMAT_PARSERS[layout.format]({ rows: layout.rows, read: new RowReader(layout.header, file.name), batch });
  return batch.build();
}
