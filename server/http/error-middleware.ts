import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../../contract/bff-api';
import { AppError, NotFoundError } from './errors';
import type { Logger } from './logger';

/** JSON 404 for API paths nobody handled. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No API route for ${req.method} ${req.path}`, 'no_route'));
};

/** The one place errors become HTTP: `{ error: { name, message, code? } }`; 5xx logged, stacks never sent. */
export function createErrorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let body: ApiErrorBody;
    let status: number;
    if (err instanceof AppError) {
      status = err.status;
      body = { ...err.extra, error: { name: err.name, message: err.message, ...(err.code ? { code: err.code } : {}) } };
    } else if (isBodyParserError(err)) {
      status = err.status;
      body = { error: { name: 'InputError', message: 'The request body is not valid JSON.', code: 'invalid_json' } };
    } else {
      status = 500;
      body = { error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } };
    }
    if (status >= 500) logger.error(`${req.method} ${req.path} → ${status}`, err);
    res.status(status).json(body);
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === 'object' && err !== null && 'type' in err && (err as { type: unknown }).type === 'entity.parse.failed';
}
