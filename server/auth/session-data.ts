// What a Nansen session holds, server-side only. Tokens never leave the server.
import type { User } from '../../contract/bff-api';

export interface SessionTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds; the access token is refreshed shortly before this. */
  expiresAt: number;
  /** `sub` and `iss` of the login's verified ID token; a refresh must not change them. */
  subject?: string;
  issuer?: string;
}

export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: number;
}

declare module 'express-session' {
  interface SessionData {
    user?: User;
    tokens?: SessionTokens;
    /** Keyed by OAuth `state`, so logins started in several tabs do not clobber each other. */
    pendingLogins?: Record<string, PendingLogin>;
  }
}
