/**
 * Reading and checking an import file, the CPU-heavy half of an import, with
 * no database: sniff → read the table (xlsx streamed, bombs refused) → match
 * the header to a template (and to the chosen book's) → check every row
 * against the catalog, reporting progress → when a row has an ERROR, build
 * the error report xlsx here too. An xlsx's rows are spilled to a temporary
 * file as they are read and read back for the check and the report, so
 * memory holds the row outcomes only. It runs in a worker thread for big files
 * (import-thread.ts), so the server keeps answering; its answer is small and
 * plain (the table's rows stay in the thread): the table's identity, the
 * notes, the row outcomes and the report bytes.
 */
import { Invalid } from '../core/index.js';
import { getTemplate, type RegisterTemplate } from '../registers/index.js';
import { readCsvTable } from './import-csv.js';
import { buildErrorReport } from './import-report.js';
import { checkHeaderMerges, checkRow, hasErrors, planColumns, type ColumnPlan, type RowOutcome } from './import-rows.js';
import { sniffImportFile } from './import-sniff.js';
import type { HeaderMatch } from './import-header.js';
import { rowCount, tableRows, type ImportTable } from './import-table.js';
import { readXlsxTable, type MatchedTable } from './import-xlsx.js';

export interface CheckInput {
  fileName: string;
  bytes: Uint8Array;
  /** template_version of the chosen book (the file must be of its register type). */
  bookTemplateId?: string | undefined;
  fixEncoding: boolean;
  /** ctx.clock() in ms (dates after today are refused). */
  today: number;
}

/** How far reading and checking got (the writing is counted by the caller). */
export interface CheckProgress {
  rowsTotal?: number;
  rowsRead?: number;
  rowsChecked?: number;
}

export type TableMeta = Pick<ImportTable, 'kind' | 'sheet' | 'headerRowNo' | 'emptyRows'>;

export interface CheckedFile {
  table: TableMeta;
  templateId: string;
  notes: string[];
  outcomes: RowOutcome[];
  /** The error report xlsx, when a row has an ERROR. */
  errorReport?: Uint8Array;
}

/** Rows between two progress reports (and two yields to the event loop, in-process). */
export const CHECK_STEP = 500;

async function readTable(fileName: string, bytes: Buffer, onRows: (n: number) => void): Promise<MatchedTable> {
  // An xlsx's rows go to disk as they stream (import-spill.ts): only the row outcomes stay in memory.
  return sniffImportFile(fileName, bytes) === 'xlsx' ? readXlsxTable(bytes, { onRows, spill: true }) : readCsvTable(bytes);
}

function targetTemplate(fileTemplate: RegisterTemplate, bookTemplateId: string | undefined): RegisterTemplate {
  if (!bookTemplateId) return fileTemplate;
  const bookTemplate = getTemplate(bookTemplateId);
  if (bookTemplate.registerType !== fileTemplate.registerType) {
    throw new Invalid(
      'import.book_type_mismatch',
      `Tệp theo mẫu ${fileTemplate.id} (${fileTemplate.title}) nhưng quyển đã chọn là ${bookTemplate.title}; hãy chọn quyển cùng loại sổ hoặc để trống để tạo quyển mới.`,
      'bookId',
    );
  }
  return bookTemplate;
}

function fileNotes(table: ImportTable, plan: ColumnPlan, fileTemplate: RegisterTemplate): string[] {
  const where = table.kind === 'csv' ? 'tệp CSV' : `trang "${table.sheet}"`;
  const notes = [`Nhận ra mẫu ${fileTemplate.id} (${fileTemplate.title}) ở ${where}, dòng tiêu đề ${table.headerRowNo}.`];
  if (plan.unknown.length > 0) notes.push(`Các cột không thuộc mẫu ${plan.template.id} nên không được nhập: ${plan.unknown.join(', ')}.`);
  if (table.emptyRows > 0) notes.push(`Đã bỏ qua ${table.emptyRows.toLocaleString('vi-VN')} dòng trống.`);
  return notes;
}

export async function readAndCheck(input: CheckInput, tell: (p: CheckProgress) => void | Promise<void>): Promise<CheckedFile> {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  // While streaming, progress is told without waiting; a stop it asks for is honoured at the next awaited report.
  const whileReading = (n: number) => {
    try {
      void Promise.resolve(tell({ rowsRead: n })).catch(() => undefined);
    } catch {
      /* see above */
    }
  };
  const { table, match } = await readTable(input.fileName, bytes, whileReading);
  try {
    return await checkTable(input, table, match, tell);
  } finally {
    table.spill?.close();
  }
}

async function checkTable(input: CheckInput, table: ImportTable, match: HeaderMatch, tell: (p: CheckProgress) => void | Promise<void>): Promise<CheckedFile> {
  const total = rowCount(table);
  await tell({ rowsTotal: total, rowsRead: total });
  const template = targetTemplate(match.template, input.bookTemplateId);
  checkHeaderMerges(table);
  const plan = planColumns(match, template);
  if (total === 0) throw new Invalid('import.no_rows', `Tệp "${input.fileName}" không có dòng dữ liệu nào sau dòng tiêu đề.`, 'file');
  const today = new Date(input.today);
  const opts = { fixEncoding: input.fixEncoding };
  const outcomes: RowOutcome[] = [];
  for await (const row of tableRows(table)) {
    outcomes.push(checkRow(table, plan, row, today, opts));
    if (outcomes.length % CHECK_STEP === 0) await tell({ rowsChecked: outcomes.length });
  }
  await tell({ rowsChecked: outcomes.length });
  const notes = fileNotes(table, plan, match.template);
  const meta: TableMeta = { kind: table.kind, sheet: table.sheet, headerRowNo: table.headerRowNo, emptyRows: table.emptyRows };
  if (!outcomes.some(hasErrors)) return { table: meta, templateId: template.id, notes, outcomes };
  const colOfKey = new Map([...plan.columns].map(([col, f]) => [f.key, col]));
  const errorReport = await buildErrorReport(input.fileName, table, outcomes, { colOfKey }, notes);
  return { table: meta, templateId: template.id, notes, outcomes, errorReport };
}
