/** The campaign dashboard "Kế hoạch số hóa" (#/plans): progress by unit with drill-down, burn-up chart, late list, reports, reminders, plan files. Lazy-load it from the router. */
export { PlansPage } from './PlansPage.js';
export { PopdbProgress } from './PopdbProgress.js';
