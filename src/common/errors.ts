/**
 * Typed errors a user can meet. Each carries a stable code and a Vietnamese
 * message; the server maps them to HTTP status in one place (server/errors).
 */
export type ErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'unauthorized' | 'not_implemented' | 'too_many_requests' | 'unprocessable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFound extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('not_found', code, message, details);
  }
}

export class Conflict extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('conflict', code, message, details);
  }
}

export class Invalid extends AppError {
  constructor(
    code: string,
    message: string,
    readonly path?: string,
    details?: unknown,
  ) {
    super('invalid', code, message, details);
  }
}

/** Well-formed but contradicting what the server already holds (e.g. a client transaction id reused with other content): HTTP 422. */
export class Unprocessable extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('unprocessable', code, message, details);
  }
}

/** Refused for now (e.g. too many failed sign-ins): the client may try again after `retryAfterSeconds` (HTTP 429, Retry-After). */
export class TooManyRequests extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
    details?: unknown,
  ) {
    super('too_many_requests', code, message, details);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
