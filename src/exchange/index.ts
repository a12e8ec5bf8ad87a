/**
 * exchange — what hotich delivers to the Ministry of Justice.
 * Registration PDFs: one PDF per registration, one A4 page per scanned page
 * (landscape for wide scans), each image at most 150 dpi and re-encoded to
 * about the byte target (default 100 KB; above 1.5× only with a warning).
 * Zips of registration PDFs are streamed with bounded memory; entry names are
 * flat, NFC, unique (case-insensitive) and end in .pdf.
 * bundles.service reads a book's records, pages and blobs to produce them.
 * MoJ export (export.service): a gate (every registration completed, no
 * ERROR), then one streamed pass writing the "DL Import" xlsx (own
 * SpreadsheetML writer: raw template header, Text cells), the PDF zip in the
 * same order and the warnings report, stored as chunked blobs, plus a
 * manifest; exports are rows of `exports`, signed off by a reviewer. Over
 * HTTP an export is a background job (export-job.ts, kind 'export.book').
 * Invariants: the PDF and zip builders are pure of database and blob store
 * (callers pass bytes and a Writable); every text a user reads is
 * Vietnamese; PDF strings are NFC.
 */
export { registrationPdf, DEFAULT_TARGET_BYTES_PER_PAGE, OVERSHOOT_WARNING, type RegistrationPage, type RegistrationPdf, type RegistrationPdfOptions } from './registration-pdf.js';
export { placeOnA4, A4, MAX_DPI, type PagePlacement } from './page-image.js';
export { zipRegistrationPdfs, type NamedPdf, type ZipResult, type ZipOptions } from './registration-zip.js';
export { checkPdfFileName } from './pdf-file-name.js';
export { recordPdf, writeBookPdfZip, bookZipDownload, bookFilePrefix } from './bundles.service.js';
export { bundlesRoutes } from './bundles.routes.js';
export { createExport, type ExportOptions } from './export.service.js';
export { startExport, runExportJob, EXPORT_BOOK_JOB, type ExportBookJob } from './export-job.js';
export { listExports, getExport, signOffExport, openExportFile, SignOffInput, type ExportFile } from './export-signoff.service.js';
export { EXPORT_FILE_KINDS, type ExportView, type ExportFileView, type ExportFileKind } from './export-view.js';
export { type GateProblem } from './export-gate.js';
export { listBookIdsOfUnit, registrationCounts } from './exports.repo.js';
export { createXlsxWriter, type XlsxWriter, type XlsxWriterOptions, type Cell, type StaticSheet } from './xlsx-writer.js';
export { exportRow, notesSheet, DATA_SHEET, NOTES_SHEET } from './export-row.js';
export { exportBaseName, pdfNamer } from './export-names.js';
export { exportsRoutes } from './exports.routes.js';
/*
 * Import (import-*.ts, imports.*): registrations from xlsx (MoJ templates) and
 * CSV files into books, all or nothing. The xlsx is read with yauzl (zip-bomb
 * checks before inflating) and saxes (streamed sheet XML); the header matcher
 * derives from the catalog; each row is validated by it; a failed import
 * writes only its imports row and an error report xlsx (added "Lỗi" column);
 * a successful one creates completed records carrying their source (file,
 * sheet, row, sha256) in one transaction. The same content is imported once.
 * Over HTTP an import is a background job (import-job.ts, kind 'import.file')
 * that reports its progress (rows read, checked, written).
 */
export { importFile, getImport, getImportErrorReport, errorReportName, type ImportFileInput, type ImportOutcome, type ImportProgress, type ImportHooks } from './import.service.js';
export { startImport, runImportJob, IMPORT_FILE_JOB, type ImportFileJob } from './import-job.js';
export { importView, type ImportView, type ImportReportJson, type ImportRowReport } from './import-view.js';
export { matchHeader, normalizeHeader, ERROR_COLUMN, type HeaderMatch } from './import-header.js';
export { IMPORT_LIMITS } from './import-zip.js';
export { importsRoutes } from './imports.routes.js';
