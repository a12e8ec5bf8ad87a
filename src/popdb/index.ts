/**
 * popdb — the comparison with the national population database (CSDL quốc
 * gia về dân cư), file-based (docs/POPDB.md). Export: the match-key file of a
 * unit's completed birth and death registrations (CSV + xlsx + manifest).
 * Import: the file the population side returns, read all or nothing (a bad
 * row refuses the whole file, with a row-level error report xlsx), each row
 * classified (same, differs, not found, ID conflict) and stored per batch.
 * Conflict queue: the officer decides each difference beside the page image —
 * the book's value stands (Luật Hộ tịch Art. 60.2) or the keying was wrong
 * and the record is corrected through its action log (src/entry) with the
 * value read from the book; the correction list goes back to the population
 * side. Invariants: a population value never enters a record without an
 * officer's decision; rows and decisions are append-only and every decision
 * is an entity_actions row; every read is scoped by the registration's book.
 */
export { POPDB_REGISTERS, KEY_COLUMNS, RESULT_KEYS, COMPARED_KEYS, POP_STATUSES, STATUS_KEY, NOTE_KEY, popKey, headerCell, labelOf, type PopStatus } from './popdb-columns.js';
export { classifyRow, POPDB_CLASSES, CLASS_LABELS, CONFLICT_REASONS, type PopdbClass, type Diff, type Conflict } from './popdb-compare.js';
export { exportMatchKeys, matchKeyCsv, matchKeyXlsx, matchKeyRow, MANIFEST_FORMAT, type PopdbExportView, type PopdbFile } from './popdb-export.service.js';
export { importPopdbFile, refuseIfPopdbImported, type PopdbImportInput, type PopdbImportOutcome, type PopdbProgress, type PopdbImportHooks } from './popdb-import.service.js';
export { batchView, type PopdbBatchView } from './popdb-view.js';
export { listConflicts, getConflict, decideConflict, DecideInput, ConflictQuery, DECISIONS, type ConflictView, type ConflictField, type Decision } from './popdb-conflicts.service.js';
export { getBatch, listPopdbBatches, getBatchErrorReport, correctionsXlsx } from './popdb-batches.service.js';
export { startPopdbImport, runPopdbImportJob, POPDB_IMPORT_JOB, type PopdbImportJob } from './popdb-job.js';
export { comparisonProgress, type ComparisonProgressView, type ComparisonFigures } from './popdb-progress.service.js';
export { popdbRoutes } from './popdb.routes.js';
