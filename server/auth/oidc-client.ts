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
  /** The one algorithm ID tokens must be signed with (asymmetric; config refuses `none` and HMAC). */
  idTokenSigningAlg: string;
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
  /** Refresh the tokens; a new ID token must name the same subject and issuer as the login's. */
  refresh(tokens: SessionTokens): Promise<SessionTokens>;
  buildLogoutUrl(idToken: string | undefined): Promise<string | null>;
}

const DEFAULT_TOKEN_LIFETIME_S = 300;

type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

/** A refresh answered with an ID token for someone else (or from another issuer): the session must end. */
export class IdTokenSubjectChangedError extends Error {
  override name = 'IdTokenSubjectChangedError';
  readonly code = 'id_token_subject_changed';
}

function toSessionTokens(response: TokenResponse, identity: { subject: string; issuer: string }, previous?: SessionTokens): SessionTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    idToken: response.id_token ?? previous?.idToken,
    expiresAt: Date.now() + (response.expiresIn() ?? DEFAULT_TOKEN_LIFETIME_S) * 1000,
    subject: identity.subject,
    issuer: identity.issuer,
  };
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  const insecureAllowed = isLoopbackUrl(settings.issuer);
  let configuration: Promise<oidc.Configuration> | undefined;

  function getConfiguration(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { id_token_signed_response_alg: settings.idTokenSigningAlg },
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          // Non-repudiation: verify the ID token's signature against the provider's JWKS, even though it
          // came straight from the token endpoint (openid-client skips that check by default).
          execute: insecureAllowed ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
          timeout: 10,
        },
      )
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
      const claims = response.claims();
      if (!claims) throw new Error('the token response has no ID token');
      return { tokens: toSessionTokens(response, { subject: claims.sub, issuer: claims.iss }), claims: { ...claims } };
    },

    async fetchUserInfo(accessToken, subject) {
      const config = await getConfiguration();
      return { ...(await oidc.fetchUserInfo(config, accessToken, subject)) };
    },

    async refresh(tokens) {
      if (!tokens.refreshToken) throw new Error('no refresh token');
      if (!tokens.subject || !tokens.issuer) throw new IdTokenSubjectChangedError('the session does not record whom it was issued to');
      const config = await getConfiguration();
      const response = await oidc.refreshTokenGrant(config, tokens.refreshToken);
      // OpenID Connect Core 12.2: a refreshed ID token keeps the login's iss and sub.
      const claims = response.claims();
      if (claims && (claims.sub !== tokens.subject || claims.iss !== tokens.issuer)) {
        throw new IdTokenSubjectChangedError('the refreshed ID token names another subject or issuer');
      }
      return toSessionTokens(response, { subject: tokens.subject, issuer: tokens.issuer }, tokens);
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
