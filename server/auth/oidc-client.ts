// The only module that talks OpenID Connect to the identity provider (through openid-client).
import * as oidc from 'openid-client';
import { isLoopbackUrl } from '../config/config-schema';
import { UpstreamError } from '../http/errors';
import type { PendingLogin, SessionTokens } from './session-data';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
}

export interface LoginStart {
  url: string;
  state: string;
  pending: PendingLogin;
}

export interface LoginResult {
  tokens: SessionTokens;
  claims: Record<string, unknown>;
}

export interface OidcClient {
  readonly issuer: string;
  startLogin(returnTo: string): Promise<LoginStart>;
  finishLogin(callbackUrl: URL, pending: PendingLogin, state: string): Promise<LoginResult>;
  fetchUserInfo(accessToken: string, subject: string): Promise<Record<string, unknown>>;
  refresh(tokens: SessionTokens): Promise<SessionTokens>;
  buildLogoutUrl(idToken: string | undefined): Promise<string | null>;
}

const DEFAULT_TOKEN_LIFETIME_S = 300;

function toSessionTokens(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers, previous?: SessionTokens): SessionTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    idToken: response.id_token ?? previous?.idToken,
    expiresAt: Date.now() + (response.expiresIn() ?? DEFAULT_TOKEN_LIFETIME_S) * 1000,
  };
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  const insecureAllowed = isLoopbackUrl(settings.issuer);
  let configuration: Promise<oidc.Configuration> | undefined;

  function getConfiguration(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
        execute: insecureAllowed ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((err: unknown) => {
        configuration = undefined; // try again next time
        const detail = err instanceof Error ? err.message : String(err);
        throw new UpstreamError(
          `Cannot reach the identity provider at ${settings.issuer} (${detail}). Check OIDC_ISSUER and that the provider is running.`,
          'idp_unreachable',
          502,
        );
      });
    return configuration;
  }

  return {
    issuer: settings.issuer,

    async startLogin(returnTo) {
      const config = await getConfiguration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, pending: { codeVerifier, nonce, returnTo, createdAt: Date.now() } };
    },

    async finishLogin(callbackUrl, pending, state) {
      const config = await getConfiguration();
      const response = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      return { tokens: toSessionTokens(response), claims: { ...response.claims() } };
    },

    async fetchUserInfo(accessToken, subject) {
      const config = await getConfiguration();
      return { ...(await oidc.fetchUserInfo(config, accessToken, subject)) };
    },

    async refresh(tokens) {
      if (!tokens.refreshToken) throw new Error('no refresh token');
      const config = await getConfiguration();
      return toSessionTokens(await oidc.refreshTokenGrant(config, tokens.refreshToken), tokens);
    },

    async buildLogoutUrl(idToken) {
      const config = await getConfiguration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : { client_id: settings.clientId }),
      }).href;
    },
  };
}
