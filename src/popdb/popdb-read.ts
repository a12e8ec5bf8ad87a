/**
 * Reading a result file (xlsx or CSV) into rows of text keyed by the file's
 * column keys. The header is the first non-empty row among the first ten
 * whose cells name at least recordId and the status column. xlsx is read
 * with exceljs (files are a commune's worth of rows; the size is capped
 * before reading); CSV must be UTF-8 (with or without BOM) and may use
 * comma, semicolon or tab. Every cell becomes the text it shows; a number
 * keeps a mark so the row check can say a 12-digit ID lost its leading zero.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Invalid } from '../core/index.js';
import { keyOfHeader, STATUS_KEY } from './popdb-columns.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
const HEADER_SEARCH_ROWS = 10;

export interface ResultCell {
  text: string;
  /** Stored as a number in the xlsx (leading zeros are lost). */
  numeric: boolean;
}

export interface ResultRow {
  rowNo: number;
  cells: Map<string, ResultCell>;
  /** Every cell as the file shows it, by 0-based column (the error report writes them back). */
  raw: Map<number, string>;
}

export interface ResultTable {
  kind: 'xlsx' | 'csv';
  sheet: string;
  headerRowNo: number;
  /** Column (0-based) -> the header text as in the file. */
  header: Map<number, string>;
  /** Column (0-based) -> key, for the recognized columns. */
  keys: Map<number, string>;
  rows: ResultRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJS.CellValue): ResultCell {
  if (v === null || v === undefined) return { text: '', numeric: false };
  if (v instanceof Date) return { text: `${pad(v.getUTCDate())}.${pad(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`, numeric: false };
  if (typeof v === 'number') return { text: String(v), numeric: true };
  if (typeof v === 'string' || typeof v === 'boolean') return { text: String(v), numeric: false };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join(''), numeric: false };
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return { text: String(v.text), numeric: false };
  return { text: '', numeric: false };
}

type RawRow = { rowNo: number; cells: Map<number, ResultCell> };

function headerKeys(row: RawRow): Map<number, string> | undefined {
  const keys = new Map<number, string>();
  for (const [col, c] of row.cells) {
    const key = keyOfHeader(c.text);
    if (key) keys.set(col, key);
  }
  const named = new Set(keys.values());
  return named.has('recordId') && named.has(STATUS_KEY) ? keys : undefined;
}

function toTable(kind: 'xlsx' | 'csv', sheet: string, raws: readonly RawRow[]): ResultTable {
  const start = raws.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => headerKeys(r) !== undefined);
  if (start < 0) {
    throw new Invalid(
      'popdb.bad_header',
      'Không tìm thấy dòng tiêu đề của tệp kết quả đối chiếu: cần ít nhất các cột "Mã bản ghi (recordId)" và "Trạng thái trong CSDL dân cư (dcTrangThai)" (xem docs/POPDB.md).',
      'header',
    );
  }
  const head = raws[start]!;
  const keys = headerKeys(head)!;
  const dup = [...keys.values()].find((k, i, all) => all.indexOf(k) !== i);
  if (dup) throw new Invalid('popdb.duplicate_column', `Cột "${dup}" xuất hiện hai lần trong dòng tiêu đề.`, 'header');
  const rows = raws.slice(start + 1).map((r) => ({
    rowNo: r.rowNo,
    cells: new Map([...keys].map(([col, key]) => [key, r.cells.get(col) ?? { text: '', numeric: false }])),
    raw: new Map([...r.cells].map(([col, c]) => [col, c.text])),
  }));
  if (rows.length > MAX_ROWS) throw new Invalid('popdb.too_many_rows', `Tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng; hãy tách theo xã.`, 'file');
  return { kind, sheet, headerRowNo: head.rowNo, header: new Map([...head.cells].map(([c, v]) => [c, v.text])), keys, rows };
}

async function readXlsx(bytes: Buffer): Promise<ResultTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Invalid('popdb.bad_xlsx', 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải định dạng xlsx.', 'file');
  }
  for (const ws of wb.worksheets) {
    const raws: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const cells = new Map<number, ResultCell>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const c = cellText(cell.value);
        if (c.text.trim() !== '') cells.set(col - 1, c);
      });
      if (cells.size > 0) raws.push({ rowNo, cells });
    });
    try {
      return toTable('xlsx', ws.name, raws);
    } catch (e) {
      if (ws === wb.worksheets.at(-1)) throw e;
    }
  }
  throw new Invalid('popdb.empty', 'Tệp Excel không có trang tính nào.', 'file');
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Invalid('popdb.not_utf8', 'Tệp CSV không phải Unicode UTF-8. Hãy lưu lại tệp dạng "CSV UTF-8" rồi nhập.', 'file');
  }
}

function readCsv(bytes: Buffer): ResultTable {
  const text = decodeUtf8(bytes);
  const first = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, bom: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new Invalid('popdb.bad_csv', `Tệp CSV không đọc được: ${(e as Error).message}.`, 'file');
  }
  const raws = records
    .map((r, i) => ({ rowNo: i + 1, cells: new Map(r.flatMap((v, col): [number, ResultCell][] => (v.trim() === '' ? [] : [[col, { text: v, numeric: false }]]))) }))
    .filter((r) => r.cells.size > 0);
  return toTable('csv', '', raws);
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readResultFile(fileName: string, bytes: Buffer): Promise<ResultTable> {
  if (bytes.length === 0) throw new Invalid('popdb.empty', 'Tệp trống.', 'file');
  if (bytes.length > MAX_FILE_BYTES) throw new Invalid('popdb.file_too_large', 'Tệp quá lớn (tối đa 20 MB); hãy tách theo xã.', 'file');
  if (isZip(bytes)) return readXlsx(bytes);
  if (/\.xlsx$/i.test(fileName)) throw new Invalid('popdb.bad_xlsx', 'Tệp có đuôi .xlsx nhưng không phải tệp Excel.', 'file');
  return readCsv(bytes);
}
