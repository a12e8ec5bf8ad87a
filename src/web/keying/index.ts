/**
 * The keying feature (nhập liệu): route #/records/:id shows one record's page
 * image beside a form generated from the register's form description, with
 * autosave (version-guarded, never overwriting), inline findings, completion
 * and keyboard shortcuts. Loaded lazily by the shell (its own bundle chunk).
 */
export { KeyingPage } from './KeyingPage.js';
