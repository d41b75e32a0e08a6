// Logins in progress (PKCE verifier, nonce, where to return) live in a short-lived cookie sealed with the
// token cipher, not in the session store: a visitor who is not logged in costs the store nothing, and a
// flood of /login requests cannot grow it. The cookie holds the few most recent logins (several tabs may
// start one each). A login can be finished for 10 minutes; after that only the page it was started for is
// kept, for an hour from its start, so that "This login link has expired" can offer to log in again to
// that page (someone who left the provider's login form open too long); the cookie lives that long.
import type { Request, Response } from 'express';
import type { PendingLogin } from './session-data';
import type { TokenCipher } from './token-cipher';

export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
/** How long after its start the page an expired login was started for is remembered (its secrets are not). */
export const EXPIRED_LOGIN_REMEMBERED_MS = 60 * 60 * 1000;
const MAX_PENDING_LOGINS = 5;
const PURPOSE = 'pending-logins';

export type PendingLogins = Record<string, PendingLogin>;

export interface PendingLoginCookie {
  read(req: Request): PendingLogins;
  /** Add a login (dropping expired and the oldest beyond the limit). */
  add(req: Request, res: Response, state: string, pending: PendingLogin): void;
  /** Take the login of `state` out (it can be used once); undefined when there is none or it expired. */
  take(req: Request, res: Response, state: string): PendingLogin | undefined;
  /** Where the expired login of `state` was going (still remembered, as it was checked at /login); undefined when none. */
  expiredReturnTo(req: Request, state: string): string | undefined;
}

/** The value of one cookie from the Cookie header (express does not parse cookies by itself). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const isLive = (p: PendingLogin, now: number) => now - p.createdAt < PENDING_LOGIN_TTL_MS;

/** The logins still usable or remembered, the most recent first, at most MAX_PENDING_LOGINS (usable ones are newer: they come first). */
function keepRecent(logins: PendingLogins, now: number): PendingLogins {
  return Object.fromEntries(
    Object.entries(logins)
      .filter(([, p]) => typeof p?.createdAt === 'number' && now - p.createdAt < EXPIRED_LOGIN_REMEMBERED_MS && now >= p.createdAt)
      .sort(([, a], [, b]) => b.createdAt - a.createdAt)
      .slice(0, MAX_PENDING_LOGINS),
  );
}

const onlyLive = (logins: PendingLogins, now: number): PendingLogins => Object.fromEntries(Object.entries(logins).filter(([, p]) => isLive(p, now)));

export function createPendingLoginCookie(options: { cipher: TokenCipher; secure: boolean }): PendingLoginCookie {
  const name = options.secure ? '__Host-nansen.login' : 'nansen.login';
  const cookieOptions = { httpOnly: true, secure: options.secure, sameSite: 'lax' as const, path: '/' };

  /** Usable and remembered logins alike. */
  function readAll(req: Request): PendingLogins {
    const sealed = readCookie(req, name);
    const json = sealed ? options.cipher.open(sealed, PURPOSE) : null;
    if (!json) return {};
    try {
      const parsed = JSON.parse(json) as unknown;
      return parsed && typeof parsed === 'object' ? keepRecent(parsed as PendingLogins, Date.now()) : {};
    } catch {
      return {};
    }
  }

  function write(res: Response, logins: PendingLogins) {
    const now = Date.now();
    const entries = Object.values(logins);
    if (entries.length === 0) {
      res.clearCookie(name, cookieOptions);
      return;
    }
    // An expired login keeps where it was going, not its PKCE verifier and nonce.
    const kept = Object.fromEntries(Object.entries(logins).map(([state, p]) => [state, isLive(p, now) ? p : { codeVerifier: '', nonce: '', returnTo: p.returnTo, createdAt: p.createdAt }]));
    const newest = Math.max(...entries.map((p) => p.createdAt));
    res.cookie(name, options.cipher.seal(JSON.stringify(kept), PURPOSE), {
      ...cookieOptions,
      maxAge: Math.max(1000, newest + EXPIRED_LOGIN_REMEMBERED_MS - now),
    });
  }

  return {
    read: (req) => onlyLive(readAll(req), Date.now()),
    add(req, res, state, pending) {
      write(res, keepRecent({ ...readAll(req), [state]: pending }, Date.now()));
    },
    take(req, res, state) {
      const logins = readAll(req);
      const pending = logins[state];
      if (!pending || !isLive(pending, Date.now())) return undefined;
      delete logins[state];
      write(res, logins);
      return pending;
    },
    expiredReturnTo(req, state) {
      const login = readAll(req)[state];
      return login && !isLive(login, Date.now()) ? login.returnTo : undefined;
    },
  };
}
