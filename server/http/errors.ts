// Business errors. Handlers throw these; error-middleware.ts maps them to HTTP in one place.

export abstract class AppError extends Error {
  abstract readonly status: number;
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

export class ConflictError extends AppError {
  override name = 'ConflictError';
  readonly status = 409;
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
