import session from 'express-session';
import type { RequestHandler } from 'express';
import { UpstreamError } from '../http/errors';

export interface SessionMiddlewareOptions {
  /** The first signs the cookie; all are accepted (a rotation list). */
  secrets: readonly string[];
  store: session.Store;
  secureCookie: boolean;
  idleTimeoutMinutes: number;
  /** A session ends this long after its login, however active it is. */
  absoluteTimeoutMs: number;
  /** Ends a session that outlived the absolute timeout (deletes its tokens, gives the request a new empty session). */
  endSession: (req: Parameters<RequestHandler>[0]) => Promise<unknown>;
}

/** A rolling session still writes its store at most this often (the cookie is renewed on every response). */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * express-session with the cookie rules we hold to (OWASP ASVS): HttpOnly, SameSite=Lax, Secure and
 * the `__Host-` prefix on https, a rolling idle timeout, an absolute timeout, and no session until there
 * is something to keep.
 */
export function getSessionCookieName(secureCookie: boolean): string {
  return secureCookie ? '__Host-nansen.sid' : 'nansen.sid';
}

/** Let a store's touch (the rolling expiry) through at most once per interval per session. */
export function throttleTouches<S extends session.Store>(store: S, intervalMs = TOUCH_INTERVAL_MS, now = () => Date.now()): S {
  const touch = store.touch?.bind(store);
  if (!touch) return store;
  const lastTouch = new Map<string, number>();
  store.touch = (sid, sess, callback) => {
    const at = now();
    if ((lastTouch.get(sid) ?? -Infinity) + intervalMs > at) return callback?.();
    if (lastTouch.size > 50_000) for (const [key, t] of lastTouch) if (t + intervalMs <= at) lastTouch.delete(key);
    lastTouch.set(sid, at);
    touch(sid, sess, callback);
  };
  return store;
}

export function createSessionMiddleware(options: SessionMiddlewareOptions): RequestHandler[] {
  const sessions = session({
    name: getSessionCookieName(options.secureCookie),
    secret: [...options.secrets],
    store: throttleTouches(options.store),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    // Whether the request came over TLS is the app's `trust proxy` verdict (TRUST_PROXY): an
    // X-Forwarded-Proto from a client the app does not trust does not make a cookie Secure.
    proxy: undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookie,
      path: '/',
      maxAge: options.idleTimeoutMinutes * 60 * 1000,
    },
  });
  // Every error express-session hands on comes from its store (reading, saving or touching a session):
  // a store that is away (Redis restarting, unreachable) is a 503 saying so, not a 500.
  const sessionsOrUnavailable: RequestHandler = (req, res, next) => {
    sessions(req, res, (err?: unknown) => (err ? next(sessionStoreUnavailable(err)) : next()));
  };
  const absoluteTimeout: RequestHandler = (req, _res, next) => {
    const current = req.session;
    if (!current?.user) return next();
    // Sessions from before the absolute timeout was recorded have no createdAt: they end too.
    if (current.createdAt !== undefined && Date.now() - current.createdAt <= options.absoluteTimeoutMs) return next();
    options.endSession(req).then(() => next(), next);
  };
  return [sessionsOrUnavailable, absoluteTimeout];
}

/** The error a request gets while the session store cannot be used; the cause stays in the log. */
export function sessionStoreUnavailable(cause: unknown): UpstreamError {
  const error = new UpstreamError('The session store is unavailable, so Nansen cannot tell who you are; try again in a moment.', 'session_store_unavailable', 503);
  error.cause = cause;
  return error;
}
