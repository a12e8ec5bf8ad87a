/**
 * Reading the cells of a data row by column name (matched by compactKey, as
 * the header was), with the checks every format needs: a required value, a
 * code padded to its width. Failures name the file, the row and the column.
 */
import { cleanText, compactKey } from '../../vn/index.js';
import { padCode } from '../unit-code.js';
import { fileError, where } from './unit-file-error.js';
import type { TableRow } from './table-row.js';

export class RowReader {
  private readonly index = new Map<string, number>();

  constructor(
    header: readonly string[],
    readonly fileName: string,
  ) {
    header.forEach((column, i) => {
      const key = compactKey(column);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  has(column: string): boolean {
    return this.index.has(compactKey(column));
  }

  /** The cell as cleaned text ('' when the column is absent or the cell empty). */
  text(row: TableRow, column: string): string {
    const i = this.index.get(compactKey(column));
    return i === undefined ? '' : cleanText(row.cells[i] ?? '');
  }

  required(row: TableRow, column: string): string {
    const value = this.text(row, column);
    if (value === '') throw fileError('units.missing_value', this.fileName, `cột "${column}" để trống.`, row.line);
    return value;
  }

  /** The code padded to `width`; undefined for an empty cell. */
  optionalCode(row: TableRow, column: string, width: number): string | undefined {
    const raw = this.text(row, column);
    if (raw === '') return undefined;
    const result = padCode(raw, width);
    if (!result.ok) throw fileError('units.bad_code', this.fileName, `cột "${column}": ${result.reason}.`, row.line);
    return result.code;
  }

  code(row: TableRow, column: string, width: number): string {
    const code = this.optionalCode(row, column, width);
    if (code === undefined) throw fileError('units.bad_code', this.fileName, `cột "${column}" thiếu mã.`, row.line);
    return code;
  }

  /** A warning prefix for this row: `Tệp "x", dòng N`. */
  at(row: TableRow): string {
    return where(this.fileName, row.line);
  }
}
