// The one error middleware of both catalog apps: business errors → their status, body-parser errors
// → 400/413, anything else → 500 "Internal Server Error" (logged, never a stack in the response).
import type { ErrorRequestHandler } from 'express';
import { AppError } from './catalog-errors';
import { sendJson } from './send-json';

export interface ErrorLog {
  error(message: string, err?: unknown): void;
}

export function createCatalogErrorHandler(log: ErrorLog): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof AppError) {
      if (err.status >= 500) log.error(`catalog ${req.method} ${req.path} failed`, err);
      return sendJson(res, err.status, { message: err.message });
    }
    const bodyError = err as { type?: string; status?: number } | null;
    if (bodyError?.type === 'entity.parse.failed') {
      return sendJson(res, 400, { message: 'The request body is not valid JSON.' });
    }
    if (bodyError?.type === 'entity.too.large') {
      return sendJson(res, 413, { message: 'The request body is too large.' });
    }
    if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
      return sendJson(res, bodyError.status, { message: 'The request could not be read.' });
    }
    log.error(`catalog ${req.method} ${req.path} failed`, err);
    sendJson(res, 500, { message: 'Internal Server Error' });
  };
}
