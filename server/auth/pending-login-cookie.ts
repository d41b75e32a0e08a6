// Logins in progress (PKCE verifier, nonce, where to return) live in a short-lived cookie sealed with the
// token cipher, not in the session store: a visitor who is not logged in costs the store nothing, and a
// flood of /login requests cannot grow it. The cookie holds the few most recent logins (several tabs may
// start one each) and expires with the oldest one allowed.
import type { Request, Response } from 'express';
import type { PendingLogin } from './session-data';
import type { TokenCipher } from './token-cipher';

export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING_LOGINS = 5;
const PURPOSE = 'pending-logins';

export type PendingLogins = Record<string, PendingLogin>;

export interface PendingLoginCookie {
  read(req: Request): PendingLogins;
  /** Add a login (dropping expired and the oldest beyond the limit). */
  add(req: Request, res: Response, state: string, pending: PendingLogin): void;
  /** Take the login of `state` out (it can be used once); undefined when there is none or it expired. */
  take(req: Request, res: Response, state: string): PendingLogin | undefined;
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

function keepRecent(logins: PendingLogins, now: number): PendingLogins {
  return Object.fromEntries(
    Object.entries(logins)
      .filter(([, p]) => now - p.createdAt < PENDING_LOGIN_TTL_MS && now >= p.createdAt)
      .sort(([, a], [, b]) => b.createdAt - a.createdAt)
      .slice(0, MAX_PENDING_LOGINS),
  );
}

export function createPendingLoginCookie(options: { cipher: TokenCipher; secure: boolean }): PendingLoginCookie {
  const name = options.secure ? '__Host-nansen.login' : 'nansen.login';
  const cookieOptions = { httpOnly: true, secure: options.secure, sameSite: 'lax' as const, path: '/' };

  function read(req: Request): PendingLogins {
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
    const entries = Object.values(logins);
    if (entries.length === 0) {
      res.clearCookie(name, cookieOptions);
      return;
    }
    const oldest = Math.min(...entries.map((p) => p.createdAt));
    res.cookie(name, options.cipher.seal(JSON.stringify(logins), PURPOSE), {
      ...cookieOptions,
      maxAge: Math.max(1000, oldest + PENDING_LOGIN_TTL_MS - Date.now()),
    });
  }

  return {
    read,
    add(req, res, state, pending) {
      write(res, keepRecent({ ...read(req), [state]: pending }, Date.now()));
    },
    take(req, res, state) {
      const logins = read(req);
      const pending = logins[state];
      if (!pending) return undefined;
      delete logins[state];
      write(res, logins);
      return pending;
    },
  };
}
