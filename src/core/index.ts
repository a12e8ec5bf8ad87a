/**
 * core — what every module may use and that knows nothing of the domain:
 * configuration (the only reader of process.env), typed user-facing errors
 * (re-exported from common/, their browser-safe home), the version, the
 * context type, the log (pino, logger.ts) and the background job queue (job-runner.ts:
 * typed job map, enqueue, runDueJobs; job-lease.ts: the heartbeat of a
 * running job; job-worker.ts: the server's loop).
 * Invariant: nothing here imports another hotich module at run time but
 * common/ (only the store's and blobs' types); the job map itself lives in server/jobs.ts.
 */
export { loadConfig, parsePort, parseCount, DEFAULT_PORT, type AppConfig, type ConfigOverrides, type S3Config } from './config.js';
export { mailFromEnv, DEFAULT_MAIL_FROM, type MailConfig } from './config.js';
export { sendMail, type MailMessage } from './mail.js';
export { parseTrustProxy, DEFAULT_AUTH_CONFIG, type TrustProxy, type AuthConfig } from './config.js';
export { parseExportNamePattern, parseNameCase, DEFAULT_EXPORT_NAME_PATTERN, EXPORT_NAME_PLACEHOLDERS, NAME_CASES, type NameCase } from './config.js';
export { AppError, NotFound, Conflict, Invalid, TooManyRequests, Unprocessable, isAppError, type ErrorKind } from './errors.js';
export { VERSION } from './version.js';
export { parseWith } from './parse-input.js';
export { type AppContext } from './context.js';
export { createLogger, fromPino, readableLine, silentLogger, LOG_LEVELS, type Logger, type LoggerOptions, type LogLevel, type LogFormat } from './logger.js';
export {
  enqueueJob,
  getJob,
  runNextJob,
  runDueJobs,
  releaseStaleJobs,
  retryDelayMs,
  LEASE_MS,
  JOB_STATUSES,
  type Handler,
  type JobHandlers,
  type AnyJobHandlers,
  type JobInfo,
  type JobStatus,
  type JobView,
} from './job-runner.js';
export { startJobWorker, STALE_CHECK_MS, type JobWorker, type JobWorkerOptions, type StopOptions } from './job-worker.js';
export { DEFAULT_LEASE, LeaseLost, type LeaseOptions } from './job-lease.js';
export type { UserFacingError } from './jobs.repo.js';
export { jobFileOf, type JobFile } from './job-file.js';
export { attachment } from './attachment.js';
