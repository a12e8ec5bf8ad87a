/**
 * Acceptance screens of the qc feature (helper qc-acceptance): lots and
 * their sampling review (keyboard-first), lot/report screen with decision,
 * keyer accuracy, machine (OCR) accuracy next to it with the handwritten mark
 * of pages. The shell routes #/qc/lots…, #/qc/keyers and #/qc/machine here (lazily).
 */
export { AcceptancePage } from './AcceptancePage.js';
