// What a Nansen session holds, server-side only. Tokens never leave the server and are not in the
// session record itself: they live sealed in the token store (token-store.ts) under the session id.
import type { User } from '../../contract/bff-api';

export interface SessionTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds; the access token is refreshed shortly before this. */
  expiresAt: number;
  /** Epoch milliseconds when these tokens were issued, and by what. */
  obtainedAt: number;
  obtainedBy: 'login' | 'refresh';
  /** `sub` and `iss` of the login's verified ID token; a refresh must not change them. */
  subject?: string;
  issuer?: string;
  /** The provider's session id (`sid` claim), for back-channel logout. */
  providerSessionId?: string;
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
    /** Epoch milliseconds of the login: the absolute timeout counts from here. */
    createdAt?: number;
    /** The user's groups from the provider (OIDC_GROUPS_CLAIM), bounded, for permissions. */
    groups?: string[];
  }
}
