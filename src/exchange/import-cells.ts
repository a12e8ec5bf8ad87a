/**
 * From a stored cell to the text of a register field, saying what changed.
 * Decisions (documented in README):
 * - Text is kept as written (the validator cleans NFC/whitespace).
 * - An Excel date (a number shown as a date, an ISO date cell, or in a date
 *   column a number that is not a plausible year) becomes dd.mm.yyyy with a
 *   WARNING 'import.date_serial'.
 * - A number where the register keeps text becomes its digits with a WARNING
 *   'import.number_as_text' (codes, page and row numbers are numbers anyway:
 *   no warning). Where the length proves leading zeros were lost (a personal
 *   ID under 12 digits, a CMND/CCCD number too short) it is an ERROR
 *   'import.leading_zero_lost': zeros are never guessed back.
 * - A formula: its cached value is used with a WARNING 'import.formula'; a
 *   formula without a cached value is an ERROR (open and save it in Excel).
 * - An error value (#N/A…) or a TRUE/FALSE cell is an ERROR.
 */
import type { FieldDef, Finding, RegisterTemplate } from '../registers/index.js';
import { columnName, type Cell } from './import-table.js';

export interface Converted {
  value?: string;
  findings: Finding[];
  /** The value came from a number cell (leading zeros may be gone). */
  fromNumber?: boolean;
}

const DAY_MS = 86_400_000;
const SILENT_NUMBER_TYPES = new Set<FieldDef['type']>(['rowNo', 'pageNo', 'code']);

const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (d: Date) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;

/** An Excel serial as dd.mm.yyyy; undefined outside Excel's range or on the phantom 29.02.1900. */
export function serialToDate(serial: number, date1904 = false): string | undefined {
  const days = Math.floor(serial);
  if (date1904) return days >= 0 && days < 2957004 ? dmy(new Date(Date.UTC(1904, 0, 1) + days * DAY_MS)) : undefined;
  if (days < 1 || days > 2958465 || days === 60) return undefined;
  return dmy(new Date((days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + days * DAY_MS));
}

/** The digits Excel stored, without exponent or float noise. */
export function numberText(c: Extract<Cell, { t: 'number' }>): string {
  if (/^-?\d+$/.test(c.raw)) return c.raw.replace(/^(-?)0+(?=\d)/, '$1');
  if (Number.isInteger(c.v) && Math.abs(c.v) < 1e21) return BigInt(c.v).toString();
  return String(c.v);
}

const where = (f: FieldDef, ref: string) => `Ô ${ref} (${f.label}, cột ${f.key})`;

const finding = (f: FieldDef, severity: Finding['severity'], code: string, message: string): Finding => ({ path: f.key, severity, code, message });

function fromDate(f: FieldDef, ref: string, text: string | undefined, shown: string, note = ''): Converted {
  if (!text) return { findings: [finding(f, 'ERROR', 'import.bad_date_serial', `${where(f, ref)} là số ${shown}, không đổi được thành ngày; hãy ghi ngày dạng dd.mm.yyyy.`)] };
  return { value: text, findings: [finding(f, 'WARNING', 'import.date_serial', `${where(f, ref)} là ngày dạng số của Excel (${shown})${note}; đã đổi thành ${text}. Hãy đối chiếu với sổ.`)] };
}

function fromNumber(f: FieldDef, ref: string, c: Extract<Cell, { t: 'number' }>, date1904: boolean): Converted {
  const digits = numberText(c);
  if (SILENT_NUMBER_TYPES.has(f.type)) return { value: digits, findings: [] };
  if (c.dateStyle) return fromDate(f, ref, serialToDate(c.v, date1904), digits);
  if (f.type === 'date') {
    const isYear = Number.isInteger(c.v) && c.v >= 1850 && c.v <= 2100;
    if (!isYear) return fromDate(f, ref, serialToDate(c.v, date1904), digits, ', ô không định dạng ngày nhưng được hiểu là số ngày của Excel');
  }
  const msg = `${where(f, ref)} được lưu dạng số trong Excel; đã đổi thành văn bản "${digits}". Nếu trong sổ giá trị này có số 0 ở đầu thì số 0 đã bị mất: hãy đối chiếu với sổ.`;
  return { value: digits, fromNumber: true, findings: [finding(f, 'WARNING', 'import.number_as_text', msg)] };
}

function fromValue(f: FieldDef, ref: string, c: Cell, date1904: boolean): Converted {
  switch (c.t) {
    case 'text':
      return { value: c.v, findings: [] };
    case 'number':
      return fromNumber(f, ref, c, date1904);
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(c.v);
      return fromDate(f, ref, m ? `${m[3]}.${m[2]}.${m[1]}` : undefined, c.v);
    }
    case 'bool':
      return { findings: [finding(f, 'ERROR', 'import.cell_bool', `${where(f, ref)} là giá trị đúng/sai (${c.v ? 'TRUE' : 'FALSE'}); mẫu không dùng kiểu này, hãy ghi giá trị dạng văn bản.`)] };
    case 'error':
      return { findings: [finding(f, 'ERROR', 'import.cell_error', `${where(f, ref)} có lỗi Excel ${c.v}; hãy sửa ô này.`)] };
    case 'empty':
      return {
        findings: [
          finding(
            f,
            'ERROR',
            'import.formula_no_value',
            `${where(f, ref)} là công thức (=${c.formula ?? ''}) chưa có giá trị đã tính; hãy mở tệp bằng Excel, lưu lại rồi nhập, hoặc thay công thức bằng giá trị.`,
          ),
        ],
      };
  }
}

/** The field's text from one cell, with what the conversion changed. */
export function convertCell(f: FieldDef, c: Cell, col: number, rowNo: number, date1904: boolean): Converted {
  const ref = `${columnName(col)}${rowNo}`;
  const out = fromValue(f, ref, c, date1904);
  if (c.formula === undefined || c.t === 'empty') return out;
  const note = finding(f, 'WARNING', 'import.formula', `${where(f, ref)} là công thức (=${c.formula}); đã lấy giá trị Excel tính sẵn "${out.value ?? ''}". Hãy đối chiếu với sổ.`);
  return { ...out, findings: [...out.findings, note] };
}

function expectedLengths(f: FieldDef, template: RegisterTemplate, values: Readonly<Record<string, string>>): readonly number[] | undefined {
  if (f.type === 'personalId') return [12];
  if (f.type !== 'idDocNo') return undefined;
  const typeField = template.fields.find((x) => x.person === f.person && x.role === 'idDocType');
  const docType = typeField ? values[typeField.key]?.trim() : undefined;
  return docType === '1' ? [9, 12] : docType === '4' ? [12] : undefined;
}

/** ERRORs for identity numbers stored as numbers that are too short: their leading zeros are gone. */
export function lostZeros(template: RegisterTemplate, values: Readonly<Record<string, string>>, numeric: ReadonlySet<string>, rowNo: number): Finding[] {
  return template.fields.flatMap((f) => {
    const v = values[f.key];
    const lengths = numeric.has(f.key) && v ? expectedLengths(f, template, values) : undefined;
    if (!lengths || !/^\d+$/.test(v!) || lengths.includes(v!.length) || v!.length > Math.max(...lengths)) return [];
    const msg =
      `${f.label} (cột ${f.key}, dòng ${rowNo}) được lưu dạng số nên đã mất số 0 ở đầu: còn ${v!.length} chữ số "${v}", cần ${lengths.join(' hoặc ')}. ` +
      'Không tự thêm số 0: hãy định dạng ô là văn bản (Text) và ghi lại đúng như trong sổ.';
    return [finding(f, 'ERROR', 'import.leading_zero_lost', msg)];
  });
}
