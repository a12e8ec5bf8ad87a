/**
 * Keying-side QC screens, loaded lazily by the shell (never import this file
 * statically): the arbitration queue and the book checks checklist.
 */
export { ArbitrationPage } from './ArbitrationPage.js';
export { BookChecksPage } from './BookChecksPage.js';
