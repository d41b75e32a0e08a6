import * as oidc from 'openid-client';
import { type DevIdp, startDevIdp } from '../dev-idp/start-dev-idp';
import type { CookieJar } from './create-cookie-jar';
import { completeDevIdpLogin } from './dev-idp-login';

export const TEST_AUDIENCE = 'urn:nansen:catalog';

export const TEST_CLIENT = {
  clientId: 'nansen-test',
  clientSecret: 'nansen-test-secret-that-is-long-enough',
  redirectUris: ['http://127.0.0.1:5999/auth/callback'],
  postLogoutRedirectUris: ['http://127.0.0.1:5999/'],
};

/** A dev IdP on a free port with the test client registered. */
export function startTestDevIdp(): Promise<DevIdp> {
  return startDevIdp({ mode: 'test', port: 0, client: TEST_CLIENT, accessTokenAudience: TEST_AUDIENCE });
}

/** openid-client configuration for the test client (http issuer allowed: it is on loopback). */
export function discoverTestClient(idp: DevIdp): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(idp.issuer), TEST_CLIENT.clientId, TEST_CLIENT.clientSecret, oidc.ClientSecretBasic(TEST_CLIENT.clientSecret), {
    execute: [oidc.allowInsecureRequests],
  });
}

/** Run the authorization code + PKCE flow as `login`, the way the BFF does, and return the tokens. */
export async function obtainDevIdpTokens(config: oidc.Configuration, login: string, jar?: CookieJar) {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: TEST_CLIENT.redirectUris[0],
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  const callbackUrl = await completeDevIdpLogin(authorizationUrl.href, login, jar);
  return oidc.authorizationCodeGrant(config, new URL(callbackUrl), { pkceCodeVerifier: codeVerifier, expectedState: state });
}
