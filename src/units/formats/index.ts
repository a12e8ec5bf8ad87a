/**
 * units/formats — pure readers of official unit lists (no database): a file's
 * bytes become a UnitBatch. The container is sniffed from the content (CSV in
 * UTF-8/UTF-16, XLSX, HTML-table ".xls"; binary XLS is refused with advice),
 * the format from the header row, never from the file name.
 * Invariants: codes come out as zero-padded text (2/3/5 digits); nothing is
 * dropped silently — a doubtful row is read with a Vietnamese warning, a bad
 * one stops the file with a UnitFileError whose message names file and row.
 * A header-only file is valid and gives an empty batch with one warning.
 */
export { readUnitFile, type FileContent } from './read-unit-file.js';
export { detectFormat, UNIT_FORMATS, UNIT_FORMAT_IDS, type UnitFormat, type UnitFormatId } from './format-catalog.js';
export { UnitFileError, UNIT_FILE_ERROR_CODES, type UnitFileErrorCode } from './unit-file-error.js';
export { padCode, CODE_WIDTH } from '../unit-code.js';
