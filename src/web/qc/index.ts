/**
 * The QC web feature. Keying side (this block): the arbitration queue
 * (#/qc/arbitration[/<bookId>]), the book checks checklist
 * (#/qc/checks/<bookId>) and the QC panel of the book page (mode, work
 * queue of independent passes). The acceptance screens live in acceptance.ts.
 */
export { ArbitrationPage } from './ArbitrationPage.js';
export { BookChecksPage } from './BookChecksPage.js';
export { BookQcPanel } from './BookQcPanel.js';
