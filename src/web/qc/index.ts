/**
 * The QC web feature. What the book page shows at once (this file): the QC
 * panel of the book page (mode, work queue of independent passes). The QC
 * screens are loaded lazily by the shell, each from its own entry, so none of
 * them weighs on the first load: screens.ts (arbitration queue
 * #/qc/arbitration[/<bookId>], book checks #/qc/checks/<bookId>) and
 * acceptance.ts (lots, sampling review, keyer accuracy). Import those two
 * only through `import()`: a static import would pull them back into the
 * initial chunk (Vite's INEFFECTIVE_DYNAMIC_IMPORT; test/web/build.test.ts).
 */
export { BookQcPanel } from './BookQcPanel.js';
