/**
 * The one place where errors become HTTP responses. Typed AppErrors keep
 * their code and Vietnamese message; Zod failures become 400 with the field
 * paths; anything else is a 500 with a generic Vietnamese message and the
 * request id (details go to the log only, under that id).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { isAppError, TooManyRequests, type ErrorKind } from '../core/index.js';

const STATUS: Record<ErrorKind, number> = { not_found: 404, conflict: 409, invalid: 400, forbidden: 403, unauthorized: 401, not_implemented: 501, too_many_requests: 429, unprocessable: 422 };

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (isAppError(err)) {
      if (err instanceof TooManyRequests) reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
      return reply.status(STATUS[err.kind]).send({ error: { code: err.code, message: err.message, details: err.details } } satisfies ErrorBody);
    }
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(400).send({ error: { code: 'request.invalid', message: 'Dữ liệu gửi lên không hợp lệ.', details } } satisfies ErrorBody);
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send({ error: { code: 'request.invalid', message: `Yêu cầu không hợp lệ: ${err.message}` } } satisfies ErrorBody);
    }
    req.log.error({ err }, 'unhandled error');
    // The request id lets an administrator find the logged details.
    return reply
      .status(500)
      .send({ error: { code: 'server.error', message: `Lỗi máy chủ. Vui lòng thử lại hoặc báo cho quản trị viên (mã yêu cầu ${req.id}).`, details: { requestId: req.id } } } satisfies ErrorBody);
  });
}

/** 404 for an unknown route, in the same JSON shape as every other error. */
export function routeNotFound(method: string, url: string): ErrorBody {
  return { error: { code: 'route.not_found', message: `Không tìm thấy đường dẫn ${method} ${url}.` } };
}
