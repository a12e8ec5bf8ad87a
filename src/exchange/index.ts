/**
 * exchange — what hotich delivers to the Ministry of Justice.
 * Registration PDFs: one PDF per registration, one A4 page per scanned page
 * (landscape for wide scans), each image at most 150 dpi and re-encoded to
 * about the byte target (default 100 KB; above 1.5× only with a warning).
 * Zips of registration PDFs are streamed with bounded memory; entry names are
 * flat, NFC, unique (case-insensitive) and end in .pdf.
 * bundles.service reads a book's records, pages and blobs to produce them.
 * Invariants: the PDF and zip builders are pure of database and blob store
 * (callers pass bytes and a Writable); every text a user reads is
 * Vietnamese; PDF strings are NFC.
 */
export {
  registrationPdf,
  DEFAULT_TARGET_BYTES_PER_PAGE,
  OVERSHOOT_WARNING,
  type RegistrationPage,
  type RegistrationPdf,
  type RegistrationPdfOptions,
} from './registration-pdf.js';
export { placeOnA4, A4, MAX_DPI, type PagePlacement } from './page-image.js';
export { zipRegistrationPdfs, type NamedPdf, type ZipResult, type ZipOptions } from './registration-zip.js';
export { checkPdfFileName } from './pdf-file-name.js';
export { recordPdf, writeBookPdfZip, bookFilePrefix, registrationFileName } from './bundles.service.js';
export { bundlesRoutes } from './bundles.routes.js';
