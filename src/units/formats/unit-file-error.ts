/**
 * The one error a unit-list file can raise: a stable code (for the web layer
 * and the tests) and a Vietnamese message that always names the file, and the
 * row when there is one, so a user can open the file and fix it.
 */
import { Invalid } from '../../core/index.js';

export const UNIT_FILE_ERROR_CODES = [
  'units.file_empty',
  'units.file_unreadable',
  'units.xls_binary',
  'units.format_unknown',
  'units.missing_column',
  'units.file_truncated',
  'units.bad_code',
  'units.missing_value',
  'units.unknown_kind',
  'units.conflict',
  'units.legacy_encoding',
] as const;
export type UnitFileErrorCode = (typeof UNIT_FILE_ERROR_CODES)[number];

/** An `Invalid` (HTTP 400, CLI exit 2) that also says which file and row. */
export class UnitFileError extends Invalid {
  constructor(
    override readonly code: UnitFileErrorCode,
    readonly fileName: string,
    message: string,
    readonly row?: number,
  ) {
    super(code, message, fileName, { fileName, row });
    this.name = 'UnitFileError';
  }
}

/** `Tệp "x.csv", dòng 12: <detail>` — the shape of every message of this module. */
export function where(fileName: string, row?: number): string {
  return row === undefined ? `Tệp "${fileName}"` : `Tệp "${fileName}", dòng ${row}`;
}

export function fileError(code: UnitFileErrorCode, fileName: string, detail: string, row?: number): UnitFileError {
  return new UnitFileError(code, fileName, `${where(fileName, row)}: ${detail}`, row);
}
