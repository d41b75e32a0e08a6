import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../../contract/bff-api';
import { allowedMethods, type RouterStack } from './allowed-methods';
import { asksForPage } from './asks-for-page';
import { AppError, describeUpstreamError, MethodNotAllowedError, NotFoundError, UpstreamError } from './errors';
import { renderPage } from './html-page';
import type { Logger } from './logger';
import { currentRequestId } from './request-context';

/** JSON 404 for API paths nobody handled. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No API route for ${req.method} ${req.path}`, 'no_route'));
};

/** For `router`'s last handler: 405 with an Allow header for a path its routes answer with other methods, else the JSON 404. */
export function apiMethodNotAllowed(router: RouterStack): RequestHandler {
  return (req, res, next) => {
    const allowed = allowedMethods(router, req.path);
    if (allowed.length === 0) return apiNotFound(req, res, next);
    res.set('Allow', allowed.join(', '));
    next(new MethodNotAllowedError(req.method, `${req.baseUrl}${req.path}`, allowed));
  };
}

/**
 * The one place errors become HTTP: `{ error: { name, message, code? } }`; 5xx logged, stacks never sent.
 * A browser's page request (asks-for-page.ts) gets the same status as a page in words instead.
 */
export function createErrorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let body: ApiErrorBody;
    let status: number;
    const bodyError = bodyParserAnswer(err);
    if (err instanceof AppError) {
      status = err.status;
      body = { ...err.extra, error: { name: err.name, message: err.message, ...(err.code ? { code: err.code } : {}) } };
    } else if (bodyError) {
      ({ status, body } = bodyError);
    } else {
      status = 500;
      body = { error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } };
    }
    // A service that failed or did not answer is expected now and then, and was logged where it
    // happened: one line. Anything else is a bug, logged with its stack.
    // Its cause (the session store's or the service's own error) stays on the line, without a stack.
    if (status >= 500 && err instanceof UpstreamError) logger.error(`${req.method} ${req.path} → ${status} — ${describeUpstreamError(err)}`);
    else if (status >= 500) logger.error(`${req.method} ${req.path} → ${status}`, err);
    if (asksForPage(req)) {
      // A browser's page (a navigation): the same status as a page in words, not the API's JSON shown raw.
      // Its words are fixed: an error's message is written for an API client and may name a service's URL.
      res.status(status).type('html').set('Cache-Control', 'no-store').send(renderErrorPage(status, currentRequestId()));
      return;
    }
    res.status(status).json(body);
  };
}

/** The page a browser's page request gets for an error: what happened in general words, the request id to quote, a way on. */
export function renderErrorPage(status: number, requestId: string | undefined): string {
  const reference = requestId ? ` (reference: request ${requestId})` : '';
  if (status >= 500) {
    return renderPage('Something went wrong on Nansen\'s side', [
      'Nansen could not finish this request. Nothing you did caused this.',
      `Try again in a moment. If it keeps happening, tell whoever runs Nansen${reference}.`,
    ], { label: 'Go to the start page', href: '/' });
  }
  return renderPage('Nansen could not answer this request', [
    `The request was not one Nansen can answer (HTTP ${status}).`,
    `If you followed a link or pressed a button in Nansen, tell whoever runs Nansen${reference}.`,
  ], { label: 'Go to the start page', href: '/' });
}

/** 102400 → "100 kB", 1048576 → "1 MB" (1 kB = 1024 bytes, as the parsers' limits are given). */
function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;
}

interface BodyParserError extends Error {
  type: string;
  limit?: number;
  charset?: string;
  encoding?: string;
}

/**
 * What the client did wrong, per body-parser error type (express.json's). `stream.encoding.set` and
 * `stream.not.readable` are not in the table: they are our bugs, and stay a logged 500.
 */
const BODY_PARSER_ANSWERS: Record<string, (err: BodyParserError) => { status: number; code: string; message: string }> = {
  'entity.parse.failed': () => ({ status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' }),
  'entity.too.large': (err) => ({
    status: 413,
    code: 'body_too_large',
    message: `The request body is too large${typeof err.limit === 'number' ? `: the limit is ${sizeInWords(err.limit)}` : ''}.`,
  }),
  'parameters.too.many': () => ({ status: 413, code: 'body_too_large', message: 'The request body has too many parameters.' }),
  'charset.unsupported': (err) => ({
    status: 415,
    code: 'unsupported_charset',
    message: `The request body's charset${err.charset ? ` "${err.charset.slice(0, 40)}"` : ''} is not supported; send UTF-8.`,
  }),
  'encoding.unsupported': (err) => ({
    status: 415,
    code: 'unsupported_encoding',
    message: `The request body's Content-Encoding${err.encoding ? ` "${err.encoding.slice(0, 40)}"` : ''} is not supported; send it uncompressed, or as gzip, deflate or br.`,
  }),
  'entity.verify.failed': () => ({ status: 400, code: 'invalid_body', message: 'The request body was refused.' }),
  'request.aborted': () => ({ status: 400, code: 'request_aborted', message: 'The request body ended before it was complete.' }),
  'request.size.invalid': () => ({ status: 400, code: 'invalid_body', message: "The request body's length does not match its Content-Length." }),
};

/** The answer to an error express.json raised about the request's body, or null when it is no such error. */
function bodyParserAnswer(err: unknown): { status: number; body: ApiErrorBody } | null {
  if (!(err instanceof Error)) return null;
  const { type, code, status } = err as Partial<BodyParserError> & { code?: unknown; status?: unknown };
  let answer: { status: number; code: string; message: string } | undefined;
  if (typeof type === 'string' && Object.hasOwn(BODY_PARSER_ANSWERS, type)) {
    answer = BODY_PARSER_ANSWERS[type]!(err as BodyParserError);
  } else if (type === undefined && status === 400 && typeof code === 'string' && code.startsWith('Z_')) {
    // body-parser hands on zlib's error, without a type, for a body that is not what its Content-Encoding says.
    answer = { status: 400, code: 'invalid_body', message: 'The request body is not valid data for its Content-Encoding.' };
  }
  return answer ? { status: answer.status, body: { error: { name: 'InputError', message: answer.message, code: answer.code } } } : null;
}
