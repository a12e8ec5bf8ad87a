/**
 * Delimited text (RFC 4180): the separator (comma, semicolon or tab) is
 * detected on the first non-empty line, or named by Excel's `sep=;` hint; quoted fields may hold separators,
 * line breaks and doubled quotes. Each record keeps the line where it starts.
 * A quote left open at the end means the file was cut: 'units.file_truncated'.
 */
import { fileError } from './unit-file-error.js';
import type { TableRow } from './table-row.js';

const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) count++;
  }
  return count;
}

/** The separator used most on the first non-empty line; comma when none appears. */
export function detectDelimiter(text: string): Delimiter {
  const first = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = countOutsideQuotes(first, d);
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** Mutable state of the scanner, kept in one object so each step stays small. */
interface Scan {
  rows: TableRow[];
  cells: string[];
  field: string;
  fieldStart: boolean;
  inQuotes: boolean;
  line: number;
  rowLine: number;
}

function endField(s: Scan): void {
  s.cells.push(s.field);
  s.field = '';
  s.fieldStart = true;
}

function endRecord(s: Scan): void {
  endField(s);
  s.rows.push({ cells: s.cells, line: s.rowLine });
  s.cells = [];
  s.line++;
  s.rowLine = s.line;
}

/** One character inside quotes; returns how many extra characters were consumed. */
function quotedChar(s: Scan, ch: string, next: string | undefined): number {
  if (ch !== '"') {
    if (ch === '\n') s.line++;
    s.field += ch;
    return 0;
  }
  if (next === '"') {
    s.field += '"';
    return 1;
  }
  s.inQuotes = false;
  return 0;
}

function plainChar(s: Scan, ch: string, next: string | undefined, delimiter: string): number {
  if (ch === '"' && s.fieldStart) {
    s.inQuotes = true;
    s.fieldStart = false;
  } else if (ch === delimiter) {
    endField(s);
  } else if (ch === '\n' || ch === '\r') {
    endRecord(s);
    return ch === '\r' && next === '\n' ? 1 : 0;
  } else {
    s.field += ch;
    s.fieldStart = false;
  }
  return 0;
}

/** Parses the whole text; throws 'units.file_truncated' on a quote left open. */
export function parseCsv(text: string, delimiter: string, fileName: string): TableRow[] {
  const s: Scan = { rows: [], cells: [], field: '', fieldStart: true, inQuotes: false, line: 1, rowLine: 1 };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = i + 1 < text.length ? text.charAt(i + 1) : undefined;
    i += s.inQuotes ? quotedChar(s, ch, next) : plainChar(s, ch, next, delimiter);
  }
  if (s.inQuotes) {
    const detail = 'một ô mở dấu ngoặc kép (") nhưng tệp kết thúc trước khi đóng; tệp có thể bị cắt cụt.';
    throw fileError('units.file_truncated', fileName, detail, s.rowLine);
  }
  if (s.field !== '' || s.cells.length > 0) endRecord(s);
  return s.rows;
}

/** Excel's optional first line `sep=;` names the separator; its line still counts. */
const SEP_HINT_RE = /^sep=([,;\t])\r?\n/;

export function readCsv(text: string, fileName: string): TableRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const hint = SEP_HINT_RE.exec(body);
  if (!hint?.[1]) return parseCsv(body, detectDelimiter(body), fileName);
  const rows = parseCsv(body.slice(hint[0].length), hint[1], fileName);
  return rows.map((row) => ({ cells: row.cells, line: row.line + 1 }));
}
