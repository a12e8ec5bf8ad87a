/**
 * The parts of an xlsx the importer reads, each streamed (import-xml.ts):
 * the workbook (sheet names → part paths, the 1904 date system), the shared
 * strings (rich-text runs joined, phonetic runs skipped), the styles (which
 * cell styles show a number as a date) and, row by row, a sheet's cells with
 * their formulas and the merged ranges. Empty rows cost a counter only.
 */
import { Invalid } from '../core/index.js';
import type { XlsxZip } from './import-zip.js';
import { parseXmlStream, TextCapture } from './import-xml.js';
import { parseCellRef, parseRange, type Cell, type MergedRange, type TableRow } from './import-table.js';

export interface WorkbookInfo {
  sheets: { name: string; path: string }[];
  date1904: boolean;
}

const MAX_SHARED_STRINGS = 4_000_000;
const MAX_ROW = 1_048_576;
const MAX_COLUMNS = 16_384;

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return target.startsWith('xl/') ? target : `xl/${target}`;
}

export async function readWorkbook(zip: XlsxZip): Promise<WorkbookInfo> {
  if (!zip.has('xl/workbook.xml')) throw new Invalid('import.not_xlsx', 'Tệp nén không phải sổ làm việc Excel (.xlsx): thiếu phần xl/workbook.xml.', 'file');
  const rels = new Map<string, string>();
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await parseXmlStream('xl/_rels/workbook.xml.rels', await zip.open('xl/_rels/workbook.xml.rels'), () => ({
      open: (name, a) => {
        if (name === 'Relationship' && a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
      },
    }));
  }
  const info: WorkbookInfo = { sheets: [], date1904: false };
  await parseXmlStream('xl/workbook.xml', await zip.open('xl/workbook.xml'), () => ({
    open: (name, a) => {
      if (name === 'workbookPr') info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
      const path = rid ? rels.get(rid) : undefined;
      if (name === 'sheet' && a.name && path) info.sheets.push({ name: a.name, path });
    },
  }));
  return info;
}

export async function readSharedStrings(zip: XlsxZip): Promise<string[]> {
  const part = 'xl/sharedStrings.xml';
  const out: string[] = [];
  if (!zip.has(part)) return out;
  const text = new TextCapture();
  let item: string[] = [];
  let phonetic = false;
  await parseXmlStream(part, await zip.open(part), () => ({
    open: (name) => {
      if (name === 'si') item = [];
      else if (name === 'rPh') phonetic = true;
      else if (name === 't' && !phonetic) text.start();
    },
    text: (t) => text.add(t),
    close: (name) => {
      if (name === 't' && text.active) item.push(text.end());
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si') {
        if (out.length >= MAX_SHARED_STRINGS) throw new Invalid('import.too_many_strings', 'Tệp có quá nhiều chuỗi văn bản (trên 4 triệu).', 'file');
        out.push(item.join(''));
      }
    },
  }));
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date: d or y outside quotes and brackets (m alone may be minutes). */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/general/i.test(bare));
}

/** Style indexes (cellXfs) whose number format shows a date. */
export async function readDateStyles(zip: XlsxZip): Promise<Set<number>> {
  const part = 'xl/styles.xml';
  const dateStyles = new Set<number>();
  if (!zip.has(part)) return dateStyles;
  const customDate = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await parseXmlStream(part, await zip.open(part), () => ({
    open: (name, a) => {
      if (name === 'numFmt' && a.formatCode && isDateFormatCode(a.formatCode)) customDate.add(Number(a.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) dateStyles.add(index);
        index++;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }));
  return dateStyles;
}

export interface SheetContext {
  shared: readonly string[];
  dateStyles: ReadonlySet<number>;
}

/** What the sheet reader tells its caller for each row; return false to stop reading. */
export type RowSink = (row: TableRow | { rowNo: number; empty: true }) => boolean;

interface PendingCell {
  col: number;
  type: string;
  style: number;
  value?: string;
  formula?: string;
  inline: string[];
}

function finishCell(c: PendingCell, ctx: SheetContext): Cell | undefined {
  const f = c.formula !== undefined ? { formula: c.formula } : {};
  const v = c.value;
  switch (c.type) {
    case 's': {
      const text = ctx.shared[Number(v)];
      if (text === undefined) throw new Invalid('import.bad_xml', `Ô tham chiếu chuỗi số ${v} không có trong bảng chuỗi của tệp.`, 'file');
      return { t: 'text', v: text, ...f };
    }
    case 'inlineStr':
      return { t: 'text', v: c.inline.join(''), ...f };
    case 'str':
      return v === undefined ? (c.formula !== undefined ? { t: 'empty', ...f } : undefined) : { t: 'text', v, ...f };
    case 'b':
      return v === undefined ? undefined : { t: 'bool', v: v === '1' || v === 'true', ...f };
    case 'e':
      return { t: 'error', v: v ?? '#ERROR', ...f };
    case 'd':
      return v === undefined ? undefined : { t: 'date', v, ...f };
    default:
      if (v === undefined || v.trim() === '') return c.formula !== undefined ? { t: 'empty', ...f } : undefined;
      return { t: 'number', v: Number(v), raw: v.trim(), dateStyle: ctx.dateStyles.has(c.style), ...f };
  }
}

/** Streams a sheet's rows to `sink` (empty rows only counted by the sink); returns the merged ranges seen. */
export async function streamSheet(zip: XlsxZip, part: string, ctx: SheetContext, sink: RowSink): Promise<MergedRange[]> {
  const merges: MergedRange[] = [];
  const text = new TextCapture();
  let row: TableRow | undefined;
  let cell: PendingCell | undefined;
  let lastRow = 0;
  let lastCol = -1;
  let inInline = false;
  await parseXmlStream(part, await zip.open(part), (control) => ({
    open: (name, a) => {
      if (name === 'row') {
        lastRow = a.r ? Number(a.r) : lastRow + 1;
        if (!(lastRow >= 1 && lastRow <= MAX_ROW)) throw new Invalid('import.bad_xml', `Số dòng "${a.r}" không hợp lệ trong trang tính.`, 'file');
        row = { rowNo: lastRow, cells: new Map() };
        lastCol = -1;
      } else if (name === 'c' && row) {
        const col = a.r ? parseCellRef(a.r)?.col : lastCol + 1;
        if (col === undefined || col >= MAX_COLUMNS) throw new Invalid('import.bad_xml', `Ô "${a.r}" không hợp lệ ở dòng ${lastRow}.`, 'file');
        lastCol = col;
        cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0), inline: [] };
      } else if ((name === 'v' || name === 'f') && cell) text.start();
      else if (name === 'is') inInline = true;
      else if (name === 't' && inInline && cell) text.start();
      else if (name === 'mergeCell' && a.ref) {
        const range = parseRange(a.ref);
        if (range) merges.push(range);
      }
    },
    text: (t) => text.add(t),
    close: (name) => {
      if (name === 'v' && cell && text.active) cell.value = text.end();
      else if (name === 'f' && cell && text.active) cell.formula = text.end() || '(công thức dùng chung)';
      else if (name === 't' && inInline && cell && text.active) cell.inline.push(text.end());
      else if (name === 'is') inInline = false;
      else if (name === 'c' && cell && row) {
        const done = finishCell(cell, ctx);
        if (done) row.cells.set(cell.col, done);
        cell = undefined;
      } else if (name === 'row' && row) {
        const go = sink(row.cells.size > 0 ? row : { rowNo: row.rowNo, empty: true });
        row = undefined;
        if (!go) control.stop();
      }
    },
  }));
  return merges;
}
