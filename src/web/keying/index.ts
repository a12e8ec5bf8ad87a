/**
 * The keying feature (nhập liệu): route #/records/:id shows one record's page
 * image beside a form generated from the register's form description, with
 * autosave (version-guarded, never overwriting), inline findings, completion
 * and keyboard shortcuts. The keying aids (aids.ts, aids-learn.ts,
 * aids-dates.ts, useAids.ts) offer values under the focused field, learned
 * from the record, the book's earlier records and the catalogs; only what
 * the keyer accepts (Enter) becomes a value. bench:keying measures them.
 * Loaded lazily by the shell (its own bundle chunk).
 */
export { KeyingPage } from './KeyingPage.js';
