// Business errors. Handlers throw these; error-middleware.ts maps them to HTTP in one place.

export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Fields the error body carries besides `error` (a 409 conflict's `current`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export class InputError extends AppError {
  override name = 'InputError';
  readonly status = 400;
}

export class NotAuthenticatedError extends AppError {
  override name = 'NotAuthenticatedError';
  readonly status = 401;
  constructor(message = 'Your session has ended; log in again.', code = 'not_authenticated') {
    super(message, code);
  }
}

export class NotAllowedError extends AppError {
  override name = 'NotAllowedError';
  readonly status = 403;
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  readonly status = 404;
}

/** 405: the path exists, the method does not; the handler sets the Allow header (allowed-methods.ts). */
export class MethodNotAllowedError extends AppError {
  override name = 'MethodNotAllowedError';
  readonly status = 405;
  constructor(method: string, path: string, allowed: readonly string[]) {
    super(`${method} is not allowed on ${path}; it answers ${allowed.join(', ')}.`, 'method_not_allowed');
  }
}

export class ConflictError extends AppError {
  override name = 'ConflictError';
  readonly status = 409;
  constructor(message: string, code?: string, override readonly extra?: Readonly<Record<string, unknown>>) {
    super(message, code);
  }
}

/** An upstream service (metadata, search, identity provider) failed or answered nonsense. */
export class UpstreamError extends AppError {
  override name = 'UpstreamError';
  readonly status: number;
  constructor(message: string, code = 'upstream_unavailable', status = 502) {
    super(message, code);
    this.status = status;
  }
}

/**
 * An upstream failure as the one line it is logged as (decision 031): it is expected now and then, so
 * no stack; its cause (a refused connection, the session store's own error) stays on the line.
 */
export function describeUpstreamError(err: UpstreamError): string {
  const cause = err.cause instanceof Error ? `; caused by ${err.cause.name}: ${err.cause.message}` : '';
  return `${err.name}: ${err.message}${cause}`;
}

/**
 * The metadata service refused a write whose `If-Match` no longer matched (412): the value changed since
 * the BFF read it. The write routes catch it and answer 409 with the newer value; it never reaches a page.
 */
export class UpstreamPreconditionFailedError extends UpstreamError {
  override name = 'UpstreamPreconditionFailedError';
  constructor(service: string) {
    super(`The ${service} refused the write: the value changed since it was read.`, 'upstream_precondition_failed', 502);
  }
}

/**
 * A metadata or search service refused the user's access token (401, 403, or a redirect to a login, as
 * flaskoidc-protected Amundsen services answer). The session accessor renews the token and tries again;
 * this error reaches the user only when a token fresh from a login is refused: then the setup is wrong.
 */
export class UpstreamTokenRejectedError extends UpstreamError {
  override name = 'UpstreamTokenRejectedError';
  constructor(service: string) {
    super(
      `The ${service} refused Nansen's access token, fresh from your login. An administrator should check that it trusts the same identity provider (and CATALOG_TOKEN_AUDIENCE), and UPSTREAM_AUTH (flaskoidc for Amundsen services launched with flaskoidc).`,
      'upstream_rejected_token',
      502,
    );
  }
}

/** 429: a rate limit (rate-limit.ts) was reached; the limiter sets Retry-After before throwing this. */
export class TooManyRequestsError extends AppError {
  override name = 'TooManyRequestsError';
  readonly status = 429;
  constructor(message: string, readonly retryAfterSeconds: number, code = 'rate_limited') {
    super(message, code);
  }
}
