// Logins in progress (PKCE verifier, nonce, where to return) live in a short-lived cookie sealed with the
// token cipher, not in the session store: a visitor who is not logged in costs the store nothing, and a
// flood of /login requests cannot grow it. The cookie holds the few most recent logins (several tabs may
// start one each). A login can be finished once, for 10 minutes. After that, and once it is used, only the
// page it was started for is kept, for an hour from its start: "This login link has expired" can offer to
// log in again to that page (someone who left the provider's login form open too long), and a callback
// link of a login already finished (the Back button) sends someone logged in on to it. The cookie lives
// that long.
import type { Request, Response } from 'express';
import type { PendingLogin } from './session-data';
import type { TokenCipher } from './token-cipher';

export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
/** How long after its start the page an expired login was started for is remembered (its secrets are not). */
export const EXPIRED_LOGIN_REMEMBERED_MS = 60 * 60 * 1000;
const MAX_PENDING_LOGINS = 5;
const PURPOSE = 'pending-logins';

export type PendingLogins = Record<string, PendingLogin>;

/** A login as the cookie holds it; `used` once its callback took it (then, like an expired one, without its secrets). */
type StoredLogin = PendingLogin & { used?: true };
type StoredLogins = Record<string, StoredLogin>;

export interface PendingLoginCookie {
  read(req: Request): PendingLogins;
  /** Add a login (dropping expired and the oldest beyond the limit). */
  add(req: Request, res: Response, state: string, pending: PendingLogin): void;
  /** Take the login of `state` (it can be used once); undefined when there is none, it expired or was used. */
  take(req: Request, res: Response, state: string): PendingLogin | undefined;
  /**
   * Where the login of `state` was going when it can no longer be finished (expired, or already used) but
   * is still remembered (as it was checked at /login); undefined when there is none or it can be finished.
   */
  rememberedReturnTo(req: Request, state: string): string | undefined;
  /**
   * Whether the request holds a pending-login cookie this instance cannot open: sealed with a secret it
   * does not have (another instance's SESSION_SECRETS), or altered.
   */
  unreadable(req: Request): boolean;
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

/** Can still be finished: not used, and started less than 10 minutes ago. */
const isUsable = (p: StoredLogin, now: number) => p.used !== true && now - p.createdAt < PENDING_LOGIN_TTL_MS;

/**
 * The logins still usable or remembered, at most MAX_PENDING_LOGINS: the usable ones first, so that a
 * remembered one never takes the place of a login a tab can still finish; then the most recent.
 */
function keepRecent(logins: StoredLogins, now: number): StoredLogins {
  return Object.fromEntries(
    Object.entries(logins)
      .filter(([, p]) => typeof p?.createdAt === 'number' && now - p.createdAt < EXPIRED_LOGIN_REMEMBERED_MS && now >= p.createdAt)
      .sort(([, a], [, b]) => Number(isUsable(b, now)) - Number(isUsable(a, now)) || b.createdAt - a.createdAt)
      .slice(0, MAX_PENDING_LOGINS),
  );
}

const onlyUsable = (logins: StoredLogins, now: number): PendingLogins => Object.fromEntries(Object.entries(logins).filter(([, p]) => isUsable(p, now)));

export function createPendingLoginCookie(options: {
  cipher: TokenCipher;
  secure: boolean;
  /** Hears of a cookie this instance cannot open (secret-mismatch-warning.ts); never given the value. */
  onUnknownSecret?: (cookieName: string) => void;
}): PendingLoginCookie {
  const name = options.secure ? '__Host-nansen.login' : 'nansen.login';
  const cookieOptions = { httpOnly: true, secure: options.secure, sameSite: 'lax' as const, path: '/' };

  /** Usable and remembered logins alike. */
  function readAll(req: Request): StoredLogins {
    const sealed = readCookie(req, name);
    const json = sealed ? options.cipher.open(sealed, PURPOSE) : null;
    if (sealed && json === null) options.onUnknownSecret?.(name);
    if (!json) return {};
    try {
      const parsed = JSON.parse(json) as unknown;
      return parsed && typeof parsed === 'object' ? keepRecent(parsed as StoredLogins, Date.now()) : {};
    } catch {
      return {};
    }
  }

  /** Never with no logins: `add` writes the new one, `take` keeps the one it used. */
  function write(res: Response, logins: StoredLogins) {
    const now = Date.now();
    const entries = Object.values(logins);
    // An expired or used login keeps where it was going, not its PKCE verifier and nonce.
    const kept = Object.fromEntries(Object.entries(logins).map(([state, p]) => [
      state,
      isUsable(p, now) ? p : { codeVerifier: '', nonce: '', returnTo: p.returnTo, createdAt: p.createdAt, ...(p.used ? { used: true } : {}) },
    ]));
    const newest = Math.max(...entries.map((p) => p.createdAt));
    res.cookie(name, options.cipher.seal(JSON.stringify(kept), PURPOSE), {
      ...cookieOptions,
      maxAge: Math.max(1000, newest + EXPIRED_LOGIN_REMEMBERED_MS - now),
    });
  }

  return {
    read: (req) => onlyUsable(readAll(req), Date.now()),
    add(req, res, state, pending) {
      write(res, keepRecent({ ...readAll(req), [state]: pending }, Date.now()));
    },
    take(req, res, state) {
      const logins = readAll(req);
      const pending = logins[state];
      if (!pending || !isUsable(pending, Date.now())) return undefined;
      // Used up: only where it was going stays (write drops its secrets), so that it is never taken again.
      logins[state] = { ...pending, used: true };
      write(res, logins);
      return pending;
    },
    unreadable(req) {
      const sealed = readCookie(req, name);
      return sealed !== undefined && sealed !== '' && options.cipher.open(sealed, PURPOSE) === null;
    },
    rememberedReturnTo(req, state) {
      const login = readAll(req)[state];
      return login && !isUsable(login, Date.now()) ? login.returnTo : undefined;
    },
  };
}
