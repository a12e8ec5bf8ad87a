/**
 * The two errors of sign-in and access, as typed AppErrors (kinds
 * 'unauthorized' → 401 and 'forbidden' → 403 in server/errors). They live
 * here because core/index.ts does not export such classes yet; they extend
 * core's AppError, so the one error mapper handles them unchanged.
 */
import { AppError } from '../core/index.js';

export class Unauthorized extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('unauthorized', code, message, details);
  }
}

export class Forbidden extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('forbidden', code, message, details);
  }
}

/** One message for unknown login, wrong password and disabled user, so logins cannot be enumerated. */
export const BAD_CREDENTIALS = 'Sai tên đăng nhập hoặc mật khẩu.';
export const LOGIN_REQUIRED = 'Cần đăng nhập.';

export const badCredentials = (): Unauthorized => new Unauthorized('auth.bad_credentials', BAD_CREDENTIALS);
export const loginRequired = (): Unauthorized => new Unauthorized('auth.required', LOGIN_REQUIRED);
