/**
 * The job map: every kind of background work and its payload, and the
 * handler of each, complete by construction (a kind without a handler, or a
 * handler of the wrong payload, fails to compile). Domain modules export
 * their payload types and handlers; only this composition level knows them
 * all. runJobs/startWorker bind the generic runner (core) to this map.
 */
import { runDueJobs, startJobWorker, type AppContext, type JobHandlers, type JobWorker, type JobWorkerOptions } from '../core/index.js';
import { runExportJob, runImportJob, type ExportBookJob, type ImportFileJob } from '../exchange/index.js';
import { runLinkageJob, type LinkageJob } from '../linkage/index.js';
import { runIssueCopyJob, type IssueCopyJob } from '../extracts/index.js';
import { runPopdbImportJob, type PopdbImportJob } from '../popdb/index.js';
import { runOcrJob, runThresholdsJob, type OcrBookJob, type OcrThresholdsJob } from '../ocr/index.js';
import {
  runPlanImportJob,
  runProgressReportJob,
  runReminderMailJob,
  runRemindersJob,
  type PlansImportJob,
  type PlansReminderMailJob,
  type PlansRemindersJob,
  type PlansReportJob,
} from '../plans/index.js';

export interface Jobs {
  'export.book': ExportBookJob;
  'import.file': ImportFileJob;
  'plans.report': PlansReportJob;
  'plans.import': PlansImportJob;
  'linkage.run': LinkageJob;
  'extract.issue': IssueCopyJob;
  'popdb.import': PopdbImportJob;
  'ocr.book': OcrBookJob;
  'ocr.thresholds': OcrThresholdsJob;
  'plans.reminders': PlansRemindersJob;
  'plans.reminder.mail': PlansReminderMailJob;
}

export const JOB_HANDLERS = {
  'export.book': runExportJob,
  'import.file': runImportJob,
  'plans.report': runProgressReportJob,
  'plans.import': runPlanImportJob,
  'linkage.run': runLinkageJob,
  'extract.issue': runIssueCopyJob,
  'popdb.import': runPopdbImportJob,
  'ocr.book': runOcrJob,
  'ocr.thresholds': runThresholdsJob,
  'plans.reminders': runRemindersJob,
  'plans.reminder.mail': runReminderMailJob,
} satisfies JobHandlers<Jobs>;

/** Runs every due job now (tests, one-off commands); returns how many ran. */
export const runJobs = (ctx: AppContext): Promise<number> => runDueJobs(ctx, JOB_HANDLERS);

/** The server's worker loop over this map (polls every 500 ms when idle). */
export const startWorker = (ctx: AppContext, opts: JobWorkerOptions = {}): JobWorker => startJobWorker(ctx, JOB_HANDLERS, opts);
