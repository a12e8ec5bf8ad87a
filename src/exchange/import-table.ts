/**
 * The shape every import reader (xlsx, CSV) produces: the cells of a sheet as
 * they were stored — text stays text, a number keeps its raw digits and
 * whether its style shows it as a date, a formula keeps its cached value —
 * so that the conversion to register values (import-cells.ts) can say exactly
 * what it changed. Rows are 1-based as Excel shows them; columns 0-based.
 */
import type { RowSpill } from './import-spill.js';
export type CellValue =
  | { t: 'text'; v: string }
  | { t: 'number'; v: number; raw: string; dateStyle: boolean }
  | { t: 'bool'; v: boolean }
  | { t: 'error'; v: string }
  /** An ISO date cell (t="d"). */
  | { t: 'date'; v: string }
  /** A formula without a cached value. */
  | { t: 'empty' };

export type Cell = CellValue & { formula?: string };

export interface TableRow {
  rowNo: number;
  cells: Map<number, Cell>;
}

/** A merged range, 1-based rows, 0-based columns, inclusive. */
export interface MergedRange {
  ref: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface ImportTable {
  kind: 'xlsx' | 'csv';
  /** Sheet name ('' for CSV). */
  sheet: string;
  headerRowNo: number;
  /** Header texts by column, exactly as stored. */
  header: Map<number, string>;
  /** Non-empty rows after the header, in file order (none here when they were spilled to disk: see spill). */
  rows: TableRow[];
  /** A sheet read with { spill: true }: its rows on disk (import-spill.ts), read back with tableRows. */
  spill?: RowSpill;
  merges: MergedRange[];
  /** Empty rows skipped (counted, never stored). */
  emptyRows: number;
  /** 1904 date system (Mac Excel): serials count from 1904-01-01. */
  date1904: boolean;
}

/** Column letters (A, Z, AA, BR…) from a 0-based index; the inverse of parseCellRef (reader and writer share it). */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column and 1-based row of a reference like "BR4"; undefined when malformed. */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { col, row: Number(m[2]) };
}

export function parseRange(ref: string): MergedRange | undefined {
  const [a, b = a] = ref.split(':');
  const from = parseCellRef(a ?? '');
  const to = parseCellRef(b ?? '');
  if (!from || !to) return undefined;
  return { ref, top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.col, to.col), right: Math.max(from.col, to.col) };
}

/** The text a cell shows, for reports and for header matching. */
export function cellText(c: Cell | undefined): string {
  if (!c) return '';
  switch (c.t) {
    case 'text':
    case 'date':
    case 'error':
      return c.v;
    case 'number':
      return c.raw;
    case 'bool':
      return c.v ? 'TRUE' : 'FALSE';
    case 'empty':
      return '';
  }
}

export const isBlankCell = (c: Cell | undefined): boolean => c === undefined || (c.formula === undefined && cellText(c).trim() === '');

/** How many data rows the table has, in memory or spilled. */
export const rowCount = (t: Pick<ImportTable, 'rows' | 'spill'>): number => t.spill?.count ?? t.rows.length;

/** The table's data rows in file order, from memory or from its spill file. */
export async function* tableRows(t: Pick<ImportTable, 'rows' | 'spill'>): AsyncGenerator<TableRow> {
  if (t.spill) yield* t.spill.rows();
  else yield* t.rows;
}
