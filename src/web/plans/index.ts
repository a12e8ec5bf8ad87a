/** The campaign dashboard "Kế hoạch số hóa" (#/plans): progress by unit with drill-down, burn-up chart, late list, reports, reminders, plan files. Lazy-load it from the router. */
export { PlansPage } from './PlansPage.js';
export { PopdbProgress } from './PopdbProgress.js';
// For the home pages (src/web/home): the reminders' call and the labels they show.
export { getReminders, listCampaigns, STATUS_LABELS, viDate, type CampaignView, type OrganizationReminders } from './plans.api.js';
