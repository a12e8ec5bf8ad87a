/**
 * plans — digitization campaigns (kế hoạch), their work packages (a unit ×
 * register types × years, with estimates, and per stage a deadline, a
 * responsible organization and person and a unit price) and progress derived
 * from facts, never typed.
 * Invariants: every plan change is an entity_actions row with who and why
 * (campaign / work_package); a reader sees only packages of units within her
 * scope; progress_daily/progress_book equal a full recomputation from the
 * source tables (stage-facts.ts, the ONE mapping of tables to stages) for
 * every book not in progress_dirty, the package tables (progress_package*,
 * with the monthly fold progress_package_month) equal their sums over the
 * packages' books, and no progress read answers while its snapshot shows
 * dirty books (it refreshes them and reads again).
 * HTTP API: see plans.routes.ts (header lists every route and its answer).
 */
export { STAGES, STAGE_INFO, MEASURE_LABELS, isStage, stageByLabel, type Stage, type StageMeasure } from './stages.js';
export { stageFigures, STATUS_LABELS, addDays, daysBetween, type StageFigures, type StageStatus } from './forecast.js';
export { CampaignInput, PackageInput, StageInput, LoadsInput } from './plan.schema.js';
export { createCampaign, updateCampaign, listCampaigns, getCampaign, listPackages, getPackage, addPackage, updatePackage, removePackage, packageHistory, type PlanChange } from './plan.service.js';
export type { CampaignView, PackageView, StageView, Estimates } from './plan-views.js';
export { getProgress, type ProgressView, type PackageProgress, type Rollup, type ProgressQuery } from './progress.service.js';
export { refreshProgress, progressDrift, type DriftRow } from './progress-refresh.js';
export { packageRollupDrift, type PackageDriftRow } from './package-rollup.js';
export { stageFacts } from './stage-facts.js';
export { confirmLoads } from './loads.service.js';
export { listReminders, type RemindersView, type ReminderItem, type OrganizationReminders } from './reminders.service.js';
export { startReminderMail, runRemindersJob, runReminderMailJob, reminderMessage, mailStatus, MAIL_NOT_CONFIGURED, PLANS_REMINDERS_JOB, PLANS_REMINDER_MAIL_JOB } from './reminder-mail.js';
export type { PlansRemindersJob, PlansReminderMailJob } from './reminder-mail.js';
export { keyerThroughput, type KeyerThroughputRow, type OrganizationThroughput } from './keyer-throughput.service.js';
export { getBurnup, type BurnupSeries } from './burnup.service.js';
export { progressReport, progressReportContent, type ReportQuery, type ReportFormat } from './report.service.js';
export type { ReportContent, ReportRow, ReportPeriod } from './report-content.js';
export { plansRoutes } from './plans.routes.js';
export { PLANS_IMPORT_JOB, PLANS_REPORT_JOB, startPlanImport, startProgressReport, runPlanImportJob, runProgressReportJob } from './plan-jobs.js';
export type { PlansImportJob, PlansReportJob, PlanImportProgress, ReportProgress } from './plan-jobs.js';
