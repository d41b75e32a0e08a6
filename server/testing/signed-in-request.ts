// The session accessor's tests (server/auth/session-auth*.test.ts): Nansen's OIDC client pointed at the
// development provider, and a request as the session middleware leaves it after a real login through
// that provider stored its tokens.
import type { Request } from 'express';
import { createOidcClient, type OidcClient, type OidcSettings } from '../auth/oidc-client';
import type { SessionTokens } from '../auth/session-data';
import type { TokenStore } from '../auth/token-store';
import { buildUserFromClaims } from '../auth/user-from-claims';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { TEST_CLIENT } from './dev-idp-fixture';
import { completeDevIdpLogin } from './dev-idp-login';

const HOUR = 3_600_000;

export function devIdpOidcClient(idp: DevIdp, overrides: Partial<OidcSettings> = {}): OidcClient {
  return createOidcClient({
    issuer: idp.issuer,
    clientId: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    redirectUri: TEST_CLIENT.redirectUris[0]!,
    postLogoutRedirectUri: TEST_CLIENT.postLogoutRedirectUris[0]!,
    scopes: 'openid email profile',
    idTokenSigningAlg: 'RS256',
    ...overrides,
  });
}

export interface SignedInOptions {
  /** Changes the login's tokens before they are stored (an expiry, a refresh token). */
  adjust?: (tokens: SessionTokens) => SessionTokens;
  /** When the session began (the absolute timeout's start); undefined for a session from before it was recorded. */
  createdAt?: number | undefined;
}

/** Logs `login` in through the provider with `client`, stores the tokens under a new session id, and returns the request. */
export async function signedInRequest(client: OidcClient, store: TokenStore, login: string, options: SignedInOptions = {}) {
  const { adjust = (t: SessionTokens) => t } = options;
  const createdAt = 'createdAt' in options ? options.createdAt : Date.now();
  const start = await client.startLogin('/');
  const { tokens, claims } = await client.finishLogin(new URL(await completeDevIdpLogin(start.url, login)), start.pending, start.state);
  const sessionID = `sid-${login}-${Math.random()}`;
  const session = {
    user: buildUserFromClaims(claims, 'email'),
    createdAt,
    regenerate(cb: () => void) {
      delete (this as { user?: unknown }).user;
      cb();
    },
    save: (cb: () => void) => cb(),
  };
  await store.write(sessionID, adjust(tokens), { ttlMs: HOUR });
  return { req: { session, sessionID } as unknown as Request, tokens, claims };
}
