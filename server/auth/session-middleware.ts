import session from 'express-session';
import type { RequestHandler } from 'express';

export interface SessionMiddlewareOptions {
  secret: string;
  store: session.Store;
  secureCookie: boolean;
  idleTimeoutMinutes: number;
}

/**
 * express-session with the cookie rules we hold to (OWASP ASVS): HttpOnly, SameSite=Lax, Secure and
 * the `__Host-` prefix on https, a rolling idle timeout, and no session until there is something to keep.
 */
export function getSessionCookieName(secureCookie: boolean): string {
  return secureCookie ? '__Host-nansen.sid' : 'nansen.sid';
}

export function createSessionMiddleware(options: SessionMiddlewareOptions): RequestHandler {
  return session({
    name: getSessionCookieName(options.secureCookie),
    secret: options.secret,
    store: options.store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: options.secureCookie,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookie,
      path: '/',
      maxAge: options.idleTimeoutMinutes * 60 * 1000,
    },
  });
}
