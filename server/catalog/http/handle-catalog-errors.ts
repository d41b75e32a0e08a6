// The one error middleware of both catalog apps: business errors → their status, body-parser errors
// → 400/413, anything else → 500 "Internal Server Error" (logged, never a stack in the response).
import type { ErrorRequestHandler } from 'express';
import { AppError } from './catalog-errors';
import { sendJson } from './send-json';
import { describeJsonSyntaxError, findJsonSyntaxError } from '../../config/json-syntax';

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
      return sendJson(res, 400, { message: describeUnparsedBody((err as { body?: unknown }).body, err) });
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

/**
 * What body-parser's JSON reader could not take, with the line and column where it breaks (as POST
 * /api/v1/lineage says it); valid JSON it refuses is a bare value where an object or array is taken.
 */
export function describeUnparsedBody(body: unknown, parseError: unknown): string {
  if (typeof body !== 'string') return 'The request body is not valid JSON.';
  if (body.trim() !== '' && !findJsonSyntaxError(body)) {
    try {
      JSON.parse(body);
      return 'The request body must be a JSON object or array, not a bare value.';
    } catch {
      // not located by the scanner (nested too deep): JSON.parse's words below
    }
  }
  return `The request body is ${describeJsonSyntaxError(body, parseError, 'the body ends')}.`;
}
