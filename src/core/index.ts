/**
 * core — what every module may use and that knows nothing of the domain:
 * configuration (the only reader of process.env), typed user-facing errors,
 * the version. Invariant: nothing here imports another hotich module.
 */
export { loadConfig, parsePort, DEFAULT_PORT, type AppConfig, type ConfigOverrides, type S3Config } from './config.js';
export { parseExportNamePattern, parseNameCase, DEFAULT_EXPORT_NAME_PATTERN, EXPORT_NAME_PLACEHOLDERS, NAME_CASES, type NameCase } from './config.js';
export { AppError, NotFound, Conflict, Invalid, isAppError, type ErrorKind } from './errors.js';
export { VERSION } from './version.js';
export { consoleLogger, silentLogger, type AppContext, type Logger } from './context.js';
