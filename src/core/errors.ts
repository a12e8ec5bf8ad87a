/** The typed user-facing errors live in common/ (browser-safe); core's files and core's index take them from here. */
export { AppError, NotFound, Conflict, Invalid, Unprocessable, TooManyRequests, isAppError, type ErrorKind } from '../common/index.js';
