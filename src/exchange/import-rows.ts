/**
 * The rows of a table checked against a register template: each cell
 * converted (import-cells.ts), the values cleaned and validated by the
 * catalog (registers validateTemplateRecord), plus what only a file can get
 * wrong: merged cells, values in a column without a header, values in a
 * column the target book's template does not have. File-level problems (a
 * missing required column, a repeated column, merged header cells) stop the
 * import before any row is looked at.
 * Text in a legacy font (TCVN3, VNI) or with look-alike letters (Ð for Đ…)
 * is an ERROR whose message names the converted text; with the option
 * fixEncoding (the user confirmed the conversions of an earlier report) the
 * row takes the converted text and the report notes each conversion as a
 * WARNING 'import.text_converted'.
 */
import { Invalid } from '../core/index.js';
import { cleanValues, validateTemplateRecord, type FieldDef, type Finding, type RegisterTemplate } from '../registers/index.js';
import { legacyEncodingIssue, lookalikeIssue } from '../vn/index.js';
import { convertCell, lostZeros } from './import-cells.js';
import type { HeaderMatch } from './import-header.js';
import { columnName, isBlankCell, type ImportTable, type MergedRange, type TableRow } from './import-table.js';

export interface RowOutcome {
  rowNo: number;
  values: Record<string, string>;
  findings: Finding[];
}

/** How the file's columns map onto the template the rows go into. */
export interface ColumnPlan {
  template: RegisterTemplate;
  columns: Map<number, FieldDef>;
  /** Columns of the file's template that the target template lacks: col → key. */
  foreign: Map<number, string>;
  /** Named columns that belong to no template field (ignored, reported once). */
  unknown: string[];
}

const list = (xs: readonly string[]) => xs.join(', ');

/** The plan for importing a matched header into `target` (the book's template, or the file's own). */
export function planColumns(match: HeaderMatch, target: RegisterTemplate = match.template): ColumnPlan {
  if (match.duplicates.length > 0) {
    throw new Invalid('import.duplicate_column', `Dòng tiêu đề có cột lặp lại: ${list(match.duplicates)}. Mỗi cột chỉ được có một lần.`, 'header');
  }
  const byKey = new Map(target.fields.map((f) => [f.key, f]));
  const columns = new Map<number, FieldDef>();
  const foreign = new Map<number, string>();
  for (const [col, f] of match.columns) {
    const t = byKey.get(f.key);
    if (t) columns.set(col, t);
    else foreign.set(col, f.key);
  }
  const present = new Set([...columns.values()].map((f) => f.key));
  const missing = target.fields.filter((f) => f.required === 'always' && !present.has(f.key));
  if (missing.length > 0) {
    const names = missing.map((f) => `${f.key} (${f.label})`);
    throw new Invalid('import.missing_column', `Tệp thiếu cột bắt buộc của mẫu ${target.id}: ${list(names)}. Hãy thêm cột với đúng tên ở dòng tiêu đề.`, 'header', {
      missing: missing.map((f) => f.key),
    });
  }
  return { template: target, columns, foreign, unknown: match.unknown.map((u) => u.text) };
}

export function checkHeaderMerges(table: ImportTable): void {
  const hit = table.merges.find((m) => m.top <= table.headerRowNo && m.bottom >= table.headerRowNo);
  if (hit) throw new Invalid('import.merged_header', `Dòng tiêu đề có ô gộp (${hit.ref}); hãy bỏ gộp ô (Merge & Center) để mỗi cột có một tên riêng.`, 'header');
}

const rowFinding = (code: string, message: string): Finding => ({ path: 'row', severity: 'ERROR', code, message });

function mergeFindings(merges: readonly MergedRange[], rowNo: number): Finding[] {
  return merges
    .filter((m) => m.top <= rowNo && rowNo <= m.bottom)
    .map((m) => rowFinding('import.merged_cells', `Dòng ${rowNo} nằm trong vùng ô gộp ${m.ref}: giá trị chỉ nằm ở ô đầu nên các dòng khác sẽ bị thiếu. Hãy bỏ gộp ô và ghi giá trị vào từng dòng.`));
}

function strayCell(table: ImportTable, plan: ColumnPlan, col: number, rowNo: number): Finding | undefined {
  const ref = `${columnName(col)}${rowNo}`;
  const key = plan.foreign.get(col);
  if (key) return rowFinding('import.column_not_in_template', `Ô ${ref} có giá trị ở cột ${key}, cột này không có trong mẫu ${plan.template.id} của quyển sổ đã chọn.`);
  if ((table.header.get(col) ?? '').trim() === '')
    return rowFinding('import.no_header', `Ô ${ref} có giá trị nhưng cột ${columnName(col)} không có tên ở dòng tiêu đề; hãy đặt tên cột theo mẫu hoặc xóa giá trị.`);
  return undefined;
}

export interface CheckOptions {
  /** Apply the offered legacy-font and look-alike conversions (each noted as a WARNING). */
  fixEncoding?: boolean;
}

/** The conversion a value would get, if it needs one. */
function textFix(value: string): { value: string; what: string } | undefined {
  const legacy = legacyEncodingIssue(value);
  if (legacy?.fix) return { value: legacy.fix.value, what: 'chuyển từ bảng mã cũ (TCVN3/VNI) sang Unicode' };
  const lookalike = lookalikeIssue(value);
  return lookalike?.fix && { value: lookalike.fix.value, what: 'sửa chữ cái thuộc bảng chữ khác (Ð, chữ Kirin, chữ Hy Lạp)' };
}

/** Applies the text conversions to the row's values, one WARNING each. */
function convertTexts(values: Record<string, string>): Finding[] {
  const notes: Finding[] = [];
  for (const [key, value] of Object.entries(values)) {
    const fix = textFix(value);
    if (!fix) continue;
    values[key] = fix.value;
    notes.push({ path: key, severity: 'WARNING', code: 'import.text_converted', message: `Đã ${fix.what}: "${value}" thành "${fix.value}".` });
  }
  return notes;
}

export function checkRow(table: ImportTable, plan: ColumnPlan, row: TableRow, today: Date, opts: CheckOptions = {}): RowOutcome {
  const raw: Record<string, string> = {};
  const findings: Finding[] = [];
  const numeric = new Set<string>();
  for (const [col, cell] of row.cells) {
    const field = plan.columns.get(col);
    if (!field) {
      const stray = isBlankCell(cell) ? undefined : strayCell(table, plan, col, row.rowNo);
      if (stray) findings.push(stray);
      continue;
    }
    if (field.type === 'rowNo' || isBlankCell(cell)) continue; // STT is the file's numbering, given again on export
    const c = convertCell(field, cell, col, row.rowNo, table.date1904);
    if (c.value !== undefined) raw[field.key] = c.value;
    if (c.fromNumber) numeric.add(field.key);
    findings.push(...c.findings);
  }
  const values = cleanValues(raw);
  if (opts.fixEncoding) findings.push(...convertTexts(values));
  findings.push(...lostZeros(plan.template, values, numeric, row.rowNo), ...mergeFindings(table.merges, row.rowNo));
  findings.push(...validateTemplateRecord(plan.template, values, { today }));
  return { rowNo: row.rowNo, values, findings };
}

export const checkRows = (table: ImportTable, plan: ColumnPlan, today: Date, opts: CheckOptions = {}): RowOutcome[] => table.rows.map((r) => checkRow(table, plan, r, today, opts));

export const hasErrors = (r: RowOutcome) => r.findings.some((f) => f.severity === 'ERROR');
