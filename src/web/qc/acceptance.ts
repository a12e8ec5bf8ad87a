/**
 * Acceptance screens of the qc feature (helper qc-acceptance): lots and
 * their sampling review (keyboard-first), lot/report screen with decision,
 * keyer accuracy. The shell routes #/qc/lots… and #/qc/keyers here (lazily).
 */
export { AcceptancePage } from './AcceptancePage.js';
