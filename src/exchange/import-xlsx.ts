/**
 * An xlsx as an ImportTable. Why not exceljs' streaming WorkbookReader: it
 * gives no say over the zip (declared sizes, ratios, lying headers), inflates
 * and materializes every row including a million empty ones, and hides
 * whether a value came from a formula. Here yauzl (import-zip.ts) checks the
 * container before anything is inflated and caps what is, saxes streams the
 * parts (import-xlsx-parts.ts), empty rows are only counted, and a sheet that
 * does not start with a known header is abandoned after its first rows.
 * The sheet read is the first one (workbook order) whose header row — among
 * its first 10 non-empty rows — matches a register template.
 */
import { Invalid } from '../core/index.js';
import { TEMPLATES } from '../registers/index.js';
import { matchHeader, sampleKeys, type HeaderMatch } from './import-header.js';
import { cellText, isBlankCell, type ImportTable, type TableRow } from './import-table.js';
import { readDateStyles, readSharedStrings, readWorkbook, streamSheet, type SheetContext } from './import-xlsx-parts.js';
import { RowSpill } from './import-spill.js';
import { openXlsxZip, type XlsxZip } from './import-zip.js';

export const MAX_DATA_ROWS = 200_000;
const HEADER_SEARCH_ROWS = 10;
const READ_STEP = 1000;

export interface MatchedTable {
  table: ImportTable;
  match: HeaderMatch;
}

const headerOf = (row: TableRow) => new Map([...row.cells].map(([col, c]) => [col, cellText(c)]));

function tooManyRows(): Invalid {
  return new Invalid('import.too_many_rows', `Tệp có hơn ${MAX_DATA_ROWS.toLocaleString('vi-VN')} dòng dữ liệu; hãy tách thành nhiều tệp (mỗi quyển sổ một tệp).`, 'file');
}

/** Reads one sheet; undefined when no header row is found among its first rows. */
async function readSheet(zip: XlsxZip, sheet: { name: string; path: string }, ctx: SheetContext & { date1904: boolean }, seen: string[], opts: ReadOptions): Promise<MatchedTable | undefined> {
  let found: { match: HeaderMatch; rowNo: number; header: Map<number, string> } | undefined;
  const { onRows } = opts;
  const rows: TableRow[] = [];
  const spill = opts.spill ? new RowSpill() : undefined;
  let count = 0;
  let emptyRows = 0;
  let before = 0;
  const take = (row: TableRow) => {
    if (count >= MAX_DATA_ROWS) throw tooManyRows();
    if (spill) spill.push(row);
    else rows.push(row);
    if (++count % READ_STEP === 0) onRows?.(count);
  };
  const merges = await streamSheet(zip, sheet.path, ctx, (row) => {
    if ('empty' in row || [...row.cells.values()].every(isBlankCell)) {
      if (found) emptyRows++;
      return true;
    }
    if (found) {
      take(row);
      return true;
    }
    const header = headerOf(row);
    const match = matchHeader(header);
    if (match) found = { match, rowNo: row.rowNo, header };
    else if (before === 0) seen.push(`"${sheet.name}" dòng ${row.rowNo}: ${[...header.values()].slice(0, 5).join(' | ').slice(0, 120)}`);
    return found !== undefined || ++before < HEADER_SEARCH_ROWS;
  }).catch((e: unknown) => {
    spill?.close();
    throw e;
  });
  if (!found) {
    spill?.close();
    return undefined;
  }
  spill?.finish();
  const table: ImportTable = { kind: 'xlsx', sheet: sheet.name, headerRowNo: found.rowNo, header: found.header, rows, merges, emptyRows, date1904: ctx.date1904, ...(spill ? { spill } : {}) };
  return { table, match: found.match };
}

export function unknownTemplate(seen: readonly string[]): Invalid {
  const known = TEMPLATES.map((t) => t.id).join(', ');
  const what = seen.length > 0 ? ` Dòng đầu tìm thấy: ${seen.join('; ')}.` : ' Tệp không có dòng nào có dữ liệu.';
  return new Invalid(
    'import.unknown_template',
    `Không nhận ra loại sổ: dòng tiêu đề của tệp không khớp với mẫu nào trong danh mục (${known}).${what} ` +
      `Dòng tiêu đề phải ghi tên cột theo mẫu của Bộ Tư pháp, ví dụ ${sampleKeys(TEMPLATES[0]!)}…`,
    'header',
  );
}

export interface ReadOptions {
  /** Told the data rows read so far every READ_STEP rows (progress). */
  onRows?: ((n: number) => void) | undefined;
  /** Keep the rows on disk (table.spill, import-spill.ts) instead of in memory; the caller closes the spill. */
  spill?: boolean | undefined;
}

export async function readXlsxTable(bytes: Buffer, opts: ReadOptions = {}): Promise<MatchedTable> {
  const zip = await openXlsxZip(bytes);
  try {
    const wb = await readWorkbook(zip);
    const ctx = { shared: await readSharedStrings(zip), dateStyles: await readDateStyles(zip), date1904: wb.date1904 };
    const seen: string[] = [];
    for (const sheet of wb.sheets) {
      if (!zip.has(sheet.path)) continue;
      const found = await readSheet(zip, sheet, ctx, seen, opts);
      if (found) return found;
    }
    throw unknownTemplate(seen);
  } finally {
    zip.close();
  }
}
