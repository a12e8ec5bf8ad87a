/**
 * IiifError: what an IIIF request can fail with. `status` is the HTTP status
 * the spec asks for (400 bad syntax or impossible request, 501 valid syntax we
 * do not implement, 404 nothing to describe); `code` is stable, the message
 * Vietnamese. It is a typed AppError, so the server maps it like any other.
 */
import { AppError, type ErrorKind } from '../core/index.js';

export type IiifStatus = 400 | 404 | 501;

const KIND: Record<IiifStatus, ErrorKind> = { 400: 'invalid', 404: 'not_found', 501: 'not_implemented' };

export class IiifError extends AppError {
  constructor(
    readonly status: IiifStatus,
    code: string,
    message: string,
  ) {
    super(KIND[status], code, message);
    this.name = 'IiifError';
  }
}

export function isIiifError(e: unknown): e is IiifError {
  return e instanceof IiifError;
}

/** 400 Bad Request. */
export function badRequest(code: string, message: string): IiifError {
  return new IiifError(400, code, message);
}

/** 501 Not Implemented: the syntax is valid IIIF, this server does not do it. */
export function notImplemented(code: string, message: string): IiifError {
  return new IiifError(501, code, message);
}
