// Errors the catalog services throw; handle-catalog-errors.ts turns them into Amundsen's
// `{"message": "..."}` envelope. The shared business errors (InputError 400, NotFoundError 404)
// come from server/http/errors.ts; these are the extra ones only the catalog needs.
import { AppError } from '../../http/errors';

export { AppError, InputError, NotFoundError } from '../../http/errors';

export class MethodNotAllowedError extends AppError {
  override name = 'MethodNotAllowedError';
  readonly status = 405;
  constructor(message = 'The method is not allowed for the requested URL.') {
    super(message);
  }
}

/** 412: an `If-Match` precondition failed (description-etag.ts); nothing was written. */
export class PreconditionFailedError extends AppError {
  override name = 'PreconditionFailedError';
  readonly status = 412;
}

export class UnavailableError extends AppError {
  override name = 'UnavailableError';
  readonly status = 503;
}

/** Flask's text for an unknown URL. */
export const UNKNOWN_URL_MESSAGE =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
