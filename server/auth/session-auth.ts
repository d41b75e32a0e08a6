// The one accessor routes use to learn who is calling and to call upstream services with their token.
// It keeps the session's tokens in the token store, refreshes them shortly before they expire (one
// refresh at a time per session, across instances), and when a service refuses a token, refreshes
// once and tries again.
import type { Request } from 'express';
import type { User } from '../../contract/bff-api';
import { NotAuthenticatedError, UpstreamTokenRejectedError } from '../http/errors';
import type { Logger } from '../http/logger';
import { IdpUnavailableError, RefreshRefusedError, type OidcClient } from './oidc-client';
import type { SessionTokens } from './session-data';
import { getSessionCookieName, readCookie } from './session-middleware';
import type { StoredTokens, TokenStore } from './token-store';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** A token obtained by a login this recently that a service refuses points at the setup, not at the session. */
const FRESH_LOGIN_MS = 2 * 60_000;
/** How long one refresh may hold the lock, and how long others wait for it. */
const LOCK_TTL_MS = 15_000;
const LOCK_WAIT_MS = 15_000;
const LOCK_POLL_MS = 100;

export interface SessionAuth {
  /** The signed-in user; throws NotAuthenticatedError when there is none. */
  requireUser(req: Request): User;
  /** The signed-in user's groups from the provider (empty when none were sent or kept). */
  groupsOf(req: Request): readonly string[];
  /**
   * Call an upstream service with the user's token in the form it takes (UPSTREAM_AUTH: the access
   * token, or flaskoidc's token object), refreshed when close to expiry. When the
   * service refuses the token, refresh once and call again; when it refuses again, the session ends.
   */
  withAccessToken<T>(req: Request, call: (upstreamToken: string, session: CallerSession) => Promise<T>): Promise<T>;
  /** A fresh session (the caller regenerated it) for a user who just logged in. */
  startSession(req: Request, user: User, tokens: SessionTokens, groups?: readonly string[]): Promise<void>;
  /** End the session here (tokens deleted, a new empty session); returns the tokens it held. */
  endSession(req: Request): Promise<SessionTokens | undefined>;
  /** End sessions by id from outside a request (back-channel logout): their tokens and records go. */
  endSessionsById(sessionIds: readonly string[]): Promise<void>;
}

/** Who a call is made for, for code that needs more than the token (a directory lookup). */
export interface CallerSession {
  /** The access token as the identity provider issued it. */
  readonly accessToken: string;
  readonly user: User;
}

export interface SessionAuthOptions {
  oidc: OidcClient;
  tokens: TokenStore;
  logger: Logger;
  /** A session ends this long after its login, however active it is. */
  absoluteTimeoutMs: number;
  /** Removes a session record from the session store (express-session's store.destroy). */
  destroySessionRecord: (sessionId: string) => Promise<void>;
  /** What upstream services get for these tokens (UPSTREAM_AUTH); default: the access token. */
  upstreamToken?: (tokens: SessionTokens) => string;
}

/**
 * The 401 for a request without a signed-in user. A request that brought a session cookie had a session
 * that ended (logged out elsewhere, timed out, ended by the provider); one without had none here — never
 * logged in, or its cookie expired with it: the browser drops the cookie when the idle timeout ends the
 * session, so the two cannot be told apart after that.
 */
export function notLoggedIn(req: Request): NotAuthenticatedError {
  const cookies = req.headers?.cookie;
  const brought = readCookie(cookies, getSessionCookieName(false)) !== undefined || readCookie(cookies, getSessionCookieName(true)) !== undefined;
  return brought ? new NotAuthenticatedError() : new NotAuthenticatedError('You are not logged in; log in to use Nansen.');
}

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSessionAuth(options: SessionAuthOptions): SessionAuth {
  const { oidc, tokens: store, logger } = options;
  const upstreamToken = options.upstreamToken ?? ((tokens: SessionTokens) => tokens.accessToken);
  // Concurrent requests of one session in this process share one refresh.
  const refreshing = new Map<string, Promise<StoredTokens>>();

  function remainingLifetime(req: Request): number {
    const createdAt = req.session.createdAt ?? Date.now();
    return Math.max(1000, createdAt + options.absoluteTimeoutMs - Date.now());
  }

  async function endSession(req: Request): Promise<SessionTokens | undefined> {
    const sessionId = req.sessionID;
    const held = sessionId ? await store.read(sessionId).catch(() => undefined) : undefined;
    if (sessionId) await store.delete(sessionId);
    if (req.session?.user) {
      // A new, empty session: nothing of the old one can be used again, and code after this still has a session.
      await promisify((cb) => req.session.regenerate(cb));
    }
    return held?.tokens;
  }

  async function expire(req: Request, why: string): Promise<never> {
    await endSession(req);
    throw new NotAuthenticatedError(why, 'session_expired');
  }

  async function refreshLocked(req: Request, stale: StoredTokens): Promise<StoredTokens> {
    const sessionId = req.sessionID;
    const lock = `refresh:${sessionId}`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    while (!(await store.tryLock(lock, LOCK_TTL_MS))) {
      // Another request (here or on another instance) is refreshing: use its result.
      if (Date.now() > deadline) throw new IdpUnavailableError('Your session is being renewed; try again in a moment.', 'refresh_busy', 503);
      await sleep(LOCK_POLL_MS);
      const latest = await store.read(sessionId);
      if (!latest) return expire(req, 'Your session has ended; log in again.');
      if (latest.version !== stale.version) return latest;
    }
    try {
      const latest = await store.read(sessionId);
      if (!latest) return await expire(req, 'Your session has ended; log in again.');
      if (latest.version !== stale.version) return latest;
      let fresh: SessionTokens;
      try {
        fresh = await oidc.refresh(latest.tokens);
      } catch (err) {
        if (err instanceof RefreshRefusedError) {
          logger.warn(`token refresh refused (${err.code}); ending the session`);
          return await expire(req, 'Your session has expired; log in again.');
        }
        logger.warn('token refresh failed; keeping the session for the next try', err instanceof Error ? new Error(err.message) : undefined);
        throw err;
      }
      if (await store.write(sessionId, fresh, { ttlMs: remainingLifetime(req), expectVersion: latest.version })) {
        return { version: latest.version + 1, tokens: fresh };
      }
      // Someone wrote in between (the lock expired under a slow provider): theirs is newer.
      return (await store.read(sessionId)) ?? (await expire(req, 'Your session has ended; log in again.'));
    } finally {
      await store.unlock(lock);
    }
  }

  function refresh(req: Request, stale: StoredTokens): Promise<StoredTokens> {
    let pending = refreshing.get(req.sessionID);
    if (!pending) {
      pending = refreshLocked(req, stale).finally(() => refreshing.delete(req.sessionID));
      refreshing.set(req.sessionID, pending);
    }
    return pending;
  }

  async function currentTokens(req: Request): Promise<StoredTokens> {
    if (!req.session?.user) throw notLoggedIn(req);
    const stored = await store.read(req.sessionID);
    if (!stored) return expire(req, 'Your session has ended; log in again.');
    if (stored.tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return stored;
    return refresh(req, stored);
  }

  return {
    requireUser(req) {
      const user = req.session?.user;
      if (!user) throw notLoggedIn(req);
      return user;
    },

    async withAccessToken(req, call) {
      const stored = await currentTokens(req);
      const caller = (tokens: SessionTokens): CallerSession => ({ accessToken: tokens.accessToken, user: req.session.user! });
      try {
        return await call(upstreamToken(stored.tokens), caller(stored.tokens));
      } catch (err) {
        if (!(err instanceof UpstreamTokenRejectedError)) throw err;
        // Refused right after a login: renewing will not help; the setup is wrong, and the error says what to check.
        if (stored.tokens.obtainedBy === 'login' && Date.now() - stored.tokens.obtainedAt < FRESH_LOGIN_MS) throw err;
        const renewed = await refresh(req, stored);
        try {
          return await call(upstreamToken(renewed.tokens), caller(renewed.tokens));
        } catch (retryErr) {
          if (!(retryErr instanceof UpstreamTokenRejectedError)) throw retryErr;
          logger.warn('a service refused the renewed access token too; ending the session');
          return expire(req, 'The catalog no longer accepts your session; log in again.');
        }
      }
    },

    groupsOf(req) {
      if (!req.session?.user) throw notLoggedIn(req);
      return req.session.groups ?? [];
    },

    async startSession(req, user, tokens, groups = []) {
      req.session.user = user;
      req.session.createdAt = Date.now();
      if (groups.length > 0) req.session.groups = [...groups];
      await store.write(req.sessionID, tokens, { ttlMs: options.absoluteTimeoutMs });
      await promisify((cb) => req.session.save(cb));
    },

    endSession,

    async endSessionsById(sessionIds) {
      for (const sessionId of sessionIds) {
        await store.delete(sessionId);
        await options.destroySessionRecord(sessionId);
      }
    },
  };
}
