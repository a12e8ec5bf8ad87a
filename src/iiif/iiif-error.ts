/**
 * IiifError: what an IIIF request can fail with. `status` is the HTTP status
 * the spec asks for (400 bad syntax or impossible request, 501 valid syntax we
 * do not implement, 404 nothing to describe); `code` is stable, the message
 * Vietnamese. `statusCode` mirrors `status` for Fastify's default handler.
 */
export type IiifStatus = 400 | 404 | 501;

export class IiifError extends Error {
  constructor(
    readonly status: IiifStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IiifError';
  }

  get statusCode(): IiifStatus {
    return this.status;
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
