// The one error type the SPA sees from the BFF: HTTP status plus the `{error:{name,message,code?}}` body.
import { SESSION_USER_CHANGED } from '../../contract/page-user';

/** `status` is 0 when no HTTP answer was usable (network failure, unexpected body). */
export class ApiError extends Error {
  override readonly name: string;
  readonly status: number;
  readonly code: string | undefined;
  /** The whole error body as the server sent it, for errors that carry more (a 409's current value). */
  readonly body: unknown;

  constructor(status: number, name: string, message: string, code?: string, body?: unknown) {
    super(message);
    this.status = status;
    this.name = name;
    this.code = code;
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** A read or write refused because the session is now another user's than the page's (server/auth/page-user-guard.ts). */
export function isSessionUserChanged(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === SESSION_USER_CHANGED;
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/**
 * Whether asking again may succeed: no answer (network trouble), a timeout (408, 504), too many requests
 * (429) or a server failure (5xx); an error that is not an ApiError, whose cause is unknown, too. Not a
 * client error (400, 403, 404, 409, 422…): the same request is refused the same way; nor an answer this
 * page does not understand, nor a service Nansen is set up wrong to reach.
 */
export function canRetry(error: unknown): boolean {
  if (!isApiError(error)) return true;
  if (isSetUpWrong(error)) return false;
  if (error.status === 0) return error.name !== 'InvalidResponse';
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * The BFF reached something other than the metadata or search service at its URL (decision 078): only
 * whoever runs Nansen can fix it, so asking again will not help.
 */
export function isSetUpWrong(error: unknown): boolean {
  return isApiError(error) && error.code === 'upstream_misconfigured';
}

/** A readable sentence for any thrown value, for error states. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
