/**
 * Import test files written with exceljs in the shape of the MoJ template:
 * sheet "DL Import", row 1 = the catalog's header row (trailing spaces, line
 * breaks and `i=[…]` hints as in the official file), one row per record.
 * A record value may be any exceljs cell value (a Date, a number, a formula)
 * to test what the importer does with cells that are not text.
 */
import ExcelJS from 'exceljs';
import { getTemplate, headerText } from '../../src/registers/index.js';

export type CellInput = ExcelJS.CellValue;

export interface SheetOptions {
  templateId?: string;
  /** Header texts instead of the catalog's (same order as `keys`). */
  headers?: readonly string[];
  /** Column keys in order (default: every field of the template). */
  keys?: readonly string[];
  /** Called on the sheet after the rows are written (merges, styles…). */
  decorate?: (ws: ExcelJS.Worksheet) => void;
  /** Extra sheets before the data sheet. */
  before?: (wb: ExcelJS.Workbook) => void;
}

export async function mojWorkbook(records: readonly Readonly<Record<string, CellInput>>[], opts: SheetOptions = {}): Promise<Buffer> {
  const template = getTemplate(opts.templateId ?? 'KS-70');
  const keys = opts.keys ?? template.fields.map((f) => f.key);
  const headers =
    opts.headers ??
    keys.map((k) => {
      const f = template.fields.find((x) => x.key === k);
      return f ? headerText(f) : k;
    });
  const wb = new ExcelJS.Workbook();
  opts.before?.(wb);
  const ws = wb.addWorksheet('DL Import');
  ws.addRow([...headers]);
  records.forEach((r, i) => ws.addRow(keys.map((k) => (k === 'STT' ? (r.STT ?? i + 1) : (r[k] ?? null)))));
  opts.decorate?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV text with the given keys as header (UTF-8 with BOM by default). */
export function csvFile(records: readonly Readonly<Record<string, string>>[], keys: readonly string[], opts: { bom?: boolean; delimiter?: string } = {}): Buffer {
  const d = opts.delimiter ?? ',';
  const quote = (v: string) => (/[",;\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [keys.join(d), ...records.map((r) => keys.map((k) => quote(r[k] ?? '')).join(d))];
  const text = lines.join('\r\n') + '\r\n';
  return Buffer.concat([opts.bom === false ? Buffer.alloc(0) : Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
