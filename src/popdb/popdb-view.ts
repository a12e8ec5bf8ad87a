/**
 * What a batch and a row look like to the user (HTTP, CLI, web), with the
 * Vietnamese summary. PURE.
 */
import type { Selectable } from 'kysely';
import type { PopdbBatchesTable } from '../store/index.js';
import { CLASS_LABELS, POPDB_CLASSES, type PopdbClass } from './popdb-compare.js';
import type { RowErrors } from './popdb-rows.js';

export interface PopdbBatchView {
  id: string;
  fileName: string;
  status: 'imported' | 'failed';
  rowsTotal: number;
  counts: Record<PopdbClass, number>;
  /** Rows that differ or conflict and wait for a decision (imported batches; as of reading). */
  open: number;
  rows: RowErrors[];
  rowsWithErrors: number;
  importedBy: string | null;
  createdAt: string;
  summary: string;
  errorReportUrl: string | null;
  correctionsUrl: string | null;
}

const n = (x: number) => x.toLocaleString('vi-VN');

export function batchView(row: Selectable<PopdbBatchesTable>, open: number): PopdbBatchView {
  const counts = Object.fromEntries(POPDB_CLASSES.map((c) => [c, Number(row.counts[c] ?? 0)])) as Record<PopdbClass, number>;
  const report = row.report as { rowsWithErrors?: number; rows?: RowErrors[] };
  const failed = row.status === 'failed';
  const summary = failed
    ? `Không nhập tệp "${row.file_name}": ${n(report.rowsWithErrors ?? 0)}/${n(row.rows_total)} dòng có lỗi. Không dòng nào được nhập; hãy tải báo cáo lỗi, sửa rồi nhập lại cả tệp.`
    : `Đã nhập ${n(row.rows_total)} dòng của tệp "${row.file_name}": ${POPDB_CLASSES.map((c) => `${CLASS_LABELS[c].toLowerCase()} ${n(counts[c])}`).join(', ')}. Còn ${n(open)} chỗ khác nhau chờ quyết định.`;
  return {
    id: row.id,
    fileName: row.file_name,
    status: failed ? 'failed' : 'imported',
    rowsTotal: row.rows_total,
    counts,
    open,
    rows: report.rows ?? [],
    rowsWithErrors: report.rowsWithErrors ?? 0,
    importedBy: row.imported_by,
    createdAt: row.created_at.toISOString(),
    summary,
    errorReportUrl: failed ? `/api/popdb/batches/${row.id}/error-report.xlsx` : null,
    correctionsUrl: failed ? null : `/api/popdb/batches/${row.id}/corrections.xlsx`,
  };
}
