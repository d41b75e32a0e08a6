// Nansen's OIDC client pointed at the hostile IdP, and a login through it (the hostile IdP signs
// everyone in as "roald" at once), for the tests of what the client accepts and sends.
import { createOidcClient, type LoginResult, type OidcClient, type OidcSettings } from '../auth/oidc-client';
import { HOSTILE_CLIENT, type HostileIdp } from './start-hostile-idp';

export function hostileOidcClient(hostile: HostileIdp, overrides: Partial<OidcSettings> = {}): OidcClient {
  return createOidcClient({
    issuer: hostile.issuer,
    clientId: HOSTILE_CLIENT.clientId,
    clientSecret: HOSTILE_CLIENT.clientSecret,
    redirectUri: 'http://127.0.0.1:5999/auth',
    postLogoutRedirectUri: 'http://127.0.0.1:5999/logged-out',
    scopes: 'openid email',
    idTokenSigningAlg: 'RS256',
    ...overrides,
  });
}

/** A login as far as the callback: the authorization request, the provider's redirect, the code exchange. */
export async function hostileLogin(client: OidcClient): Promise<LoginResult> {
  const start = await client.startLogin('/');
  const answer = await fetch(start.url, { redirect: 'manual' });
  return client.finishLogin(new URL(answer.headers.get('location')!), start.pending, start.state);
}

/** The error a promise fails with; throws when it does not fail. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
