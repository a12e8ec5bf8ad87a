/**
 * What an import looks like to the user (HTTP, CLI, web): the imports row
 * with its report, and the Vietnamese summary line. PURE.
 */
import type { Finding } from '../registers/index.js';
import type { ImportRow } from '../store/index.js';
import type { RowOutcome } from './import-rows.js';

/** At most this many rows with findings are kept in the report JSON (the error xlsx has them all). */
export const REPORT_ROWS = 1000;

export interface ImportRowReport {
  row: number;
  errors: string[];
  warnings: string[];
}

export interface ImportReportJson {
  kind: 'xlsx' | 'csv';
  headerRow: number;
  emptyRows: number;
  rowsWithErrors: number;
  notes: string[];
  books: { id: string; title: string; records: number }[];
  rows: ImportRowReport[];
  /** Blob sha256 of the error report xlsx (failed imports). */
  errorReport?: string;
}

export interface ImportView {
  id: string;
  status: 'imported' | 'failed';
  fileName: string;
  sha256: string;
  sheet: string;
  templateId: string;
  bookId: string | null;
  rowsTotal: number;
  rowsImported: number;
  warnings: number;
  importedBy: string | null;
  createdAt: string;
  report: ImportReportJson;
  /** Vietnamese one-paragraph summary. */
  summary: string;
  errorReportUrl: string | null;
}

const texts = (fs: readonly Finding[], severity: Finding['severity']) => fs.filter((f) => f.severity === severity).map((f) => (f.path === 'row' ? f.message : `[${f.path}] ${f.message}`));

export function rowReports(outcomes: readonly RowOutcome[]): ImportRowReport[] {
  return outcomes
    .filter((o) => o.findings.some((f) => f.severity !== 'INFO'))
    .slice(0, REPORT_ROWS)
    .map((o) => ({ row: o.rowNo, errors: texts(o.findings, 'ERROR'), warnings: texts(o.findings, 'WARNING') }));
}

export function importSummary(v: Omit<ImportView, 'summary' | 'errorReportUrl'>): string {
  if (v.status === 'failed') {
    return (
      `Chưa nhập tệp "${v.fileName}": ${v.report.rowsWithErrors}/${v.rowsTotal} dòng có lỗi. Không có bản ghi nào được nhập (tất cả hoặc không gì cả). ` +
      'Hãy tải báo cáo lỗi (cột "Lỗi"), sửa rồi nhập lại.'
    );
  }
  const books = v.report.books.map((b) => `${b.title}: ${b.records} bản ghi`).join('; ');
  const warn = v.warnings > 0 ? ` ${v.warnings} cảnh báo đã được người nhập xác nhận (xem danh sách dòng).` : '';
  return `Đã nhập ${v.rowsImported} bản ghi từ tệp "${v.fileName}" (mẫu ${v.templateId}) vào ${v.report.books.length} quyển sổ (${books}).${warn}`;
}

export function importView(r: ImportRow): ImportView {
  const base = {
    id: r.id,
    status: r.status as ImportView['status'],
    fileName: r.file_name,
    sha256: r.sha256,
    sheet: r.sheet,
    templateId: r.template_id,
    bookId: r.book_id,
    rowsTotal: r.rows_total,
    rowsImported: r.rows_imported,
    warnings: r.warnings,
    importedBy: r.imported_by,
    createdAt: r.created_at.toISOString(),
    report: r.report as unknown as ImportReportJson,
  };
  return { ...base, summary: importSummary(base), errorReportUrl: base.report.errorReport ? `/api/imports/${r.id}/error-report.xlsx` : null };
}
