// What a request gets while the session store cannot be used (Redis stopped, the SQLite file
// unreadable): 503 with Retry-After. A browser's page request (outside /api, Accept preferring HTML,
// as a navigation sends) gets a page in words in the shell of the login pages (html-page.ts) rather
// than the API's JSON error; /api and everything else keep the one JSON error shape. The log line
// names the store: "session store (Redis) unavailable", with the cause.
import type { ErrorRequestHandler } from 'express';
import { sanitizeReturnTo } from '../auth/return-to';
import { asksForPage } from './asks-for-page';
import { renderPage } from './html-page';
import type { Logger } from './logger';

/** The session store comes back by itself (a Redis reconnects at least once a second): worth another try soon. */
export const SESSION_STORE_RETRY_AFTER_SECONDS = 5;

/** The page; `tryAgainHref` is a path of ours (the caller checks it), escaped here as every value is. */
export function renderSessionStoreUnavailablePage(storeName: string, tryAgainHref: string): string {
  return renderPage('Nansen cannot tell who you are just now', [
    'Nansen cannot reach the service where it remembers who is logged in, so it cannot show you this page.',
    `Nothing you did caused this. Try again in a moment (${SESSION_STORE_RETRY_AFTER_SECONDS} seconds or so).`,
    `If this keeps happening, tell whoever runs Nansen: the session store (${storeName}) is unavailable.`,
  ], { label: 'Try again', href: tryAgainHref });
}

/**
 * `res.locals[SESSION_STORE_TRY_AGAIN]`: where the page's "Try again" goes when it must not be the same
 * URL (the login callback: its code is spent, and is not to be in a page): a new login, which the
 * return-to check refuses as a place to return to. Only a path on this origin is taken.
 */
export const SESSION_STORE_TRY_AGAIN = 'sessionStoreTryAgain';

/** A path on this origin (not `//host`, no backslash or control character): what a chosen "Try again" may be. */
function isOwnPath(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 2048 && /^\/(?![/\\])/.test(value) && !/[\u0000-\u001f\\]/.test(value);
}

export function describeCause(cause: unknown): string {
  // node-redis's errors leave `name` as "Error": their class says more (AbortError, ClientClosedError).
  if (cause instanceof Error) return `${cause.name === 'Error' && cause.constructor.name ? cause.constructor.name : cause.name}: ${cause.message}`;
  return cause === undefined ? 'no cause given' : String(cause);
}

/** For before the error middleware: answers the session store's 503s, hands every other error on. */
export function createSessionStoreOutageHandler(options: { storeName: string; logger: Logger }): ErrorRequestHandler {
  return (err: { code?: unknown; name?: unknown; message?: unknown; cause?: unknown } | null, req, res, next) => {
    if (err?.code !== 'session_store_unavailable' || res.headersSent) return next(err);
    options.logger.error(`${req.method} ${req.path} → 503 — session store (${options.storeName}) unavailable: ${describeCause(err.cause)}`);
    res.status(503).set('Retry-After', String(SESSION_STORE_RETRY_AFTER_SECONDS)).set('Cache-Control', 'no-store');
    if (asksForPage(req)) {
      // Again the same page for a GET; after a form's POST, the start page (POST /logout is answered before: decision 054).
      const chosen: unknown = res.locals[SESSION_STORE_TRY_AGAIN];
      const again = isOwnPath(chosen) ? chosen : req.method === 'GET' ? sanitizeReturnTo(req.originalUrl) : '/';
      res.type('html').send(renderSessionStoreUnavailablePage(options.storeName, again));
      return;
    }
    res.json({ error: { name: err.name, message: err.message, code: err.code } });
  };
}
