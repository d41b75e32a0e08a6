// The one accessor routes use to learn who is calling and to get a fresh access token for them.
import type { Request } from 'express';
import type { User } from '../../contract/bff-api';
import { NotAuthenticatedError } from '../http/errors';
import type { Logger } from '../http/logger';
import type { OidcClient } from './oidc-client';
import type { SessionTokens } from './session-data';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export interface SessionAuth {
  /** The signed-in user; throws NotAuthenticatedError when there is none. */
  requireUser(req: Request): User;
  /** A valid access token for the signed-in user, refreshed when close to expiry. */
  getAccessToken(req: Request): Promise<string>;
}

export function createSessionAuth(oidcClient: OidcClient, logger: Logger): SessionAuth {
  // Concurrent requests of one session share one refresh.
  const refreshing = new Map<string, Promise<SessionTokens>>();

  function endSession(req: Request): never {
    delete req.session.user;
    delete req.session.tokens;
    throw new NotAuthenticatedError('Your session has expired; log in again.', 'session_expired');
  }

  return {
    requireUser(req) {
      const user = req.session?.user;
      if (!user || !req.session.tokens) throw new NotAuthenticatedError();
      return user;
    },

    async getAccessToken(req) {
      const tokens = req.session?.tokens;
      if (!req.session?.user || !tokens) throw new NotAuthenticatedError();
      if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return tokens.accessToken;
      if (!tokens.refreshToken) endSession(req);
      let pending = refreshing.get(req.sessionID);
      if (!pending) {
        pending = oidcClient.refresh(tokens).finally(() => refreshing.delete(req.sessionID));
        refreshing.set(req.sessionID, pending);
      }
      try {
        const fresh = await pending;
        req.session.tokens = fresh;
        return fresh.accessToken;
      } catch (err) {
        logger.warn('token refresh failed; ending the session', err instanceof Error ? new Error(err.message) : undefined);
        endSession(req);
      }
    },
  };
}
