/**
 * A CSV file as an ImportTable (csv-parse). Text must be Unicode: UTF-8 with
 * or without a BOM (Excel's "CSV UTF-8"), or UTF-16 with a BOM. Bytes that are
 * not valid UTF-8 come from an 8-bit code page; when they read as Vietnamese
 * typed with a legacy font (TCVN3/ABC, VNI) we say so, and refuse either way
 * (a guess would change names). The delimiter (comma, semicolon, tab) is the
 * one the first line uses most. Every cell is text: a CSV cannot lose leading
 * zeros by itself, but the program that wrote it may have (the row checks say).
 */
import { parse } from 'csv-parse/sync';
import { Invalid } from '../core/index.js';
import { detectLegacyEncoding } from '../vn/index.js';
import { matchHeader } from './import-header.js';
import type { Cell, ImportTable, TableRow } from './import-table.js';
import { MAX_DATA_ROWS, unknownTemplate, type MatchedTable } from './import-xlsx.js';
import { IMPORT_LIMITS } from './import-zip.js';

const HEADER_SEARCH_ROWS = 10;

function refuseCodePage(bytes: Buffer): never {
  const text = new TextDecoder('windows-1252').decode(bytes.subarray(0, 256 * 1024));
  const legacy = detectLegacyEncoding(text);
  if (legacy) {
    throw new Invalid('import.legacy_encoding', `Tệp CSV không phải Unicode: ${legacy.message}. Hãy lưu lại tệp dạng "CSV UTF-8" (Excel: Lưu thành → CSV UTF-8) sau khi chuyển mã.`, 'file');
  }
  throw new Invalid('import.not_utf8', 'Tệp CSV không phải Unicode UTF-8 (có thể là bảng mã Windows-1258 hoặc TCVN3). Hãy lưu lại tệp dạng "CSV UTF-8" rồi nhập.', 'file');
}

export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuseCodePage(bytes);
  }
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

function parseRecords(text: string): string[][] {
  try {
    return parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    throw new Invalid('import.bad_csv', `Tệp CSV không đọc được: ${(e as Error).message}.`, 'file');
  }
}

const toRow = (record: readonly string[], rowNo: number): TableRow => ({
  rowNo,
  cells: new Map(record.flatMap((v, col): [number, Cell][] => (v.trim() === '' ? [] : [[col, { t: 'text', v }]]))),
});

export function readCsvTable(bytes: Buffer): MatchedTable {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw new Invalid('import.file_too_large', 'Tệp CSV quá lớn (tối đa 100 MB); hãy tách thành nhiều tệp.', 'file');
  const records = parseRecords(decodeCsv(bytes));
  const seen: string[] = [];
  let i = 0;
  for (let tried = 0; i < records.length && tried < HEADER_SEARCH_ROWS; i++) {
    const row = toRow(records[i]!, i + 1);
    if (row.cells.size === 0) continue;
    tried++;
    const header = new Map([...row.cells].map(([col, c]) => [col, c.t === 'text' ? c.v : '']));
    const match = matchHeader(header);
    if (!match) {
      if (seen.length === 0) seen.push(`dòng ${i + 1}: ${records[i]!.slice(0, 5).join(' | ').slice(0, 120)}`);
      continue;
    }
    const rest = records.slice(i + 1).map((r, k) => toRow(r, i + 2 + k));
    const rows = rest.filter((r) => r.cells.size > 0);
    if (rows.length > MAX_DATA_ROWS) throw new Invalid('import.too_many_rows', `Tệp có hơn ${MAX_DATA_ROWS} dòng dữ liệu; hãy tách thành nhiều tệp.`, 'file');
    const table: ImportTable = { kind: 'csv', sheet: '', headerRowNo: i + 1, header, rows, merges: [], emptyRows: rest.length - rows.length, date1904: false };
    return { table, match };
  }
  throw unknownTemplate(seen);
}
