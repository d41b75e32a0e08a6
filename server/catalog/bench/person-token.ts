// A person's access token for the catalog, straight from the development provider: the BFF keeps its
// tokens server-side, so a benchmark that calls the catalog directly logs in itself, as the same person,
// with the BFF's client registration (its id and the secret the provider keeps in DATA_DIR). The code
// comes back to the BFF's redirect URI, which is never called: the benchmark redeems the code.
import * as oidc from 'openid-client';
import { readOrCreateDevIdpClientSecret } from '../../dev-idp/dev-idp-files';
import { completeDevIdpLogin } from '../../testing/dev-idp-login';

export async function getPersonToken(options: { issuer: string; baseUrl: string; dataDir: string; login: string }): Promise<string> {
  const redirectUri = `${options.baseUrl}/auth`;
  const config = await oidc.discovery(new URL(options.issuer), 'nansen-bff', readOrCreateDevIdpClientSecret(options.dataDir), undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const callback = await completeDevIdpLogin(authorizationUrl.href, options.login);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: verifier, expectedState: state });
  return tokens.access_token;
}
